#pragma once
// Syllable tokens and sentences of Vietnamese text, with byte offsets into
// the text as given (not into a normalised copy), so that a match can be
// shown and highlighted in the original. NFC and NFD input give the same
// folded syllables; zero-width characters and U+FEFF inside a word are
// ignored. Thread-safe.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace presswatch::text {

struct Syllable {
    std::size_t offset = 0;  // bytes, into the original text
    std::size_t length = 0;  // bytes
    std::string folded;      // lowercase, no diacritics, đ -> d ("hoá" -> "hoa")
    bool ascii = true;       // the original bytes are all ASCII (no diacritics)
};

// A word is a run of letters, digits and combining marks; everything else
// (space, punctuation, hyphens, dots) separates words. "TP.HCM" gives two.
// A run holding two glued words is cut as glued_word_break() says:
// "Thanh HóaNhiều" gives "Thanh", "Hóa", "Nhiều".
std::vector<Syllable> syllables(std::string_view text);

// Where a run of word characters holds two words glued together, as naive
// text extraction joins a dateline set in its own element to the lead
// ("HóaNhiều"): the byte offset of the first cut, 0 for none. A cut falls
// before an upper-case letter that follows a lower-case one, when the part
// before starts with a capital and has at least two letters, the part after
// (up to the next such change of case) has at least two letters, and one
// of the two parts has a letter outside ASCII (Vietnamese diacritics). So
// "McDonald", "iPhone", "YouTube", "VnExpress" and "ThS" stay whole (all
// ASCII, or too short). Shared by triage (syllables) and the index's word
// scanner (index/terms.h), so that both see the same words.
std::size_t glued_word_break(std::string_view word);

// The same, without building a vector: calls f for each syllable. The
// Syllable passed is reused between calls (its folded string is a buffer).
void for_each_syllable(std::string_view text, const std::function<void(const Syllable&)>& f);

struct Span {
    std::size_t offset = 0;
    std::size_t length = 0;
};

// Sentences: split after . ! ? … (and closing quotes or brackets after
// them) when a space and an upper-case letter, a digit or an opening quote
// follow, and at every line break. Not after a known abbreviation ("TP.",
// "TS.", "PGS.") or a single capital ("N. V. A"), nor inside numbers
// ("1.000"). Spans exclude surrounding white space; empty ones are dropped.
std::vector<Span> sentences(std::string_view text);

// Folds one code point as syllables() does: the lowercase base letter, 0
// for a combining mark or an ignorable character (part of a word, adds
// nothing), or U+FFFF for a character that separates words.
char32_t fold_code_point(char32_t c);

// Decodes one UTF-8 code point at text[i], advancing i; invalid bytes give
// U+FFFD and advance one byte.
char32_t decode_utf8(std::string_view text, std::size_t& i);
void append_utf8(std::string& out, char32_t c);

}  // namespace presswatch::text
