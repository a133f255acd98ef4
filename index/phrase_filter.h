#pragma once
// PhraseFilter: a Xapian posting source that accepts the documents whose
// word sequence (schema::slot_words) holds the given folded words as
// consecutive words of one of the given fields. The query compiler puts it
// beside the AND of the phrase's terms (query.cpp): the terms find the
// candidates, this checks their order, one value read a candidate.
//
// It only filters (weight 0), and it reports the whole index as its
// estimate, so that Xapian never lets it drive a search: it is asked about
// documents the other terms already matched (check()).
#include <string>
#include <vector>

#include <xapian.h>

#include "index/schema.h"

namespace presswatch::index {

// A phrase: its folded words (no prefix: "thanh", "hoa") and the fields
// of the word sequence it may lie in.
struct PhraseCheck {
    std::vector<std::string> words;
    std::vector<schema::WordField> fields;
};

// A phrase resolved against one index: its words as varints (empty if the
// index lacks one of them) and its fields as a bit mask.
struct ResolvedPhrase {
    std::string run;
    unsigned field_mask = 0;
    ResolvedPhrase(const Xapian::Database& db, const PhraseCheck& phrase);
    // Whether an encoded word sequence holds the run (varints, no 0x00) in
    // one of the fields.
    bool held_by(const std::string& sequence) const;
};

// Accepts the documents that hold every phrase. Xapian calls a decider
// only for a candidate whose weight would still put it in the results
// (after check_at_least matches, most candidates are turned away before),
// so for a phrase every match needs this is far cheaper than checking each
// candidate inside the query. Built per search, on the searcher's snapshot.
class PhraseDecider : public Xapian::MatchDecider {
public:
    PhraseDecider(const Xapian::Database& db, const std::vector<PhraseCheck>& phrases);
    bool operator()(const Xapian::Document& doc) const override;

private:
    std::vector<ResolvedPhrase> phrases_;
};

class PhraseFilter : public Xapian::PostingSource {
public:
    explicit PhraseFilter(PhraseCheck phrase);

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

    // Whether an encoded word sequence holds the encoded run (varints, no
    // 0x00) in one of the fields (bit i: schema::WordField i).
    static bool holds(const std::string& sequence, const std::string& run, unsigned field_mask);

private:
    // Moves to the first accepted document at or after the value iterator.
    void settle();
    // Moves to the first accepted document at or after did.
    void advance_to(Xapian::docid did);

    PhraseCheck phrase_;
    unsigned field_mask_ = 0;
    std::string run_;            // the phrase as varints; empty: a word the index lacks
    Xapian::Database db_;
    Xapian::ValueIterator it_, end_;
    Xapian::doccount doccount_ = 0;
    bool started_ = false;
    Xapian::docid failed_ = 0;  // the document a check() just rejected
};

}  // namespace presswatch::index
