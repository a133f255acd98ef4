#include "index/tone_marks.h"

#include <unordered_map>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace presswatch::index {
namespace {

// Same bound and reason as fold_stemmer.cpp's cache.
constexpr std::size_t max_cached_words = 200'000;
// A Vietnamese nucleus has at most three vowels ("khuỷu", "người").
constexpr std::size_t max_nucleus = 3;

bool is_tone(UChar32 c) { return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323; }
// Circumflex, breve, horn: the marks that make â ă ê ô ơ ư.
bool is_quality(UChar32 c) { return c == 0x0302 || c == 0x0306 || c == 0x031B; }
bool is_mark(UChar32 c) {
    auto t = u_charType(c);
    return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}
bool is_vowel(UChar32 c) {
    switch (u_tolower(c)) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
    default: return false;
    }
}

// One letter of the decomposed syllable: its base and its non-tone marks.
struct Letter {
    UChar32 base;
    icu::UnicodeString marks;
    bool vowel() const { return is_vowel(base); }
    bool quality() const {
        for (int32_t i = 0; i < marks.length(); ++i)
            if (is_quality(marks.charAt(i))) return true;
        return false;
    }
};

bool valid_final(const std::vector<Letter>& letters, std::size_t from) {
    std::string fin;
    for (std::size_t i = from; i < letters.size(); ++i) {
        if (letters[i].base > 0x7F || !letters[i].marks.isEmpty()) return false;
        fin += static_cast<char>(u_tolower(letters[i].base));
    }
    static const char* const finals[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};
    for (const char* f : finals)
        if (fin == f) return true;
    return false;
}

// The syllable rewritten, or the input when it is not one Vietnamese
// syllable with exactly one tone mark.
icu::UnicodeString canonical_syllable(const icu::UnicodeString& word) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    icu::UnicodeString d = nfd->normalize(word, status);
    if (U_FAILURE(status)) return word;

    std::vector<Letter> letters;
    UChar32 tone = 0;
    int tones = 0;
    for (int32_t i = 0; i < d.length();) {
        UChar32 c = d.char32At(i);
        i += U16_LENGTH(c);
        if (is_tone(c)) {
            tone = c;
            ++tones;
        } else if (is_mark(c)) {
            if (letters.empty()) return word;
            letters.back().marks.append(c);
        } else {
            letters.push_back({c, {}});
        }
    }
    if (tones != 1) return word;

    // consonants* vowels+ final?
    std::size_t first = 0;
    while (first < letters.size() && !letters[first].vowel()) ++first;
    std::size_t end = first;
    while (end < letters.size() && letters[end].vowel()) ++end;
    if (first == letters.size() || !valid_final(letters, end)) return word;
    // "qu" and "gi" before another vowel are part of the initial.
    if (end - first > 1 && first > 0) {
        UChar32 prev = u_tolower(letters[first - 1].base);
        UChar32 v = u_tolower(letters[first].base);
        if ((prev == 'q' && v == 'u') || (prev == 'g' && v == 'i' && first == 1)) ++first;
    }
    std::size_t n = end - first;
    if (n > max_nucleus) return word;

    std::size_t at = end;
    for (std::size_t i = first; i < end; ++i)
        if (letters[i].quality()) at = i;  // the last one: "ươ" takes it on ơ
    if (at == end) {
        if (n == 1) {
            at = first;
        } else if (end < letters.size()) {
            at = end - 1;                   // closed syllable: the last vowel
        } else if (n == 3) {
            at = first + 1;                 // "khuỷu"
        } else {
            UChar32 a = u_tolower(letters[first].base), b = u_tolower(letters[first + 1].base);
            bool second = (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y');
            at = second ? first + 1 : first;
        }
    }
    icu::UnicodeString out;
    for (std::size_t i = 0; i < letters.size(); ++i) {
        out.append(letters[i].base);
        out.append(letters[i].marks);
        // After the quality mark: o + U+0301 + U+0302 would not compose to ố.
        if (i == at) out.append(tone);
    }
    icu::UnicodeString composed = nfc->normalize(out, status);
    return U_FAILURE(status) ? word : composed;
}

std::string canonical_word(std::string_view word) {
    thread_local std::unordered_map<std::string, std::string> cache;
    std::string key(word);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    if (cache.size() >= max_cached_words) cache.clear();
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    std::string out;
    canonical_syllable(u).toUTF8String(out);
    cache.emplace(std::move(key), out);
    return out;
}

// Length in bytes of the letter or mark at text[i], 0 if none there.
std::size_t letter_at(std::string_view text, std::size_t i) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ? 1 : 0;
    int32_t pos = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(text.data(), pos, static_cast<int32_t>(text.size()), c);
    if (c < 0 || !(u_isalpha(c) || is_mark(c))) return 0;
    return static_cast<std::size_t>(pos) - i;
}

}  // namespace

std::string canonical_tones(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t len = letter_at(text, i);
        if (len == 0) {
            out += text[i++];
            continue;
        }
        std::size_t j = i;
        bool ascii = true;
        while (j < text.size() && (len = letter_at(text, j)) > 0) {
            if (len > 1) ascii = false;
            j += len;
        }
        std::string_view word = text.substr(i, j - i);
        if (ascii) out += word;  // no tone marks possible
        else out += canonical_word(word);
        i = j;
    }
    return out;
}

}  // namespace presswatch::index
