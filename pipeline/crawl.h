#pragma once
// One crawl pass over every configured outlet: discovery (feeds, sitemaps,
// listing pages), fetching (crawler::Fetcher, polite per host:port), and
// each article page through Ingest (extract, triage, store), then the index
// brought up to date (sync_index). The frontier in SQLite makes it
// resumable: a pass killed at any moment and run again fetches nothing
// already done, loses nothing and stores nothing twice.
//
// The caller holds the data folder's store::CrawlLock. Not thread-safe:
// the fetch loop, discovery and store writes run on the caller's thread;
// decoding, extraction and triage on a few worker threads (one per core);
// the index follows on the index keeper's thread (pipeline/index_keeper.h).
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "store/store.h"

namespace presswatch::pipeline {

class IndexKeeper;

struct OutletSummary {
    std::string slug, name;
    int sources = 0;            // feeds, sitemaps, listings read
    int sources_failed = 0;
    int discovered = 0;         // article URLs new to the frontier
    int fetched = 0;            // article pages fetched
    int new_articles = 0;
    int changed_articles = 0;
    int new_clippings = 0;
    int skipped = 0;            // pages that were not articles, too old, refused
    int errors = 0;             // failed fetches (sources and articles)
};

struct CrawlProgress {
    int outlets_total = 0, outlets_done = 0;
    int fetched = 0;            // pages and sources fetched this pass
    std::int64_t queued = 0;    // still to fetch
    int new_clippings = 0;
    int errors = 0;
    double pages_per_second = 0;
};

// A line worth logging: a source read, a failure, a paused host.
struct CrawlEvent {
    std::string level;          // info | warning | error
    std::string outlet;         // slug, may be empty
    std::string url;
    std::string message;        // English, for logs
};

// CPU seconds of each stage of a pass, over all its threads.
struct CrawlCpu {
    double fetch = 0;      // fetch loop: libcurl, discovery, frontier, robots
    double decode = 0;     // charset to UTF-8 and NFC
    double extract = 0;
    double triage = 0;
    double snapshot = 0;   // zstd and SHA-256 of the page kept as evidence
    double store = 0;      // SQLite writes of articles and their frontier marks
    double index = 0;      // story assignment and Xapian
};

struct CrawlSummary {
    std::vector<OutletSummary> outlets;   // in configuration order
    OutletSummary total;
    std::size_t indexed = 0;
    bool stopped = false;                 // a stop request ended the pass early
    double seconds = 0;
    std::vector<std::string> paused_hosts;
    CrawlCpu cpu;
};

struct CrawlOptions {
    // Feed and sitemap items published before this are skipped (and a
    // sitemap backfill reaches back to it). Default: now - max_age_days.
    std::optional<std::int64_t> since;
    // Set from another thread or a signal handler to stop: transfers in
    // flight finish (a few seconds at most), the index is synced, and the
    // pass returns with stopped = true.
    const std::atomic<bool>* stop = nullptr;
    // Called at most every progress_interval_ms and once at the end.
    std::function<void(const CrawlProgress&)> on_progress;
    int progress_interval_ms = 250;
    std::function<void(const CrawlEvent&)> on_event;
    // Only these outlets (slugs); empty: all.
    std::vector<std::string> outlets;
    // The process's index writer, when it has one (`serve --crawl-every`):
    // the pass's articles are indexed by it, so one thread writes the index.
    // Null: the pass runs a keeper of its own while it lasts.
    IndexKeeper* index_keeper = nullptr;
};

CrawlSummary crawl(const config::Config& cfg, store::Store& store, const CrawlOptions& options = {});

}  // namespace presswatch::pipeline
