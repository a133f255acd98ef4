#include "text/syllables.h"

#include <array>
#include <memory>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace presswatch::text {
namespace {

constexpr char32_t separator = 0xFFFF;
constexpr char32_t ignorable = 0;
// Every precomposed Vietnamese letter lies below U+2000 (Latin-1,
// Latin Extended-A/B, Latin Extended Additional), so a table of that size
// folds them without a call into ICU per character.
constexpr char32_t table_size = 0x2000;

std::unique_ptr<std::array<char32_t, table_size>> build_table() {
    auto t = std::make_unique<std::array<char32_t, table_size>>();
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    for (char32_t c = 0; c < table_size; ++c) {
        UChar32 u = static_cast<UChar32>(c);
        char32_t folded = separator;
        if (u_getCombiningClass(u) != 0 || u_charType(u) == U_NON_SPACING_MARK) {
            folded = ignorable;
        } else if (u_isalnum(u)) {
            UChar32 base = u;
            icu::UnicodeString d;
            if (u == 0x0110 || u == 0x0111) base = 'd';
            else if (nfd && nfd->getDecomposition(u, d) && !d.isEmpty()) base = d.char32At(0);
            folded = static_cast<char32_t>(u_tolower(base));
        }
        (*t)[c] = folded;
    }
    return t;
}

const std::array<char32_t, table_size>& fold_table() {
    static const auto table = build_table();
    return *table;
}

}  // namespace

char32_t fold_code_point(char32_t c) {
    if (c < table_size) return fold_table()[c];
    if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF) return ignorable;
    UChar32 u = static_cast<UChar32>(c);
    if (u_getCombiningClass(u) != 0) return ignorable;
    if (u_isalnum(u)) return static_cast<char32_t>(u_tolower(u));
    return separator;
}

char32_t decode_utf8(std::string_view s, std::size_t& i) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        ++i;
        return b;
    }
    int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t c = b & (0xFF >> (len + 1));
    for (int k = 1; k < len; ++k) {
        unsigned char n = static_cast<unsigned char>(s[i + k]);
        if ((n & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        c = (c << 6) | (n & 0x3F);
    }
    i += len;
    return c;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::size_t glued_word_break(std::string_view w) {
    // Both parts have two letters: at least four bytes; and one has a byte
    // outside ASCII. Most words leave here.
    if (w.size() < 4) return 0;
    bool non_ascii = false;
    for (char ch : w) non_ascii |= static_cast<unsigned char>(ch) >= 0x80;
    if (!non_ascii) return 0;
    std::size_t i = 0, cut = 0;
    int letters[2] = {0, 0};
    bool outside_ascii[2] = {false, false};
    bool prev_lower = false;
    int part = 0;
    while (i < w.size()) {
        std::size_t at = i;
        char32_t c = decode_utf8(w, i);
        UChar32 u = static_cast<UChar32>(c);
        bool upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(u);
        bool lower = c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(u);
        if (upper && prev_lower) {
            if (part == 1) break;  // the part after ends at the next change of case
            cut = at;
            part = 1;
        }
        if (at == 0 && !upper) return 0;  // the part before starts with a capital
        if (upper || lower || (c >= 0x80 && u_isalpha(u))) ++letters[part];
        if (c >= 0x80) outside_ascii[part] = true;
        // A combining mark (NFD text) keeps the case of its letter.
        if (upper || lower) prev_lower = lower;
    }
    if (part == 0 || letters[0] < 2 || letters[1] < 2 || !(outside_ascii[0] || outside_ascii[1])) return 0;
    return cut;
}

namespace {

// Folds text[from, to) into s (a word or a piece of one), as the scan does.
void fold_piece(std::string_view text, std::size_t from, std::size_t to, Syllable& s) {
    const auto& table = fold_table();
    s.offset = from;
    s.length = to - from;
    s.folded.clear();
    s.ascii = true;
    for (std::size_t i = from; i < to;) {
        char32_t c = decode_utf8(text, i);
        char32_t folded = c < table_size ? table[c] : fold_code_point(c);
        if (c >= 0x80) s.ascii = false;
        if (folded != ignorable && folded != separator) append_utf8(s.folded, folded);
    }
}

}  // namespace

void for_each_syllable(std::string_view text, const std::function<void(const Syllable&)>& f) {
    const auto& table = fold_table();
    Syllable cur;
    bool in_word = false;
    std::size_t i = 0;
    auto close = [&](std::size_t end) {
        if (in_word && !cur.folded.empty()) {
            // Glued words (only words with diacritics can be) are cut and
            // each piece folded again; the rest keep the fold of the scan.
            std::size_t cut = cur.ascii ? 0 : glued_word_break(text.substr(cur.offset, end - cur.offset));
            if (cut == 0) {
                cur.length = end - cur.offset;
                f(cur);
            } else {
                std::size_t from = cur.offset;
                while (cut != 0) {
                    fold_piece(text, from, from + cut, cur);
                    f(cur);
                    from += cut;
                    cut = glued_word_break(text.substr(from, end - from));
                }
                fold_piece(text, from, end, cur);
                f(cur);
            }
        }
        in_word = false;
    };
    while (i < text.size()) {
        std::size_t start = i;
        char32_t c = decode_utf8(text, i);
        char32_t folded = c < table_size ? table[c] : fold_code_point(c);
        if (folded == separator) {
            close(start);
            continue;
        }
        if (!in_word) {
            if (folded == ignorable) continue;  // a stray mark or U+FEFF before a word
            in_word = true;
            cur.offset = start;
            cur.folded.clear();
            cur.ascii = true;
        }
        if (c >= 0x80) cur.ascii = false;
        if (folded != ignorable) append_utf8(cur.folded, folded);
    }
    close(text.size());
}

std::vector<Syllable> syllables(std::string_view text) {
    std::vector<Syllable> out;
    for_each_syllable(text, [&](const Syllable& s) { out.push_back(s); });
    return out;
}

}  // namespace presswatch::text
