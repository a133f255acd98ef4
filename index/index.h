#pragma once
// The Xapian index: derived from the store, rebuildable at any time. The
// schema (every prefix and slot) is in index/schema.h, the query language
// in index/query.h.
//
// One Writer per index folder at a time (Xapian's lock); any number of
// Searchers, in this or other processes, each reopening and rerunning on
// DatabaseModifiedError. Neither is thread-safe: one object per thread.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/common_grams.h"

namespace presswatch::index {

// What the index knows of one article (built from the store by pipeline/).
struct Document {
    std::int64_t id = 0;                 // the store's article id
    std::string url, outlet, headline, lead, body, author;
    std::optional<std::int64_t> published;
    std::int64_t fetched = 0;
    bool clipping = false;
    std::string mention_level;           // subject | passing | not (empty: not indexed)
    bool flagged = false;
    std::vector<std::string> topics;     // slugs
    std::vector<std::string> agencies;   // slugs
    std::vector<std::string> places;     // gazetteer names
    std::vector<std::string> tags;       // the outlet's own keywords
    std::string tone;
    std::string review;                  // new | relevant | not-relevant
    std::string response_status;         // empty, or sent | answered | published | closed ...
    std::optional<std::int64_t> deadline;
    std::optional<std::int64_t> story;   // near-duplicate group, see index/story.h
};

// A digest of everything put() writes for d: equal digests mean equal
// index documents. `presswatch check` compares it with the index's copy.
std::string fingerprint(const Document& d);

class WordIds;

class Writer {
public:
    enum class Durability {
        normal,   // fsync at each commit: a crash keeps the last commit
        bulk,     // no fsync (DB_NO_SYNC): for rebuilding into a new folder
    };
    // Opens or creates the index in dir; a new index records
    // grams_if_new as its common syllables (index/common_grams.h). Word
    // numbers (index/word_ids.h) come from the index's metadata, or from
    // shared_ids, which a bulk build records in the finished index itself.
    // Throws RuntimeFailure when another writer holds the lock or the
    // folder is not a usable index.
    explicit Writer(const std::filesystem::path& dir, Durability durability = Durability::normal,
                    const CommonGrams& grams_if_new = CommonGrams::builtin(), WordIds* shared_ids = nullptr);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void put(const Document& d);        // add or replace, by id (idempotent)
    void add(const Document& d);        // d.id must not be in the index yet
                                        // (bulk builds: no lookup by id)
    void remove(std::int64_t id);       // no-op when absent
    void commit();                      // atomic; readers see all or nothing
    std::int64_t doc_count() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

enum class SortOrder { relevance, date };

struct SearchOptions {
    std::size_t offset = 0, limit = 20;
    SortOrder sort = SortOrder::relevance;  // date: newest first
    bool exact = false;                  // diacritics must match as typed
    bool collapse = false;               // one hit per story
    bool facets = false;                 // exact counts by outlet, topic, flag, month
    // Only articles triage kept as clippings, unless the query names a
    // mention level (mention:passing), which then sets the scope itself.
    bool clippings_only = false;
    // Words typed one after another rank first where they stand together
    // (query.h); false ranks them one by one, as before, for measurement.
    bool rank_adjacent = true;
    std::int64_t now = 0;                // for date:today, date:7d; 0 = the clock
    // Text to cut a snippet from, for an article id (the store's lead and
    // body); unset or empty text: no snippet.
    std::function<std::string(std::int64_t)> text;
    std::size_t snippet_bytes = 220;
};

// Snippets mark matches with these bytes (never in NFC article text); see
// highlight.h to turn them into bold or <mark>.
inline constexpr char mark_begin = '\x01';
inline constexpr char mark_end = '\x02';

struct Hit {
    std::int64_t id = 0;
    double weight = 0;
    std::string snippet;                 // plain text, matches between mark_begin/mark_end
    std::size_t collapsed = 0;           // other articles of its story hidden (at least)
};

struct FacetCount {
    std::string value;
    std::size_t count = 0;
};

struct SearchResult {
    std::vector<Hit> hits;
    std::size_t total = 0;               // matches (exact when facets were asked for)
    bool total_exact = false;
    // "outlet", "topic", "flagged", "month" -> counts, most first (months
    // in date order). Empty unless options.facets.
    std::map<std::string, std::vector<FacetCount>> facets;
    std::string query_description;       // Xapian's view of the query, for debugging
};

class Searcher {
public:
    // Throws RuntimeFailure if there is no index in dir yet.
    explicit Searcher(const std::filesystem::path& dir);
    ~Searcher();
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    // Throws InputError with what and where for a bad query. Sees the
    // latest commit: reopens first, and reruns when a writer's commits
    // overtake it mid-query.
    SearchResult search(const std::string& query, const SearchOptions& options);

    // Every indexed article id with its fingerprint, for `presswatch check`.
    std::map<std::int64_t, std::string> fingerprints();
    std::int64_t doc_count();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace presswatch::index
