#pragma once
// The Xapian index: derived from the store, rebuildable at any time.
// One Writer per index folder at a time (Xapian's lock); any number of
// Searchers, each reopening and rerunning on DatabaseModifiedError.
// Neither is thread-safe: one object per thread.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace presswatch::index {

// What the index knows of one article (built from the store by pipeline/).
struct Document {
    std::int64_t id = 0;                 // the store's article id
    std::string url, outlet, headline, lead, body, author;
    std::optional<std::int64_t> published;
    std::int64_t fetched = 0;
    bool clipping = false;
    bool flagged = false;
    std::vector<std::string> topics;     // slugs
    std::vector<std::string> agencies;   // slugs
    std::vector<std::string> places;     // gazetteer names
    std::string tone;
    std::string review;                  // new | relevant | not-relevant
    std::string response_status;         // empty, or sent | answered | published | closed ...
    std::optional<std::int64_t> deadline;
};

class Writer {
public:
    // Opens or creates the index in dir. Throws RuntimeFailure when another
    // process holds the write lock.
    explicit Writer(const std::filesystem::path& dir);
    ~Writer();
    void put(const Document& d);        // add or replace, by id
    void remove(std::int64_t id);
    void commit();
    std::int64_t doc_count() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct SearchOptions {
    std::size_t offset = 0, limit = 20;
    bool by_date = false;                // newest first; else relevance
    bool exact = false;                  // diacritics must match as typed
    bool clippings_only = false;
};

struct Hit {
    std::int64_t id = 0;
    double weight = 0;
    std::string snippet;                 // with matches marked by \x01 ... \x02
};

struct SearchResult {
    std::vector<Hit> hits;
    std::size_t total = 0;               // estimated matches
};

class Searcher {
public:
    // Throws RuntimeFailure if there is no index in dir yet.
    explicit Searcher(const std::filesystem::path& dir);
    ~Searcher();
    // Throws InputError with what and where for a bad query.
    SearchResult search(const std::string& query, const SearchOptions& options);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace presswatch::index
