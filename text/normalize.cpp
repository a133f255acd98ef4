#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <vector>

namespace presswatch::text {
namespace {

bool is_invisible(UChar32 c) {
    return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

// Base letter of a Vietnamese (or other Latin) letter without its marks:
// NFD then drop combining marks; đ has no decomposition so it is mapped by hand.
UChar32 strip_marks(UChar32 c, const icu::Normalizer2& nfd) {
    if (c < 0x80) return c;
    if (c == 0x0111 || c == 0x0110) return 'd';
    icu::UnicodeString decomposed;
    if (!nfd.getDecomposition(c, decomposed) || decomposed.isEmpty()) return c;
    return decomposed.char32At(0);
}

icu::UnicodeString to_unicode(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// Well-formed UTF-8 as ICU reads it (no overlong forms, no surrogates):
// anything else takes the slow path, which turns it into U+FFFD.
bool strict_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    auto len = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < len;) {
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        UChar32 c;
        U8_NEXT(p, i, len, c);
        if (c < 0) return false;
    }
    return true;
}

// Whether s holds a UTF-8 form of a character is_invisible drops.
bool has_invisible_utf8(std::string_view s) {
    for (std::size_t i = s.find('\xE2'); i != std::string_view::npos; i = s.find('\xE2', i + 1)) {
        if (i + 2 >= s.size()) break;
        auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
        if ((b1 == 0x80 && b2 >= 0x8B && b2 <= 0x8D) || (b1 == 0x81 && b2 == 0xA0)) return true;
    }
    return s.find("\xEF\xBB\xBF") != std::string_view::npos;
}

// The characters is_invisible drops, removed from well-formed UTF-8.
std::string strip_invisible_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    auto len = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < len;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, len, c);
        if (!is_invisible(c)) out.append(s.data() + start, static_cast<std::size_t>(i - start));
    }
    return out;
}

}  // namespace

std::string nfc(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    // Well-formed UTF-8 (nearly every page) is normalised as UTF-8: the
    // invisible characters are cut from the bytes, text already in NFC is
    // returned as it is, and the rest goes through ICU's UTF-8 normaliser,
    // which copies the spans already in NFC. The round trip through UTF-16
    // below, a character at a time, cost a 170 KB page with one zero-width
    // space 1.6 ms (bench_crawl --clippings, docs/benchmarks.md).
    if (U_SUCCESS(status) && s.size() < INT32_MAX && strict_utf8(s)) {
        bool cut = has_invisible_utf8(s);
        std::string stripped = cut ? strip_invisible_utf8(s) : std::string();
        std::string_view in = cut ? std::string_view(stripped) : s;
        icu::StringPiece piece(in.data(), static_cast<int32_t>(in.size()));
        UErrorCode check = U_ZERO_ERROR;
        if (n->isNormalizedUTF8(piece, check) && U_SUCCESS(check)) return cut ? stripped : std::string(s);
        std::string out;
        out.reserve(in.size());
        icu::StringByteSink<std::string> sink(&out);
        UErrorCode norm = U_ZERO_ERROR;
        n->normalizeUTF8(0, piece, sink, nullptr, norm);
        if (U_SUCCESS(norm)) return out;
    }
    // Broken UTF-8: ICU's decoder turns each bad sequence into U+FFFD.
    icu::UnicodeString u = to_unicode(s);
    icu::UnicodeString cleaned;
    for (int32_t i = 0; i < u.length();) {
        UChar32 c = u.char32At(i);
        if (!is_invisible(c)) cleaned.append(c);
        i += U16_LENGTH(c);
    }
    icu::UnicodeString out = n->normalize(cleaned, status);
    if (U_FAILURE(status)) out = cleaned;
    std::string result;
    out.toUTF8String(result);
    return result;
}

namespace {

// What fold makes of one code point of the decomposed text: its base letter
// in lower case, or -1 when it is dropped (a mark, an invisible character).
UChar32 fold_code_point(UChar32 c, const icu::Normalizer2& nfd) {
    if (is_invisible(c)) return -1;
    int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) return -1;
    return u_tolower(strip_marks(c, nfd));
}

// fold_code_point of every code point below this, computed once: text is
// folded for every article (extraction, stories, search), and asking ICU
// character by character (a UnicodeString for each decomposition) was most
// of fold's time.
constexpr UChar32 folded_table_end = 0x3000;

const std::vector<UChar32>& folded_table(const icu::Normalizer2& nfd) {
    static const std::vector<UChar32> table = [&] {
        std::vector<UChar32> t(folded_table_end);
        for (UChar32 c = 0; c < folded_table_end; ++c) t[static_cast<std::size_t>(c)] = fold_code_point(c, nfd);
        return t;
    }();
    return table;
}

bool all_ascii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

}  // namespace

std::string fold(std::string_view s) {
    // ASCII is its own decomposition, and only A-Z change.
    if (all_ascii(s)) {
        std::string out(s);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const std::vector<UChar32>& table = folded_table(*nfd);
    icu::UnicodeString u = to_unicode(s);
    // Decompose fully so that NFD input and combining marks are handled alike.
    icu::UnicodeString d = nfd->normalize(u, status);
    if (U_FAILURE(status)) d = u;
    std::string result;
    result.reserve(s.size());
    for (int32_t i = 0; i < d.length();) {
        UChar32 c = d.char32At(i);
        i += U16_LENGTH(c);
        UChar32 f = c < folded_table_end ? table[static_cast<std::size_t>(c)] : fold_code_point(c, *nfd);
        if (f < 0) continue;
        // A lone surrogate becomes U+FFFD, as UnicodeString::toUTF8String writes it.
        if (U_IS_SURROGATE(f)) f = 0xFFFD;
        char buf[U8_MAX_LENGTH];
        int32_t n = 0;
        U8_APPEND_UNSAFE(buf, n, f);
        result.append(buf, static_cast<std::size_t>(n));
    }
    return result;
}

std::string ascii_slug(std::string_view s) {
    std::string out;
    for (char c : fold(s)) {
        bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

}  // namespace presswatch::text
