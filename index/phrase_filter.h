#pragma once
// Phrase checks on the word positions of index/word_positions.h.
//
// A phrase compiles to the AND of its folded terms (which finds and ranks
// the candidates) plus a check of their order, done one of two ways:
//   - PhraseDecider, a Xapian match decider, for phrases every match needs
//     (the top-level ANDed parts of a query): Xapian consults a decider
//     only for a candidate whose weight could still put it in the results,
//     so most candidates are never checked once check_at_least matches are
//     found;
//   - PhraseFilter, a posting source inside the query, for phrases under OR
//     or NOT. It only filters (weight 0) and reports the whole index as its
//     estimate, so that Xapian never lets it drive a search.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index/schema.h"

namespace presswatch::index {

class PositionReader;

// A phrase: its folded words (no prefix: "thanh", "hoa") and the fields
// it may lie in.
struct PhraseCheck {
    std::vector<std::string> words;
    std::vector<schema::WordField> fields;
    std::vector<std::string> terms;  // its folded terms as the query has them ("Zthanh", "ZShoa")
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
    // The number of the phrase's rarest word; 0 if nothing can match.
    std::uint32_t rarest_word() const { return words_.empty() ? 0 : words_.front().id; }

private:
    struct Word {
        std::uint32_t id;      // word number
        std::uint32_t offset;  // 4 * its index in the phrase
    };
    std::vector<Word> words_;  // rarest first
    unsigned field_mask_ = 0;
    mutable std::vector<std::uint32_t> list_, starts_;  // scratch
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
    explicit PhraseFilter(PhraseCheck phrase);
    ~PhraseFilter() override;

    void init(const Xapian::Database& db) override;
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool check(Xapian::docid did, double min_wt) override;
    bool at_end() const override;
    Xapian::docid get_docid() const override;
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return doccount_; }
    Xapian::doccount get_termfreq_max() const override { return doccount_; }
    PhraseFilter* clone() const override;
    std::string name() const override { return "presswatch.PhraseFilter"; }
    std::string get_description() const override;

private:
    bool held(Xapian::docid did) const;
    // Moves to the first accepted document at or after the iterator.
    void settle();
    // Moves to the first accepted document at or after did.
    void advance_to(Xapian::docid did);

    PhraseCheck phrase_;
    std::unique_ptr<ResolvedPhrase> resolved_;
    std::unique_ptr<PositionReader> reader_;
    // The rarest word's position slot: only documents with a value there
    // can hold the phrase.
    Xapian::ValueIterator it_, end_;
    Xapian::doccount doccount_ = 0;
    bool started_ = false;
    Xapian::docid failed_ = 0;  // the document a check() just rejected
};

}  // namespace presswatch::index
