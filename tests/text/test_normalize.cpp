#include <catch2/catch.hpp>

#include <string>

#include "text/normalize.h"

using presswatch::text::nfc;

TEST_CASE("nfc composes, drops invisible characters and replaces broken UTF-8, and keeps text already in NFC", "[text][nfc]") {
    struct Case {
        std::string input, expected;
    };
    const Case cases[] = {
        {"Thanh Hóa", "Thanh Hóa"},                                   // already NFC: the fast path
        {"Thanh Ho\xCC\x81" "a", "Thanh Hóa"},                         // o + combining acute
        {"Tha\xCC\x80nh", "Thành"},                                   // a + combining grave
        {"Thanh\xE2\x80\x8BHóa", "ThanhHóa"},                          // zero-width space in NFC text
        {"a\xE2\x81\xA0" "b", "ab"},                                   // word joiner
        {"\xEF\xBB\xBF<html>", "<html>"},                              // a BOM
        {"Ho\xE2\x80\x8B\xCC\x81" "a", "Hóa"},                          // a zero-width space between a letter and its mark
        {"Tha\xCC\x80nh H\xC3\xB3" "a", "Thành Hóa"},                    // NFC after a decomposed word
        {"\xE2\x80\x8B\xE2\x80\x8C", ""},                              // nothing but invisible characters
        {"a\xFF" "b", "a\xEF\xBF\xBD" "b"},                             // an invalid byte
        {"ph\xE1\xBB", "ph\xEF\xBF\xBD"},                               // a cut-off sequence at the end
        {"", ""},
    };
    for (const auto& c : cases) {
        INFO(c.input);
        CHECK(nfc(c.input) == c.expected);
    }
    // Overlong forms and encoded surrogates are not well-formed UTF-8: they
    // take the slow path and come out as U+FFFD, never as themselves.
    for (std::string bad : {std::string("a\xC0\xAF" "b"), std::string("a\xED\xA0\x80" "b")}) {
        auto out = nfc(bad);
        CHECK(out.find("\xEF\xBF\xBD") != std::string::npos);
        CHECK(out.find(bad.substr(1, bad.size() - 2)) == std::string::npos);
    }
}
