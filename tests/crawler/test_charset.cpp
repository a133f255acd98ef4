#include <catch2/catch.hpp>

#include "crawler/charset.h"

using presswatch::crawler::decode_to_utf8;

TEST_CASE("charset: header, then BOM, then meta, then detection; always UTF-8 NFC out") {
    // "Thanh Hóa" in windows-1258 writes the acute as a combining byte (0xEC).
    const std::string cp1258 = "<html><head><meta charset=\"windows-1258\"></head><body>Thanh Ho\xEC" "a</body></html>";
    struct Row {
        const char* name;
        std::string body;
        std::string content_type;
        std::string expect_contains;
        std::string expect_source;
    };
    const Row rows[] = {
        {"UTF-8 by header", "<p>Thanh Hóa</p>", "text/html; charset=UTF-8", "Thanh Hóa", "header"},
        {"windows-1258 by meta", cp1258, "text/html", "Thanh Hóa", "meta"},
        {"windows-1258 by header", "<p>Thanh Ho\xEC" "a</p>", "text/html; charset=windows-1258", "Thanh Hóa", "header"},
        {"wrong header: says UTF-8, page is windows-1258", cp1258, "text/html; charset=utf-8", "Thanh Hóa", "meta"},
        {"ISO-8859-1 read as windows-1252", "<p>caf\xE9 \x93quoted\x94</p>", "text/html; charset=iso-8859-1",
         "café “quoted”", "header"},
        {"UTF-8 BOM wins over nothing", "\xEF\xBB\xBF<p>Hóa</p>", "", "<p>Hóa</p>", "bom"},
        {"UTF-16LE BOM", std::string("\xFF\xFE<\0p\0>\0H\0\xF3\0", 12), "", "<p>Hó", "bom"},
        {"http-equiv", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>caf\xE9</p>",
         "", "café", "meta"},
        {"XML declaration", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>caf\xE9</r>", "", "café", "meta"},
        {"no declaration, valid UTF-8", "<p>Thanh Hóa</p>", "", "Thanh Hóa", "default"},
    };
    for (const auto& r : rows) {
        INFO(r.name);
        auto d = decode_to_utf8(r.body, r.content_type);
        CHECK(d.text.find(r.expect_contains) != std::string::npos);
        CHECK(d.source == r.expect_source);
    }
}

TEST_CASE("charset: NFD text becomes NFC") {
    auto d = decode_to_utf8("Thanh Ho\xCC\x81" "a", "text/html; charset=utf-8");
    CHECK(d.text == "Thanh Hóa");
}

TEST_CASE("charset: invalid bytes are replaced, never a crash") {
    auto d = decode_to_utf8("ok \xC3\x28 \xFF end", "text/html; charset=utf-8");
    CHECK(d.text.find("ok") == 0);
    CHECK(d.text.find("end") != std::string::npos);
    auto unknown = decode_to_utf8("<p>x</p>", "text/html; charset=x-no-such-charset");
    CHECK(unknown.text == "<p>x</p>");
    auto empty = decode_to_utf8("", "");
    CHECK(empty.text.empty());
}

TEST_CASE("charset: undeclared legacy bytes are detected, not passed through as broken UTF-8") {
    std::string latin;
    for (int i = 0; i < 20; ++i) latin += "Le caf\xE9 est tr\xE8s bon, la for\xEAt est belle. ";
    auto d = decode_to_utf8(latin, "text/html");
    CHECK(d.source == "detected");
    CHECK(d.text.find("café") != std::string::npos);
}
