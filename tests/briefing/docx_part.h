#pragma once
// One part of a .docx (word/document.xml, its relationships), read back
// with libzip, for tests that check what the Word file says.
#include <catch2/catch.hpp>

#include <string>

#include <zip.h>

namespace presswatch::testing {

inline std::string docx_part(const std::string& docx, const char* name) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(docx.data(), docx.size(), 0, &err);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
    REQUIRE(z);
    zip_stat_t st;
    REQUIRE(zip_stat(z, name, 0, &st) == 0);
    std::string out(st.size, '\0');
    zip_file_t* f = zip_fopen(z, name, 0);
    REQUIRE(zip_fread(f, out.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(f);
    zip_close(z);
    return out;
}

// The text a person reads in word/document.xml: the w:t elements' content,
// each run's text followed by a line break (XML entities left as written).
inline std::string docx_visible_text(const std::string& document_xml) {
    std::string out;
    for (std::size_t p = 0; (p = document_xml.find("<w:t", p)) != std::string::npos;) {
        auto open_end = document_xml.find('>', p);
        if (document_xml[open_end - 1] == '/') { p = open_end; continue; }
        // "<w:tbl", "<w:tc", "<w:tr"... are not text elements.
        char next = document_xml[p + 4];
        if (next != '>' && next != ' ') { p += 4; continue; }
        auto close = document_xml.find("</w:t>", open_end);
        out += document_xml.substr(open_end + 1, close - open_end - 1) + "\n";
        p = close;
    }
    return out;
}

}  // namespace presswatch::testing
