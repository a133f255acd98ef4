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

class PhraseFilter : public Xapian::PostingSource {
public:
    // folded: the phrase's words, folded, without prefix ("thanh", "hoa").
    // fields: where the run may lie.
    PhraseFilter(std::vector<std::string> folded, std::vector<schema::WordField> fields);

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
    // 0x00) in one of the fields. Exposed for tests.
    static bool holds(const std::string& sequence, const std::string& run, unsigned field_mask);

private:
    // Moves to the first accepted document at or after the value iterator.
    void settle();
    // Moves to the first accepted document at or after did.
    void advance_to(Xapian::docid did);

    std::vector<std::string> folded_;
    std::vector<schema::WordField> fields_;
    unsigned field_mask_ = 0;
    std::string run_;            // the phrase as varints; empty: a word the index lacks
    Xapian::Database db_;
    Xapian::ValueIterator it_, end_;
    Xapian::doccount doccount_ = 0;
    bool started_ = false;
    Xapian::docid failed_ = 0;  // the document a check() just rejected
};

}  // namespace presswatch::index
