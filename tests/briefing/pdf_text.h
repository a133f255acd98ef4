#pragma once
// Converts a Word file to PDF with LibreOffice, as a person opening it
// would, and returns the PDF's text (pdftotext). Empty optional when
// LibreOffice is not installed: the caller skips with a message.
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "report_fixture.h"

namespace presswatch::testing {

inline bool have_libreoffice() { return std::system("command -v libreoffice >/dev/null 2>&1") == 0; }

inline std::optional<std::string> docx_pdf_text(const std::filesystem::path& docx, const std::filesystem::path& work) {
    if (!have_libreoffice()) return std::nullopt;
    // A profile of its own, so that parallel runs do not share a lock.
    auto profile = work / "lo-profile";
    std::string cmd = "libreoffice -env:UserInstallation=file://" + profile.string() +
                      " --headless --convert-to pdf --outdir '" + work.string() + "' '" + docx.string() +
                      "' >'" + (work / "lo.log").string() + "' 2>&1";
    if (std::system(cmd.c_str()) != 0) return std::string();
    auto pdf = work / docx.filename().replace_extension(".pdf");
    if (!std::filesystem::exists(pdf)) return std::string();
    auto txt = work / "out.txt";
    std::string t = "pdftotext -enc UTF-8 '" + pdf.string() + "' '" + txt.string() + "'";
    if (std::system(t.c_str()) != 0) return std::string();
    return read_all(txt);
}

// pdftotext breaks lines where the PDF does and spreads justified words
// ("S ở"): compare with every space and line break taken out.
inline std::string without_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\t' && c != '\f' && c != '\r') out += c;
    return out;
}

}  // namespace presswatch::testing
