#pragma once
// Phrase checks on the word positions of index/word_positions.h.
//
// A phrase compiles to the AND of its folded terms (which ranks the
// matches) plus a check of their order, done one of two ways:
//   - PhraseDecider, a Xapian match decider, for the phrases every match
//     needs (the top-level ANDed parts of a query): Xapian consults a
//     decider only for a candidate whose weight could still put it in the
//     results;
//   - PhraseFilter, a posting source inside the query, that walks the
//     articles holding the phrase's rarest word and reads that word's
//     positions: its posting list, with a skip in its slot's value stream
//     for each article, or, for a word with a slot of its own, that slot's
//     value stream alone, which holds exactly its articles. A word outside the common list (common_grams.h) has
//     neighbour signatures, which rule out almost every other article
//     without reading another word, so Xapian lets the source drive the
//     AND and the common words' long posting lists are only skipped
//     through. For a phrase every match needs it yields the articles whose
//     signatures fit (Check::signatures) and leaves the rest to the
//     decider: the neighbours of a rarer word are often common words, whose
//     positions are long to read. Under OR or NOT it checks the whole
//     phrase itself (Check::positions). A phrase of common syllables only
//     goes by its pair terms and the decider, or, under OR or NOT, a
//     source that never drives.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index/schema.h"
#include "index/word_positions.h"

namespace presswatch::index {

// A phrase: its folded words (no prefix: "thanh", "hoa") and the fields
// it may lie in.
struct PhraseCheck {
    std::vector<std::string> words;
    std::vector<schema::WordField> fields;
    std::vector<std::string> terms;  // its folded terms as the query has them ("Zthanh", "ZShoa")
    // Optional: a term only articles holding the phrase's words can have,
    // walked instead of the rarest word (the rarest pair term of a phrase
    // of common syllables, common_grams.h); with walk_is_phrase, every
    // article it lists holds the phrase (a two-syllable pair term).
    std::string walk_term;
    bool walk_is_phrase = false;
};

// "PhraseFilter(thanh hoa)"-style text of a phrase: name(words).
std::string describe(std::string_view name, const PhraseCheck& phrase);

// A phrase resolved against one index: its word numbers (empty if the
// index lacks one of its words: nothing matches) and its fields as a mask.
class ResolvedPhrase {
public:
    ResolvedPhrase(const Xapian::Database& db, const PhraseCheck& phrase);
    // Whether document did holds the words at positions p, p + 4, ... of
    // one allowed field (word_positions.h).
    bool held_by(PositionReader& reader, Xapian::docid did) const;
    // The same, given the rarest word's list in did (rarest_list).
    bool held_by(PositionReader& reader, Xapian::docid did, std::string_view rarest) const;
    // Whether the rarest word, with this list in a document, is there at a
    // place the phrase could start from: in an allowed field, and (if it
    // is signed) with the phrase's neighbours' hashes around it. Reads no
    // other word.
    bool may_be_held_by(std::string_view rarest) const;
    // The rarest word's list in did.
    std::string_view rarest_list(PositionReader& reader, Xapian::docid did) const;
    // The number of the phrase's rarest word; 0 if nothing can match.
    std::uint32_t rarest_word() const { return words_.empty() ? 0 : words_.front().id; }
    // Whether it is in the index's common list (unsigned positions).
    bool rarest_is_common() const { return !words_.empty() && words_.front().common; }
    // Whether its positions have a value slot of their own, whose value
    // stream then lists exactly the documents holding it.
    bool rarest_has_own_slot() const {
        return !words_.empty() && has_own_slot(words_.front().id, words_.front().common);
    }
    Xapian::valueno rarest_slot() const { return positions_slot(words_.front().id, words_.front().common); }
    // Whether the phrase may be found in this field.
    bool allows(schema::WordField f) const { return (field_mask_ >> static_cast<unsigned>(f)) & 1; }
    // Its term, as the phrase has it ("Zhoa", "ZShoa").
    const std::string& rarest_term() const { return rarest_term_; }
    // How many neighbours of the rarest word its signatures can check.
    unsigned neighbours() const;

private:
    // Fills starts_ from the rarest word's list (see may_be_held_by); with
    // first_only, stops at the first.
    void starts(std::string_view rarest, bool first_only) const;

    struct Word {
        std::uint32_t id;      // word number
        std::uint32_t offset;  // 4 * its index in the phrase
        std::uint32_t before, after;  // numbers of the phrase's words around it; 0: none
        bool common;                  // in the index's common list
    };
    std::vector<Word> words_;  // rarest first
    std::string rarest_term_;
    unsigned field_mask_ = 0;
    mutable std::vector<std::uint32_t> other_;  // scratch
    mutable std::vector<std::uint32_t> starts_;
};

class PhraseDecider : public Xapian::MatchDecider {
public:
    PhraseDecider(const Xapian::Database& db, const std::vector<PhraseCheck>& phrases);
    ~PhraseDecider() override;
    bool operator()(const Xapian::Document& doc) const override;

private:
    std::vector<ResolvedPhrase> phrases_;
    std::unique_ptr<PositionReader> reader_;
};

class PhraseFilter : public Xapian::PostingSource {
public:
    // What a document must show to be yielded.
    enum class Check {
        positions,   // the whole phrase, in order: the filter is the check
        signatures,  // the rarest word with the phrase's neighbour
                     // signatures: candidates for a PhraseDecider, which
                     // then reads the other words only for the few that
                     // could enter the results
    };
    // weight: what each yielded document adds to its weight (0: nothing,
    // a pure filter). Unquoted words rank the articles where they stand
    // together above the others with it (query.cpp, adjacent_tier_weight).
    explicit PhraseFilter(PhraseCheck phrase, Check check = Check::positions, double weight = 0);
    ~PhraseFilter() override;

    void init(const Xapian::Database& db) override;
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool check(Xapian::docid did, double min_wt) override;
    bool at_end() const override;
    Xapian::docid get_docid() const override;
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return estimate_; }
    Xapian::doccount get_termfreq_max() const override { return candidates_; }
    double get_weight() const override { return weight_; }
    PhraseFilter* clone() const override;
    std::string name() const override { return "presswatch.PhraseFilter"; }
    std::string get_description() const override;

private:
    bool held(Xapian::docid did);
    // Moves to the first accepted document at or after the walk's.
    void settle();
    // Moves to the first accepted document at or after did.
    void advance_to(Xapian::docid did);

    // The walk: the documents holding the rarest word, from its posting
    // list or its own slot's value stream (by_stream_).
    bool walk_at_end() const { return by_stream_ ? vit_ == vend_ : it_ == end_; }
    Xapian::docid walk_docid() const { return by_stream_ ? vit_.get_docid() : *it_; }
    void walk_next() {
        if (by_stream_) ++vit_;
        else ++it_;
    }
    void walk_skip_to(Xapian::docid did) {
        if (walk_at_end() || walk_docid() >= did) return;
        if (by_stream_) vit_.skip_to(did);
        else it_.skip_to(did);
    }

    PhraseCheck phrase_;
    Check check_;
    double weight_ = 0;
    std::unique_ptr<ResolvedPhrase> resolved_;
    std::unique_ptr<PositionReader> reader_;
    // The rarest word's posting list: only documents there can hold the
    // phrase. Or, when the word has a slot of its own, that slot's value
    // stream, which hands over the word's list with each document.
    bool by_stream_ = false;
    Xapian::PostingIterator it_, end_;
    Xapian::ValueIterator vit_, vend_;
    std::string value_;  // the stream's current value
    Xapian::doccount candidates_ = 0;  // documents holding the rarest word
    Xapian::doccount estimate_ = 0;
    bool started_ = false;
    Xapian::docid failed_ = 0;  // the document a check() just rejected
};

}  // namespace presswatch::index
