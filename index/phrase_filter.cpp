#include "index/phrase_filter.h"

#include <string_view>

#include "index/word_ids.h"

namespace presswatch::index {

namespace {

unsigned mask_of(const std::vector<schema::WordField>& fields) {
    unsigned mask = 0;
    for (auto f : fields) mask |= 1u << static_cast<unsigned>(f);
    return mask;
}

std::string run_of(const Xapian::Database& db, const std::vector<std::string>& words) {
    std::string run;
    for (const auto& w : words) {
        std::uint32_t id = word_id(db, w);
        if (id == 0) return {};  // never indexed: nothing can match
        append_varint(run, id);
    }
    return run;
}

}  // namespace

ResolvedPhrase::ResolvedPhrase(const Xapian::Database& db, const PhraseCheck& phrase)
    : run(run_of(db, phrase.words)), field_mask(mask_of(phrase.fields)) {}

bool ResolvedPhrase::held_by(const std::string& sequence) const {
    return PhraseFilter::holds(sequence, run, field_mask);
}

PhraseDecider::PhraseDecider(const Xapian::Database& db, const std::vector<PhraseCheck>& phrases) {
    for (const auto& p : phrases) phrases_.emplace_back(db, p);
}

bool PhraseDecider::operator()(const Xapian::Document& doc) const {
    std::string sequence = doc.get_value(schema::slot_words);
    for (const auto& p : phrases_)
        if (!p.held_by(sequence)) return false;
    return true;
}

PhraseFilter::PhraseFilter(PhraseCheck phrase) : phrase_(std::move(phrase)), field_mask_(mask_of(phrase_.fields)) {}

void PhraseFilter::init(const Xapian::Database& db) {
    db_ = db;
    doccount_ = db.get_doccount();
    run_ = run_of(db, phrase_.words);
    it_ = db.valuestream_begin(schema::slot_words);
    end_ = db.valuestream_end(schema::slot_words);
    if (run_.empty()) it_ = end_;
    started_ = false;
    failed_ = 0;
}

bool PhraseFilter::holds(const std::string& sequence, const std::string& run, unsigned field_mask) {
    if (run.empty()) return false;
    std::string_view seq(sequence);
    unsigned field = 0;
    std::size_t start = 0;
    while (start <= seq.size()) {
        std::size_t end = seq.find('\0', start);
        if (end == std::string_view::npos) end = seq.size();
        if (field_mask & (1u << field)) {
            std::string_view part = seq.substr(start, end - start);
            // A match must start where a varint starts: at the field's
            // start or after a varint's last byte (high bit clear). It ends
            // on a last byte, since the run does.
            for (std::size_t at = part.find(run); at != std::string_view::npos; at = part.find(run, at + 1))
                if (at == 0 || (static_cast<unsigned char>(part[at - 1]) & 0x80) == 0) return true;
        }
        if (end == seq.size()) break;
        start = end + 1;
        ++field;
    }
    return false;
}

void PhraseFilter::settle() {
    while (it_ != end_ && !holds(*it_, run_, field_mask_)) ++it_;
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
    if (it_.get_docid() == did && holds(*it_, run_, field_mask_)) return true;
    // did has no sequence or does not hold the run: rejected, and the
    // iterator may stand on a later document not yet checked.
    failed_ = did;
    return false;
}

bool PhraseFilter::at_end() const { return it_ == end_; }

Xapian::docid PhraseFilter::get_docid() const { return it_.get_docid(); }

PhraseFilter* PhraseFilter::clone() const { return new PhraseFilter(phrase_); }

std::string PhraseFilter::get_description() const {
    std::string out = "PhraseFilter(";
    for (std::size_t i = 0; i < phrase_.words.size(); ++i) out += (i ? " " : "") + phrase_.words[i];
    return out + ")";
}

}  // namespace presswatch::index
