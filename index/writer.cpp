// Writer: one article -> one Xapian document, following schema.h.
#include <fmt/format.h>

#include "core/error.h"
#include "index/boolean_terms.h"
#include "index/common_grams.h"
#include "index/index.h"
#include "index/schema.h"
#include "index/terms.h"
#include "index/word_ids.h"
#include "index/word_positions.h"
#include "text/dates.h"

namespace presswatch::index {
namespace {

// "YYYYMMDD" and "YYYY-MM" of a Unix time, in Vietnam's time.
std::string day_value(std::int64_t t) {
    std::string d = text::iso_date(t);  // "2026-03-07"
    return d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2);
}

// Adds the terms of the free-text fields to one document: per word, the
// folded and the exact term under the field's prefix and, for headline and
// lead, also unprefixed so that a plain word finds them. Unprefixed text
// also gets the common grams of adjacent syllables. Every word's position
// goes to the position slots (word_positions.h).
//
// A word's occurrences are summed first and its terms added once per
// prefix: Xapian looks every add_term up in the document's map of terms,
// and an article repeats each of its few hundred words several times
// (docs/benchmarks.md, search).
class FieldIndexer {
public:
    // The prefixes a word can be posted under, in Counts order.
    enum Posting { plain, headline, lead, author, postings };

    FieldIndexer(Xapian::Document& doc, const CommonGrams& grams, WordIds& ids)
        : doc_(doc), grams_(grams), ids_(ids), owner_(new_forms_owner()) {}

    void add(std::string_view text, schema::WordField field, Posting posting, Xapian::termcount wdf,
             bool also_plain) {
        WordScanner words(text);
        std::string_view w;
        bool previous_common = false;  // a pair never spans two fields
        std::uint32_t index = 0;
        while (words.next(w)) {
            const WordForms& f = word_forms(w);
            bool common = grams_.common(f);
            // Common syllables' phrases go by pair terms: their positions
            // need no neighbour signatures (word_positions.h).
            positions_.add(ids_.id(f), field, index++, common);
            auto& wdfs = counts(f).wdf;
            if (posting != plain) wdfs[posting] += wdf;
            if (posting == plain || also_plain) {
                wdfs[plain] += wdf;
                if (previous_common && common) doc_.add_term(CommonGrams::pair_of_common(previous_, f.folded), wdf);
                if (common) previous_.assign(f.folded);
                previous_common = common;
            }
        }
    }

    void finish() {
        static constexpr std::string_view prefixes[postings] = {"", schema::headline, schema::lead, schema::author};
        for (const Counts& c : words_)
            for (int p = 0; p < postings; ++p)
                if (c.wdf[p] > 0) post(prefixes[p], *c.forms, c.wdf[p]);
        positions_.put(doc_);
    }

private:
    struct Counts {
        const WordForms* forms;
        Xapian::termcount wdf[postings];
    };

    Counts& counts(const WordForms& f) {
        if (f.entry_owner != owner_) {
            f.entry_owner = owner_;
            f.entry = static_cast<std::uint32_t>(words_.size());
            words_.push_back({&f, {}});
        }
        return words_[f.entry];
    }

    void post(std::string_view prefix, const WordForms& f, Xapian::termcount wdf) {
        term_.assign(schema::folded).append(prefix).append(f.folded);
        doc_.add_term(term_, wdf);
        term_.assign(prefix).append(f.exact);
        doc_.add_term(term_, wdf);
    }

    Xapian::Document& doc_;
    const CommonGrams& grams_;
    WordIds& ids_;
    FormsPin pin_;  // keeps words_' forms valid
    std::uint64_t owner_;  // this document's serial for WordForms::entry
    std::vector<Counts> words_;
    PositionsBuilder positions_;
    std::string term_;      // reused: one allocation per document, not per word
    std::string previous_;  // the last common syllable, folded
};

void index_text_fields(const Document& d, Xapian::Document& doc, const CommonGrams& grams, WordIds& ids) {
    using F = schema::WordField;
    FieldIndexer fields(doc, grams, ids);
    using P = FieldIndexer::Posting;
    fields.add(d.headline, F::headline, P::headline, schema::headline_wdf, true);
    fields.add(d.lead, F::lead, P::lead, 1, true);
    fields.add(d.body, F::body, P::plain, 1, false);
    fields.add(d.author, F::author, P::author, 1, false);
    fields.finish();
}

Xapian::Document build(const Document& d, const CommonGrams& grams, WordIds& ids) {
    Xapian::Document doc;
    index_text_fields(d, doc, grams, ids);

    doc.add_boolean_term(id_term(d.id));
    auto add = [&](std::string_view prefix, const std::string& value) {
        if (!value.empty()) doc.add_boolean_term(boolean_term(prefix, value));
    };
    add(schema::outlet, d.outlet);
    for (const auto& t : d.topics) add(schema::topic, t);
    for (const auto& t : d.tags) add(schema::tag, slug_value(t));
    for (const auto& a : d.agencies) add(schema::agency, a);
    for (const auto& p : d.places) add(schema::place, slug_value(p));
    add(schema::review, d.review);
    add(schema::status, d.response_status);
    add(schema::tone, d.tone);
    add(schema::mention, d.mention_level);
    if (d.clipping) add(schema::state, "clipping");
    if (d.flagged) add(schema::state, "flagged");
    if (d.review == "new") add(schema::state, "new");

    std::int64_t when = d.published.value_or(d.fetched);
    std::string day = day_value(when);
    doc.add_value(schema::slot_day, day);
    doc.add_boolean_term(std::string(schema::year) + day.substr(0, 4));
    doc.add_boolean_term(std::string(schema::month) + day.substr(0, 6));
    doc.add_boolean_term(std::string(schema::day) + day);
    doc.add_value(schema::slot_time, Xapian::sortable_serialise(static_cast<double>(when)));
    if (d.story) doc.add_value(schema::slot_story, std::to_string(*d.story));
    std::string facets = d.outlet + "\n" + day.substr(0, 4) + "-" + day.substr(4, 2) + (d.flagged ? "\n1" : "\n0");
    for (const auto& t : d.topics) facets += "\n" + t;
    // Named lines after the topics (a topic slug never holds '='), so that an
    // index written before them still reads: its documents have topics only.
    for (const auto& a : d.agencies) facets += "\nagency=" + a;
    if (!d.response_status.empty()) facets += "\nstatus=" + d.response_status;
    if (!d.tone.empty()) facets += "\ntone=" + d.tone;
    doc.add_value(schema::slot_facets, facets);
    doc.add_value(schema::slot_fingerprint, fingerprint(d));
    if (d.deadline && (d.response_status == "pending" || d.response_status == "sent"))
        doc.add_value(schema::slot_open_deadline, Xapian::sortable_serialise(static_cast<double>(*d.deadline)));
    doc.set_data(std::to_string(d.id));
    return doc;
}

}  // namespace

struct Writer::Impl {
    Xapian::WritableDatabase db;
    CommonGrams grams;
    std::unique_ptr<WordIds> own_ids;  // unless a bulk build shares its table
    WordIds* ids = nullptr;
};

Writer::Writer(const std::filesystem::path& dir, Durability durability, const CommonGrams& grams_if_new,
               WordIds* shared_ids) {
    int flags = Xapian::DB_CREATE_OR_OPEN;
    if (durability == Durability::bulk) flags |= Xapian::DB_NO_SYNC;
    try {
        std::filesystem::create_directories(dir);
        impl_ = std::make_unique<Impl>();
        impl_->db = Xapian::WritableDatabase(dir.string(), flags);
        std::string key(schema::version_key);
        std::string v = impl_->db.get_metadata(key);
        bool created = v.empty();
        if (created) {
            impl_->db.set_metadata(key, std::string(schema::version));
            grams_if_new.record(impl_->db);
        } else if (v != schema::version) {
            throw RuntimeFailure(fmt::format("the search index {} has schema version {}, this presswatch writes {}: "
                                             "run `presswatch reindex`",
                                             dir.string(), v, schema::version));
        }
        impl_->grams = CommonGrams::of(impl_->db);
        if (shared_ids) {
            impl_->ids = shared_ids;
        } else {
            impl_->own_ids = std::make_unique<WordIds>(impl_->db);
            impl_->ids = impl_->own_ids.get();
            if (created) impl_->ids->number_first(grams_if_new.numbered_first());
        }
    } catch (const Xapian::DatabaseLockError&) {
        throw RuntimeFailure(fmt::format(
            "the search index {} is being written by another presswatch process (a crawl or a reindex); "
            "try again when it has finished",
            dir.string()));
    } catch (const Xapian::Error& e) {
        throw RuntimeFailure(fmt::format("cannot open the search index {}: {}", dir.string(), e.get_msg()));
    } catch (const std::filesystem::filesystem_error& e) {
        throw RuntimeFailure(fmt::format("cannot create the search index folder {}: {}", dir.string(), e.what()));
    }
}

Writer::~Writer() = default;

void Writer::put(const Document& d) { impl_->db.replace_document(id_term(d.id), build(d, impl_->grams, *impl_->ids)); }

void Writer::add(const Document& d) { impl_->db.add_document(build(d, impl_->grams, *impl_->ids)); }

void Writer::remove(std::int64_t id) { impl_->db.delete_document(id_term(id)); }

void Writer::commit() { impl_->db.commit(); }

std::int64_t Writer::doc_count() const { return impl_->db.get_doccount(); }

}  // namespace presswatch::index
