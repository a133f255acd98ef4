#include "index/phrase_filter.h"

#include <algorithm>

#include "index/word_ids.h"
#include "index/word_positions.h"

namespace presswatch::index {

ResolvedPhrase::ResolvedPhrase(const Xapian::Database& db, const PhraseCheck& phrase) {
    for (auto f : phrase.fields) field_mask_ |= 1u << static_cast<unsigned>(f);
    std::vector<std::pair<Xapian::termcount, std::uint32_t>> by_frequency;  // (collection freq, offset)
    for (std::size_t i = 0; i < phrase.words.size(); ++i) {
        std::uint32_t id = word_id(db, phrase.words[i]);
        if (id == 0) {  // never indexed: nothing can match
            words_.clear();
            return;
        }
        words_.push_back({id, static_cast<std::uint32_t>(4 * i)});
        by_frequency.emplace_back(db.get_collection_freq(phrase.terms[i]), static_cast<std::uint32_t>(i));
    }
    // Rarest first: its few positions leave few starts to try, and a word
    // that rules the document out spares reading the common words' longer
    // lists.
    std::stable_sort(by_frequency.begin(), by_frequency.end());
    std::vector<Word> ordered;
    for (const auto& [freq, i] : by_frequency) ordered.push_back(words_[i]);
    words_ = std::move(ordered);
}

bool ResolvedPhrase::held_by(PositionReader& reader, Xapian::docid did) const {
    if (words_.empty()) return false;
    // Starts: positions p of the phrase's first word such that every word
    // read so far is at p + its offset.
    reader.positions(did, words_[0].id, list_);
    starts_.clear();
    for (std::uint32_t pos : list_)
        if (pos >= words_[0].offset && ((field_mask_ >> (pos & 3)) & 1)) starts_.push_back(pos - words_[0].offset);
    for (std::size_t k = 1; k < words_.size() && !starts_.empty(); ++k) {
        reader.positions(did, words_[k].id, list_);
        std::size_t kept = 0;
        for (std::uint32_t p : starts_)
            if (std::binary_search(list_.begin(), list_.end(), p + words_[k].offset)) starts_[kept++] = p;
        starts_.resize(kept);
    }
    return !starts_.empty();
}

PhraseDecider::PhraseDecider(const Xapian::Database& db, const std::vector<PhraseCheck>& phrases)
    : reader_(std::make_unique<PositionReader>(db)) {
    for (const auto& p : phrases) phrases_.emplace_back(db, p);
}

PhraseDecider::~PhraseDecider() = default;

bool PhraseDecider::operator()(const Xapian::Document& doc) const {
    Xapian::docid did = doc.get_docid();
    for (const auto& p : phrases_)
        if (!p.held_by(*reader_, did)) return false;
    return true;
}

PhraseFilter::PhraseFilter(PhraseCheck phrase) : phrase_(std::move(phrase)) {}

PhraseFilter::~PhraseFilter() = default;

void PhraseFilter::init(const Xapian::Database& db) {
    doccount_ = db.get_doccount();
    resolved_ = std::make_unique<ResolvedPhrase>(db, phrase_);
    reader_ = std::make_unique<PositionReader>(db);
    std::uint32_t first = resolved_->rarest_word();
    Xapian::valueno slot = schema::slot_positions + first % schema::position_shards;
    it_ = db.valuestream_begin(slot);
    end_ = db.valuestream_end(slot);
    if (first == 0) it_ = end_;
    started_ = false;
    failed_ = 0;
}

bool PhraseFilter::held(Xapian::docid did) const { return resolved_->held_by(*reader_, did); }

void PhraseFilter::settle() {
    while (it_ != end_ && !held(it_.get_docid())) ++it_;
}

void PhraseFilter::advance_to(Xapian::docid did) {
    if (it_ != end_ && it_.get_docid() < did) it_.skip_to(did);
    settle();
}

void PhraseFilter::next(double) {
    if (!started_) {
        started_ = true;
        settle();
        return;
    }
    if (it_ == end_) return;
    // After a failed check(), everything up to that document is decided;
    // otherwise we stand on an accepted document.
    Xapian::docid decided = failed_ ? failed_ : it_.get_docid();
    failed_ = 0;
    advance_to(decided + 1);
}

void PhraseFilter::skip_to(Xapian::docid did, double) {
    started_ = true;
    if (failed_ && did <= failed_) did = failed_ + 1;
    failed_ = 0;
    advance_to(did);
}

bool PhraseFilter::check(Xapian::docid did, double) {
    started_ = true;
    failed_ = 0;
    if (it_ != end_ && it_.get_docid() < did) it_.skip_to(did);
    if (it_ == end_) return true;  // at the end: a definite position
    if (it_.get_docid() == did && held(did)) return true;
    // did does not hold the phrase: rejected, and the iterator may stand on
    // a later document not yet checked.
    failed_ = did;
    return false;
}

bool PhraseFilter::at_end() const { return it_ == end_; }

Xapian::docid PhraseFilter::get_docid() const { return it_.get_docid(); }

PhraseFilter* PhraseFilter::clone() const { return new PhraseFilter(phrase_); }

std::string PhraseFilter::get_description() const { return describe("PhraseFilter", phrase_); }

std::string describe(std::string_view name, const PhraseCheck& phrase) {
    std::string out(name);
    out += '(';
    for (std::size_t i = 0; i < phrase.words.size(); ++i) out += (i ? " " : "") + phrase.words[i];
    return out + ')';
}

}  // namespace presswatch::index
