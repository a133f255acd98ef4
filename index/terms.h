#pragma once
// How text becomes index terms, shared by the writer and the query
// compiler so that both sides always produce the same terms.
//
// A word is a maximal run of letters, combining marks and digits; anything
// else separates words ("covid-19" is two words, "Thanh-Hóa" too). A run
// holding two glued words is cut where text::glued_word_break() says
// ("Thanh HóaNhiều": "thanh", "hoa", "nhieu"), as triage cuts it. Words
// longer than max_word_bytes are skipped on both sides: they are noise
// (URLs, base64) and Xapian refuses terms over 245 bytes.
//
// Every word has two forms, computed once per distinct word and cached per
// thread (an article repeats the same few hundred syllables):
//   folded: lowercase, no diacritics, đ -> d ("hoa"): decides what
//           matches; its number gives the word's positions
//           (word_positions.h);
//   exact:  NFC, canonical tone-mark placement, lowercase ("hoá"): ranks
//           what is spelled as typed first, and filters in --exact mode.
// We scan words ourselves instead of using Xapian::TermGenerator: one pass
// gives both forms (TermGenerator needs one pass per form), and this is the
// hot loop of a bulk index build (docs/benchmarks.md, search).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace presswatch::index {

inline constexpr std::size_t max_word_bytes = 64;

enum class TermForm {
    folded,  // "Z"+prefix+fold(word): decides matches
    exact,   // prefix+exact form of word, no positions: ranking and --exact
};

struct WordForms {
    std::string folded;  // "hoa"
    std::string exact;   // "hoá"
    // The folded word's number in the last index that asked (word_ids.h),
    // kept here so that a writer finds it without a second lookup:
    // number_owner is that table's serial (never reused), 0 for none.
    mutable std::uint64_t number_owner = 0;
    mutable std::uint32_t number = 0;
    // Whether it is a common syllable of the last list that asked
    // (common_grams.h), under the same rule.
    mutable std::uint64_t common_owner = 0;
    mutable bool common = false;
    // Its entry among the words of the document being indexed
    // (writer.cpp), under the same rule: a writer sums a word's
    // occurrences without hashing it again.
    mutable std::uint64_t entry_owner = 0;
    mutable std::uint32_t entry = 0;
};

// A new owner serial for the answers remembered in WordForms: unique in the
// process (never reused after the owner is gone), never 0.
std::uint64_t new_forms_owner();

// Splits text into words, in order. Invalid UTF-8 separates words.
class WordScanner {
public:
    explicit WordScanner(std::string_view text) : text_(text) {}
    // The next word, or false at the end.
    bool next(std::string_view& word);

private:
    std::string_view text_;
    std::size_t at_ = 0;
};

// Both forms of one word (as WordScanner returns it). The reference stays
// valid until the next call on the same thread, or while a FormsPin lives
// on that thread.
const WordForms& word_forms(std::string_view word);

// While one lives on a thread, word_forms() keeps every answer it gives
// there valid: the cache is not emptied when full (it overshoots by at
// most the pinned work's words). A writer pins for one document.
class FormsPin {
public:
    FormsPin();
    ~FormsPin();
    FormsPin(const FormsPin&) = delete;
    FormsPin& operator=(const FormsPin&) = delete;
};

// The terms of text in order of position, as the writer indexes them with
// prefix. "Thanh-Hóa" -> {"Zthanh", "Zhoa"} (folded) or {"thanh", "hoá"}
// (exact).
std::vector<std::string> text_terms(std::string_view text, std::string_view prefix, TermForm form);

}  // namespace presswatch::index
