#include "index/phrase_filter.h"

#include <algorithm>
#include <tuple>

#include "index/common_grams.h"
#include "index/word_ids.h"
#include "index/word_positions.h"

namespace presswatch::index {

ResolvedPhrase::ResolvedPhrase(const Xapian::Database& db, const PhraseCheck& phrase) {
    for (auto f : phrase.fields) field_mask_ |= 1u << static_cast<unsigned>(f);
    CommonGrams grams = CommonGrams::of(db);
    // (common, articles with the word or its occurrences, index in the phrase)
    std::vector<std::tuple<bool, Xapian::termcount, std::uint32_t>> order;
    for (std::size_t i = 0; i < phrase.words.size(); ++i) {
        std::uint32_t id = word_id(db, phrase.words[i]);
        if (id == 0) {  // never indexed: nothing can match
            words_.clear();
            return;
        }
        bool common = grams.common(phrase.words[i]);
        words_.push_back({id, static_cast<std::uint32_t>(4 * i), 0, 0, common});
        // A rarer word by its articles for the walk; among common words,
        // which are in nearly every article, by its occurrences: the
        // shortest lists to read.
        order.emplace_back(common, common ? db.get_collection_freq(phrase.terms[i]) : db.get_termfreq(phrase.terms[i]),
                           static_cast<std::uint32_t>(i));
    }
    for (std::size_t i = 0; i < words_.size(); ++i) {
        if (i > 0) words_[i].before = words_[i - 1].id;
        if (i + 1 < words_.size()) words_[i].after = words_[i + 1].id;
    }
    // Signed words first (their neighbour signatures settle most
    // candidates on one read), the rarest of them first: fewest candidates
    // to walk, and a word that rules a document out spares reading the
    // others' longer lists.
    std::stable_sort(order.begin(), order.end());
    std::uint32_t first = std::get<2>(order.front());
    rarest_term_ = phrase.terms[first];
    // After the first word, the words its signatures say nothing of, then
    // its neighbours: if it is signed, they almost always pass (a common
    // neighbour's long list is read for nothing).
    bool sure_of_neighbours = !words_[first].common;
    auto neighbour = [&](std::uint32_t i) { return i + 1 == first || i == first + 1; };
    std::stable_partition(order.begin() + 1, order.end(),
                          [&](const auto& o) { return !(sure_of_neighbours && neighbour(std::get<2>(o))); });
    std::vector<Word> ordered;
    for (const auto& o : order) ordered.push_back(words_[std::get<2>(o)]);
    words_ = std::move(ordered);
}

unsigned ResolvedPhrase::neighbours() const {
    if (words_.empty()) return 0;
    return (words_[0].before ? 1 : 0) + (words_[0].after ? 1 : 0);
}

std::string_view ResolvedPhrase::rarest_list(PositionReader& reader, Xapian::docid did) const {
    const Word& w = words_.front();
    return reader.list(did, w.id, w.common);
}

void ResolvedPhrase::starts(std::string_view rarest, bool first_only) const {
    // Starts: positions p of the phrase's first word such that every word
    // read so far is at p + its offset. The rarest word's signatures (if
    // it has them) must show the phrase's neighbours around it.
    const Word& w = words_[0];
    int before = w.before ? neighbour_hash(w.before) : -1, after = w.after ? neighbour_hash(w.after) : -1;
    starts_.clear();
    PositionList list(rarest);
    while (list.next()) {
        std::uint32_t pos = list.position();
        if (pos < w.offset || !allows(static_cast<schema::WordField>(pos & 3))) continue;
        if (list.is_signed() && ((before >= 0 && list.before() != before) || (after >= 0 && list.after() != after)))
            continue;
        starts_.push_back(pos - w.offset);
        if (first_only) return;
    }
}

bool ResolvedPhrase::may_be_held_by(std::string_view rarest) const {
    if (words_.empty()) return false;
    // One start is enough: most candidates of a walk are read for this.
    starts(rarest, true);
    return !starts_.empty();
}

bool ResolvedPhrase::held_by(PositionReader& reader, Xapian::docid did) const {
    if (words_.empty()) return false;
    return held_by(reader, did, rarest_list(reader, did));
}

bool ResolvedPhrase::held_by(PositionReader& reader, Xapian::docid did, std::string_view rarest) const {
    if (words_.empty()) return false;
    starts(rarest, false);
    for (std::size_t k = 1; k < words_.size() && !starts_.empty(); ++k) {
        reader.positions(did, words_[k].id, words_[k].common, other_);
        std::size_t kept = 0;
        for (std::uint32_t p : starts_)
            if (std::binary_search(other_.begin(), other_.end(), p + words_[k].offset)) starts_[kept++] = p;
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

PhraseFilter::PhraseFilter(PhraseCheck phrase, Check check, double weight)
    : phrase_(std::move(phrase)), check_(check), weight_(weight) {}

PhraseFilter::~PhraseFilter() = default;

void PhraseFilter::init(const Xapian::Database& db) {
    resolved_ = std::make_unique<ResolvedPhrase>(db, phrase_);
    reader_ = std::make_unique<PositionReader>(db);
    // Only articles with the rarest word's term can hold the phrase: its
    // posting list is the walk, and the word's positions are read (by a
    // skip in its shard's value stream) for those articles alone. A word
    // with a slot of its own is walked by that slot's value stream: the
    // same articles, each with its list, and no other word's entries. The
    // stream holds the word in every field: a phrase kept to the
    // headline, lead or author walks that field's shorter posting list.
    set_maxweight(weight_);
    // A phrase of common syllables walks its rarest pair term: its words'
    // own posting lists hold nearly every article.
    const std::string& term = phrase_.walk_term.empty() ? resolved_->rarest_term() : phrase_.walk_term;
    by_stream_ = phrase_.walk_term.empty() && resolved_->allows(schema::WordField::body) &&
                 resolved_->rarest_has_own_slot();
    if (by_stream_) {
        vend_ = db.valuestream_end(resolved_->rarest_slot());
        vit_ = db.valuestream_begin(resolved_->rarest_slot());
    } else {
        end_ = db.postlist_end(term);
        it_ = resolved_->rarest_word() == 0 ? end_ : db.postlist_begin(term);
    }
    // A signed rarest word rules out all but about one candidate in 256 per
    // neighbour checked: tell Xapian so, and it lets this source drive.
    // Otherwise (a phrase of common syllables under OR or NOT) report the
    // whole index, so that Xapian never lets it drive: checking every
    // article with a common word costs more than checking the candidates
    // its AND leaves.
    candidates_ = estimate_ = db.get_doccount();
    if (!phrase_.walk_term.empty()) {
        candidates_ = estimate_ = db.get_termfreq(term);
    } else if (resolved_->rarest_word() != 0 && !resolved_->rarest_is_common()) {
        candidates_ = db.get_termfreq(term);
        estimate_ = std::max<Xapian::doccount>(1, candidates_ >> (8 * resolved_->neighbours()));
    }
    started_ = false;
    failed_ = 0;
}

bool PhraseFilter::held(Xapian::docid did) {
    if (!phrase_.walk_term.empty()) return phrase_.walk_is_phrase || resolved_->held_by(*reader_, did);
    std::string_view rarest;
    if (by_stream_) rarest = value_ = *vit_;
    else rarest = resolved_->rarest_list(*reader_, did);
    return check_ == Check::signatures ? resolved_->may_be_held_by(rarest) : resolved_->held_by(*reader_, did, rarest);
}

void PhraseFilter::settle() {
    while (!walk_at_end() && !held(walk_docid())) walk_next();
}

void PhraseFilter::advance_to(Xapian::docid did) {
    walk_skip_to(did);
    settle();
}

void PhraseFilter::next(double) {
    if (!started_) {
        started_ = true;
        settle();
        return;
    }
    if (walk_at_end()) return;
    // After a failed check(), everything up to that document is decided;
    // otherwise we stand on an accepted document.
    Xapian::docid decided = failed_ ? failed_ : walk_docid();
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
    walk_skip_to(did);
    if (walk_at_end()) return true;  // at the end: a definite position
    if (walk_docid() == did && held(did)) return true;
    // did does not hold the phrase: rejected, and the iterator may stand on
    // a later document not yet checked.
    failed_ = did;
    return false;
}

bool PhraseFilter::at_end() const { return walk_at_end(); }

Xapian::docid PhraseFilter::get_docid() const { return walk_docid(); }

PhraseFilter* PhraseFilter::clone() const { return new PhraseFilter(phrase_, check_, weight_); }

std::string PhraseFilter::get_description() const {
    if (weight_ > 0) return describe("PhraseTier", phrase_);
    return describe(check_ == Check::signatures ? "PhraseCandidates" : "PhraseFilter", phrase_);
}

std::string describe(std::string_view name, const PhraseCheck& phrase) {
    std::string out(name);
    out += '(';
    for (std::size_t i = 0; i < phrase.words.size(); ++i) out += (i ? " " : "") + phrase.words[i];
    return out + ')';
}

}  // namespace presswatch::index
