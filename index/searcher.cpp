// Searcher: compile the query, run it with sort, collapse and facets, cut
// snippets from the caller's text; reopen and rerun when a writer's
// commits overtake the snapshot being read.
#include <algorithm>
#include <ctime>
#include <optional>

#include <fmt/format.h>
#include <unicode/normalizer2.h>

#include "core/error.h"
#include "index/boolean_terms.h"
#include "index/facets.h"
#include "index/fold_stemmer.h"
#include "index/highlight.h"
#include "index/index.h"
#include "index/query.h"
#include "index/schema.h"
#include "text/normalize.h"

namespace presswatch::index {
namespace {

// A query overtaken by more than this many commits in a row gives up:
// only a writer committing faster than a query can run would cause it.
constexpr int max_query_attempts = 5;
// Small result sets get an exact total ("24 kết quả", not "khoảng 24"):
// checking a hundred matches costs well under a millisecond.
constexpr std::size_t exact_count_up_to = 100;
// ... except for a phrase with more candidates than this (articles holding
// its rarest word): finding a hundred matches could mean reading the word
// positions of most of them, where a first page needs only the candidates
// that could still enter it. About 10 ms of checks on this machine.
constexpr Xapian::doccount exact_phrase_candidates = 20'000;

// The most candidates a query's phrase checks leave: no more than the
// articles holding the rarest word of any of them.
Xapian::doccount phrase_candidates(const Xapian::Database& db, const std::vector<PhraseCheck>& phrases) {
    Xapian::doccount fewest = db.get_doccount();
    for (const auto& p : phrases)
        for (const auto& t : p.terms) fewest = std::min(fewest, db.get_termfreq(t));
    return fewest;
}

// An empty result whose query holds the terms of query and words: its
// snippet() highlights both. Nothing is matched (no items asked for).
Xapian::MSet highlighting(const Xapian::Database& db, const Xapian::Query& query,
                          const std::vector<std::string>& words) {
    std::vector<Xapian::Query> terms(query.get_terms_begin(), query.get_terms_end());
    terms.insert(terms.end(), words.begin(), words.end());
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    return enquire.get_mset(0, 0);
}

// Xapian's snippets escape HTML; ours are plain text with mark bytes, and
// highlight.h escapes for HTML output itself.
std::string unescape_html(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '&') {
            static const std::pair<std::string_view, char> entities[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
            bool done = false;
            for (auto [e, c] : entities)
                if (s.compare(i, e.size(), e) == 0) {
                    out += c;
                    i += e.size() - 1;
                    done = true;
                    break;
                }
            if (done) continue;
        }
        out += s[i];
    }
    return out;
}

// Snippet text as NFC (MSet::snippet compares bytes), converting only
// text that is not NFC already: the check needs no copy, the conversion
// costs a UTF-16 round trip of the whole article.
std::string nfc_text(std::string text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status) && nfc->isNormalizedUTF8(text, status) && U_SUCCESS(status)) return text;
    return text::nfc(text);
}

// Where a snippet of snippet_bytes is cut from: a little before the first
// place where a phrase of the query stands together, when that is beyond
// the snippet's reach from the start. Xapian's window follows the first
// good run of matching words, which may be the phrase's syllables apart.
std::size_t snippet_start(std::string_view text, const std::vector<std::vector<std::string>>& phrases,
                          std::size_t snippet_bytes) {
    if (phrases.empty()) return 0;
    std::vector<TextSpan> spans = phrase_spans(text, phrases, true);
    std::size_t lead_in = snippet_bytes / 4;
    if (spans.empty() || spans.front().end <= snippet_bytes - lead_in) return 0;
    // A few words before the phrase, starting at a space (never inside a
    // UTF-8 sequence).
    std::size_t at = text.find(' ', spans.front().begin - std::min(spans.front().begin, lead_in));
    return at == std::string_view::npos || at >= spans.front().begin ? spans.front().begin : at + 1;
}

// Whether the query filters on a mention level (mention:passing): it then
// chooses its own scope, since a passing mention is never a clipping.
bool names_mention_level(const Xapian::Query& q) {
    for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t)
        if (std::string_view(*t).starts_with(schema::mention)) return true;
    return false;
}

std::int64_t parse_id(const std::string& data) {
    try {
        return std::stoll(data);
    } catch (const std::exception&) {
        return 0;
    }
}

}  // namespace

struct Searcher::Impl {
    std::filesystem::path dir;
    Xapian::Database db;
};

Searcher::Searcher(const std::filesystem::path& dir) {
    if (!std::filesystem::exists(dir))
        throw RuntimeFailure(fmt::format("there is no search index in {} yet: run `presswatch crawl` or "
                                         "`presswatch reindex` first",
                                         dir.string()));
    try {
        impl_ = std::make_unique<Impl>(Impl{dir, Xapian::Database(dir.string())});
    } catch (const Xapian::Error& e) {
        throw RuntimeFailure(fmt::format("cannot open the search index {}: {}; `presswatch reindex` rebuilds it",
                                         dir.string(), e.get_msg()));
    }
    std::string v = impl_->db.get_metadata(std::string(schema::version_key));
    if (!v.empty() && v != schema::version)
        throw RuntimeFailure(fmt::format("the search index {} has schema version {}, this presswatch needs {}: run "
                                         "`presswatch reindex`",
                                         dir.string(), v, schema::version));
}

Searcher::~Searcher() = default;

SearchResult Searcher::search(const std::string& text, const SearchOptions& options) {
    for (int attempt = 1;; ++attempt) {
        try {
            impl_->db.reopen();
            // Compiled against this snapshot: prefix searches read its terms.
            CompiledQuery compiled = compile_query(
                text, {options.exact, options.now, &impl_->db,
                       options.rank_adjacent && options.sort == SortOrder::relevance});
            if (compiled.empty())
                throw InputError(
                    "truy vấn trống: hãy cho ít nhất một từ, cụm từ hoặc trường (the query is empty: give at least one word, "
                    "phrase or field; see `presswatch search --help`)");
            Xapian::Query query = compiled.query;
            if (options.clippings_only && !names_mention_level(compiled.query))
                query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                      Xapian::Query(boolean_term(schema::state, "clipping")));
            Xapian::Enquire enquire(impl_->db);
            enquire.set_query(query);
            if (options.sort == SortOrder::date) {
                // Newest first, and no relevance at all: weighing every
                // match (its word counts and length) only to break ties
                // between articles of the same second is most of what a
                // date-ordered search over many matches costs.
                enquire.set_sort_by_value(schema::slot_time, true);
                enquire.set_weighting_scheme(Xapian::BoolWeight());
            }
            if (options.collapse) enquire.set_collapse_key(schema::slot_story);
            FacetCounters facets(options.now ? options.now : static_cast<std::int64_t>(std::time(nullptr)));
            // Counts are exact up to this many matches at little cost;
            // beyond, Xapian's estimate (facets count every match). Not
            // for a phrase with many candidates: until this many matches
            // are found every candidate's word positions are read, where
            // after the page is full only candidates that could still
            // enter it are.
            std::size_t page_end = options.offset + options.limit;
            bool count_exactly = compiled.phrase_checks.empty() ||
                                 phrase_candidates(impl_->db, compiled.phrase_checks) <= exact_phrase_candidates;
            Xapian::doccount check_at_least =
                static_cast<Xapian::doccount>(count_exactly ? std::max(exact_count_up_to, page_end) : page_end);
            if (options.facets) {
                facets.attach(enquire, impl_->db);
                check_at_least = impl_->db.get_doccount();
            }
            std::optional<PhraseDecider> phrases;
            if (!compiled.phrase_checks.empty()) phrases.emplace(impl_->db, compiled.phrase_checks);
            Xapian::MSet mset = enquire.get_mset(options.offset, options.limit, check_at_least, nullptr,
                                                 phrases ? &*phrases : nullptr);

            SearchResult result;
            result.total = mset.get_matches_estimated();
            result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
            if (result.total_exact) result.total = mset.get_matches_lower_bound();
            result.query_description = query.get_description();
            for (const auto& p : compiled.phrase_checks) result.query_description += " " + describe("PHRASE-CHECK", p);
            Xapian::Stem stem = fold_stemmer();
            // MSet::snippet highlights the terms of the query it came from.
            Xapian::MSet highlighter = mset;
            if (options.text && !compiled.highlight_terms.empty() && !mset.empty())
                highlighter = highlighting(impl_->db, query, compiled.highlight_terms);
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                Hit h;
                h.id = parse_id(it.get_document().get_data());
                h.weight = it.get_weight();
                h.collapsed = options.collapse ? it.get_collapse_count() : 0;
                if (options.text) {
                    std::string text = nfc_text(options.text(h.id));
                    // No background model and no exhaustive scan: both
                    // look up every word of the article in the index
                    // (milliseconds a hit); the window around the first
                    // good run of matches reads as well.
                    unsigned flags = 0;
                    auto cut = [&](std::size_t start) {
                        std::string s = unescape_html(highlighter.snippet(
                            text.substr(start), options.snippet_bytes, stem, flags, std::string(1, mark_begin),
                            std::string(1, mark_end), "…"));
                        return start > 0 && s.rfind("…", 0) != 0 ? "…" + s : s;
                    };
                    if (!text.empty()) {
                        h.snippet = cut(0);
                        // Only a snippet that misses the phrase looks for it in
                        // the whole text: folding every word of every hit cost
                        // phrase queries milliseconds (bench_search, 2026-12-07).
                        const auto& phrases = compiled.highlight_phrases;
                        if (!phrases.empty() && phrase_spans(h.snippet, phrases, true).empty())
                            if (std::size_t start = snippet_start(text, phrases, options.snippet_bytes); start > 0)
                                h.snippet = cut(start);
                        h.snippet = mark_phrases(h.snippet, phrases, compiled.loose_words);
                    }
                }
                result.hits.push_back(std::move(h));
            }
            if (options.facets) result.facets = facets.counts();
            return result;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= max_query_attempts)
                throw RuntimeFailure("the search index changed under every attempt to read it; try again");
        } catch (const Xapian::Error& e) {
            throw RuntimeFailure(fmt::format("search failed: {}", e.get_description()));
        }
    }
}

std::map<std::int64_t, std::string> Searcher::fingerprints() {
    for (int attempt = 1;; ++attempt) {
        try {
            impl_->db.reopen();
            std::map<std::int64_t, std::string> out;
            for (auto it = impl_->db.postlist_begin(""); it != impl_->db.postlist_end(""); ++it) {
                Xapian::Document doc = impl_->db.get_document(*it);
                out[parse_id(doc.get_data())] = doc.get_value(schema::slot_fingerprint);
            }
            return out;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= max_query_attempts)
                throw RuntimeFailure("the search index changed under every attempt to read it; try again");
        }
    }
}

std::int64_t Searcher::doc_count() {
    impl_->db.reopen();
    return impl_->db.get_doccount();
}

}  // namespace presswatch::index
