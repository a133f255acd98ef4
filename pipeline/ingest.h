#pragma once
// One fetched page (or an already extracted article) through extract,
// triage and store. Used by the crawl, by import and by the demo, so that
// every way in stores the same thing. prepare() (extract, triage, snapshot
// compression: the CPU) touches no store and may run on several threads at
// once; store() and the rest are for the Store's one thread.
#include <cstdint>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/article.h"
#include "store/store.h"
#include "triage/triage.h"

namespace presswatch::pipeline {

struct FetchedPage {
    std::string outlet;        // slug
    std::string url;           // as requested (canonical)
    std::string final_url;     // after redirects
    int status = 200;
    std::string headers;       // one per line
    std::string body;          // UTF-8 (already converted)
    std::int64_t fetched = 0;  // Unix seconds
};

struct IngestResult {
    std::int64_t id = 0;
    bool inserted = false, changed = false, clipping = false;
    std::string headline;
    std::string error;         // non-empty: nothing was stored, and why
};

// CPU seconds of the steps of prepare(), on its thread.
struct PrepareCost {
    double extract = 0, triage = 0, snapshot = 0;
};

// A page made ready to store.
struct PreparedPage {
    std::string outlet;
    Article article;
    triage::Decision decision;
    store::Snapshot snapshot;  // sealed (compressed and hashed)
    std::string error;         // non-empty: not an article; nothing to store, and why
    // A listing page (home, section, tag page) reached as an article: not
    // stored; the article links it carries, for the crawl to follow.
    bool listing = false;
    std::vector<std::string> links;
    PrepareCost cost;
};

class Ingest {
public:
    Ingest(const config::Config& cfg, store::Store& store);
    IngestResult page(FetchedPage page) { return store(prepare(std::move(page))); }
    PreparedPage prepare(FetchedPage page) const;
    IngestResult store(const PreparedPage& page);
    IngestResult article(const std::string& outlet, const Article& a, const store::Snapshot& snapshot);

private:
    IngestResult save(const std::string& outlet, const Article& a, const triage::Decision& d,
                      const store::Snapshot& snapshot);
    const config::Config& cfg_;
    store::Store& store_;
    triage::Triager triager_;
};

}  // namespace presswatch::pipeline
