#pragma once
// One fetched page (or an already extracted article) through extract,
// triage and store. Used by the crawl, by import and by the demo, so that
// every way in stores the same thing. Not thread-safe (it holds the Store).
#include <cstdint>
#include <string>

#include "config/config.h"
#include "crawler/article.h"
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

class Ingest {
public:
    Ingest(const config::Config& cfg, store::Store& store);
    IngestResult page(const FetchedPage& page);
    IngestResult article(const std::string& outlet, const Article& a, const store::Snapshot& snapshot);

private:
    const config::Config& cfg_;
    store::Store& store_;
    triage::Triager triager_;
};

}  // namespace presswatch::pipeline
