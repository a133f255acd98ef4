#include <catch2/catch.hpp>

#include <string>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

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

namespace {

// fold as it was written first, one ICU call after another for every
// character: the table-driven fold must give the same bytes.
std::string fold_by_icu(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString d = nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))), status);
    icu::UnicodeString out;
    for (int32_t i = 0; i < d.length();) {
        UChar32 c = d.char32At(i);
        i += U16_LENGTH(c);
        if ((c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF) continue;
        int8_t type = u_charType(c);
        if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) continue;
        UChar32 base = c;
        if (c == 0x0111 || c == 0x0110) {
            base = 'd';
        } else if (c >= 0x80) {
            icu::UnicodeString decomposed;
            if (nfd->getDecomposition(c, decomposed) && !decomposed.isEmpty()) base = decomposed.char32At(0);
        }
        out.append(u_tolower(base));
    }
    std::string result;
    out.toUTF8String(result);
    return result;
}

std::string utf8_of(UChar32 c) {
    std::string s;
    icu::UnicodeString(c).toUTF8String(s);
    return s;
}

}  // namespace

TEST_CASE("fold gives what ICU gives character by character, for every character", "[text][fold]") {
    std::string all;
    for (UChar32 c = 1; c <= 0x10FFFF; c += c < 0x3100 ? 1 : 7) {
        if (U_IS_SURROGATE(c)) continue;
        std::string one = utf8_of(c);
        INFO("U+" << std::hex << c);
        REQUIRE(presswatch::text::fold(one) == fold_by_icu(one));
        if (c < 0x3100) all += one;
    }
    CHECK(presswatch::text::fold(all) == fold_by_icu(all));
    for (std::string s : {"Thanh Hoá", "THANH HÓA", "Đường Lê Lợi, TP. Thanh Hóa", "Thanh Ho\xCC\x81" "a (NFD)",
                          "ASCII only: Nghi Son 2026", "", "zero\xE2\x80\x8Bwidth", "\xED\xA0\x80 broken \xFF"}) {
        INFO(s);
        CHECK(presswatch::text::fold(s) == fold_by_icu(s));
    }
}
