#pragma once
// Common grams: one extra term for each pair of adjacent syllables that are
// both among the language's most frequent ("XBcua_nguoi" for "của người"),
// so that a phrase made of common syllables is one posting list to read
// instead of a position check on every article holding both syllables
// (the notes' optional bigram terms, ../shared/notes/xapian-vietnamese.md
// §2; Lucene's CommonGramsFilter is the same idea). Pairs with a rarer
// syllable need none: the rare syllable's short posting list already
// drives the phrase check.
//
// The list of common syllables is part of the index: a new index records
// it in its metadata, and both the writer and the query compiler read it
// back from there, so a query always asks for the pairs the index holds.
// Changing the list takes a `presswatch reindex`.
//
// The same object carries a second list, the syllables that follow the
// common ones in frequency: a new index numbers them first (word_ids.h),
// which gives their positions value slots of their own
// (word_positions.h). Only the index's creator needs that list.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index/terms.h"

namespace presswatch::index {

class CommonGrams {
public:
    CommonGrams() = default;
    // next_most_frequent: the syllables after them in frequency, which a
    // new index numbers first (numbered_first).
    explicit CommonGrams(std::vector<std::string> folded_syllables,
                         std::vector<std::string> next_most_frequent = {});

    // The built-in list: the most frequent syllables of Vietnamese news
    // text, folded, and the next ones.
    static CommonGrams builtin();
    // The list recorded in db's metadata; empty when there is none (an
    // index from before common grams: no pair terms, phrases still work).
    static CommonGrams of(const Xapian::Database& db);
    // Records this list in db's metadata (before the first document).
    void record(Xapian::WritableDatabase& db) const;

    bool common(std::string_view folded) const { return set_.count(folded) > 0; }
    // The same for a scanned word, remembered in its cached forms (the
    // writer asks for every word of every article).
    bool common(const WordForms& word) const {
        if (word.common_owner != serial_) {
            word.common = common(word.folded);
            word.common_owner = serial_;
        }
        return word.common;
    }
    // The pair term of two folded syllables both known to be common.
    static std::string pair_of_common(std::string_view a, std::string_view b);
    // The pair term of two folded syllables, or "" unless both are common.
    std::string pair_term(std::string_view a, std::string_view b) const;
    bool empty() const { return set_.empty(); }
    // The syllables a new index numbers first, in order, none of them
    // common: the words numbered up to schema::own_position_words get a
    // value slot of their own (word_positions.h), which the phrase walks
    // of these frequent words need most. Only an index's creator knows
    // them: of() leaves them out, as readers need the numbers alone.
    const std::vector<std::string>& numbered_first() const { return numbered_first_; }

private:
    // Copies share it, as they share the contents.
    std::uint64_t serial_ = new_forms_owner();
    std::set<std::string, std::less<>> set_;
    std::vector<std::string> numbered_first_;
};

}  // namespace presswatch::index
