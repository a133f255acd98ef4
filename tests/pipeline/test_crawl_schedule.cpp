// The long-running crawler's pieces that `crawl --every` and `serve
// --crawl-every` share: the interval they read, and a crawl pass writing
// the index through the process's one keeper instead of a writer of its own.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "crawl_site.h"
#include "index/index.h"
#include "pipeline/crawl_schedule.h"
#include "pipeline/index_keeper.h"
#include "pipeline/index_sync.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::CrawlSite;
using presswatch::testing::TempDir;

TEST_CASE("crawl interval: units s m h d, a bare number is minutes, below a minute or malformed is refused") {
    struct Row {
        std::string text;
        long seconds;  // 0: refused
    };
    for (const auto& row : std::vector<Row>{{"15m", 900},  {"1h", 3600},  {"2h30m", 9000}, {"90s", 90},
                                            {"1d", 86400}, {"20", 1200},  {"60s", 60},     {"30s", 0},
                                            {"0", 0},      {"15x", 0},    {"m", 0},        {"", 0},
                                            {"1.5h", 0},   {"99999999999m", 0}}) {
        INFO(row.text);
        if (row.seconds) CHECK(pipeline::parse_crawl_interval("--every", row.text).count() == row.seconds);
        else CHECK_THROWS_AS(pipeline::parse_crawl_interval("--every", row.text), InputError);
    }
    CHECK_THROWS_WITH(pipeline::parse_crawl_interval("--crawl-every", "30s"),
                      Catch::StartsWith("--crawl-every 30s: the interval must be at least 1 minute"));
}

TEST_CASE("crawl: given the process's index keeper, the pass indexes through it, not a writer of its own") {
    CrawlSite site(2, 5);
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    store::Store st(data.path());
    pipeline::IndexKeeper keeper(data.path());
    pipeline::CrawlOptions opt;
    opt.index_keeper = &keeper;
    auto sum = pipeline::crawl(cfg, st, opt);
    CHECK(sum.total.new_articles == 10);
    CHECK(sum.indexed == 10);
    CHECK(keeper.indexed() == 10);  // all of it by the keeper
    CHECK(st.pending_index(100).empty());
    index::Searcher searcher(pipeline::index_dir(st));
    index::SearchOptions all;
    all.facets = true;  // exact total
    CHECK(searcher.search("outlet:bao1 OR outlet:bao2", all).total == 10);
}

TEST_CASE("crawl schedule: one pass without an interval; a stop request ends the wait between passes at once") {
    CrawlSite site(1, 3);
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    store::Store st(data.path());
    pipeline::CrawlSchedule once;
    int passes = 0;
    once.on_summary = [&](const pipeline::CrawlSummary&) { ++passes; };
    pipeline::run_crawl_schedule(cfg, st, once);
    CHECK(passes == 1);

    std::atomic<bool> stop{false};
    pipeline::CrawlSchedule every;
    every.every = std::chrono::hours(1);
    every.crawl.stop = &stop;
    every.on_summary = [&](const pipeline::CrawlSummary&) {
        ++passes;
        stop.store(true);  // as SIGTERM during the wait would
    };
    auto started = std::chrono::steady_clock::now();
    pipeline::run_crawl_schedule(cfg, st, every);
    CHECK(passes == 2);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(30));
}
