#pragma once
// The long-running crawler's loop, whichever process runs it (`presswatch
// crawl --every 15m`, or `presswatch serve --crawl-every 15m`, which runs it
// on a thread beside the web server): a crawl pass, then old page snapshots
// of non-clippings pruned a few batches at a time, then (when there is a
// next pass) the problems `status` finds mailed when alert_to is set, then
// a wait until the interval has passed since the pass began; until
// *schedule.crawl.stop is set. A stop request ends the pass at its safe
// point (transfers in flight finish, the index is synced) and the wait at
// once.
//
// The caller holds the data folder's store::CrawlLock. Runs on the
// caller's thread; store is that thread's connection.
#include <chrono>
#include <functional>
#include <string>

#include "config/config.h"
#include "pipeline/crawl.h"
#include "store/store.h"

namespace presswatch::pipeline {

struct CrawlSchedule {
    std::chrono::seconds every{0};  // 0: one pass, then return
    // The passes' options: stop, since, outlets, index keeper, progress
    // and events (on_event also gets the pruning and alert lines).
    CrawlOptions crawl;
    // After each pass.
    std::function<void(const CrawlSummary&)> on_summary;
};

// "15m", "30m", "1h", "90s", "2h30m", "1d"; a bare number is minutes.
// Throws InputError naming `option` (e.g. "--every") for anything else,
// and for less than a minute (the outlets are to be spared).
std::chrono::seconds parse_crawl_interval(const std::string& option, const std::string& text);

void run_crawl_schedule(const config::Config& cfg, store::Store& store, const CrawlSchedule& schedule);

}  // namespace presswatch::pipeline
