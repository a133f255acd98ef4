// Nothing acknowledged is lost: `serve` killed with SIGKILL in the middle of
// a burst of decisions made through the API (alone, and while the crawl it
// runs with --crawl-every is fetching), then started again. Every decision
// answered with a 2xx is in the store and, once the restarted server's
// index keeper has caught up with the journal, in search.
#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>

#include "serve_world.h"

using namespace presswatch;
using namespace presswatch::testing;
using namespace std::chrono_literals;

namespace {

// After a restart: every acknowledged decision is in the store, and search
// finds them all within a few seconds (the keeper syncs the journal rows
// the killed process left within its idle interval).
void check_nothing_acknowledged_was_lost(ServeWorld& world, const std::set<std::int64_t>& acked, const Browser& b) {
    auto states = world.review_states();
    std::vector<std::int64_t> missing_in_store;
    for (auto id : acked)
        if (states[id] != "relevant") missing_in_store.push_back(id);
    CHECK(missing_in_store.empty());

    std::set<std::int64_t> found;
    bool all_found = wait_until([&] {
        found = b.search_ids("review:relevant");
        return std::includes(found.begin(), found.end(), acked.begin(), acked.end());
    }, 15s);
    std::vector<std::int64_t> missing_in_search;
    std::set_difference(acked.begin(), acked.end(), found.begin(), found.end(), std::back_inserter(missing_in_search));
    INFO("acknowledged " << acked.size() << ", in search " << found.size());
    CHECK(missing_in_search.empty());
    CHECK(all_found);
}

}  // namespace

TEST_CASE("serve killed with SIGKILL during a burst of decisions: every acknowledged one is in the store and in search",
          "[serve][kill]") {
    CrawlSite site(2, 40);
    ServeWorld world(site);
    REQUIRE(world.run("crawl --once").code == 0);
    auto ids = world.article_ids();
    REQUIRE(ids.size() == 80);

    std::set<std::int64_t> acked;
    // Killed at different moments of the burst.
    std::size_t offset = 0;
    for (std::size_t kill_after : {3u, 11u, 20u}) {
        auto serve = world.serve();
        Browser browser(serve->wait_for_port());
        std::vector<std::int64_t> batch(ids.begin() + static_cast<long>(offset),
                                        ids.begin() + static_cast<long>(offset + 25));
        offset += 25;
        DecisionBurst burst(browser, batch);
        REQUIRE(wait_until([&] { return burst.acked_count() >= kill_after; }));
        serve->signal(SIGKILL);
        CHECK(serve->wait_exit() == 128 + SIGKILL);
        burst.join();
        auto these = burst.acked();
        CHECK(these.size() < batch.size());  // killed mid-burst, not after it
        acked.insert(these.begin(), these.end());
    }
    auto serve = world.serve();
    Browser browser(serve->wait_for_port());
    INFO(world.logs.path());
    check_nothing_acknowledged_was_lost(world, acked, browser);
}

TEST_CASE("serve --crawl-every killed with SIGKILL during decisions while its crawl runs: nothing acknowledged is lost, "
          "the crawl resumes",
          "[serve][kill]") {
    // bao1 is crawled first (the articles to decide on); bao2's slow pages
    // keep the crawl inside serve busy during the burst.
    CrawlSite site(2, 30, 150);
    ServeWorld world(site);
    auto ids = world.crawl_first_outlet();
    REQUIRE(ids.size() == 30);

    auto serve = world.serve({"--crawl-every", "15m"});
    Browser browser(serve->wait_for_port());
    REQUIRE(wait_until([&] { return site.article_requests() >= 30 + 3; }));  // the crawl is fetching bao2
    DecisionBurst burst(browser, ids);
    REQUIRE(wait_until([&] { return burst.acked_count() >= 10; }));
    auto requests_at_kill = site.article_requests();
    serve->signal(SIGKILL);
    CHECK(serve->wait_exit() == 128 + SIGKILL);
    burst.join();
    auto acked = burst.acked();
    INFO(world.logs.path() << "\n" << serve->log());
    CHECK(acked.size() < ids.size());
    CHECK(requests_at_kill < 60);  // bao2's crawl was still going

    // Started again: the decisions are there, and the crawl finishes bao2.
    auto again = world.serve({"--crawl-every", "15m"});
    Browser b2(again->wait_for_port());
    check_nothing_acknowledged_was_lost(world, acked, b2);
    CHECK(wait_until([&] { return world.article_ids().size() == 60; }, 60s));
}

TEST_CASE("a separate crawl killed with SIGKILL while serve takes decisions: every acknowledged one reaches search",
          "[serve][kill]") {
    // The setup without --crawl-every: `crawl` as its own process, which
    // holds Xapian's writer lock for its syncs; serve's keeper waits for it.
    CrawlSite site(2, 30, 150);
    ServeWorld world(site);
    auto ids = world.crawl_first_outlet();
    auto serve = world.serve();
    Browser browser(serve->wait_for_port());
    Process crawl(world.args({"crawl", "--once"}), world.logs.path() / "crawl.log");
    REQUIRE(wait_until([&] { return site.article_requests() >= 30 + 3; }));
    DecisionBurst burst(browser, ids);
    REQUIRE(wait_until([&] { return burst.acked_count() >= 10; }));
    crawl.signal(SIGKILL);
    CHECK(crawl.wait_exit() == 128 + SIGKILL);
    burst.finish();  // the rest of the burst goes on against the server
    auto acked = burst.acked();
    INFO(world.logs.path() << "\n" << serve->log());
    CHECK(acked.size() == ids.size());  // the server itself was not harmed
    check_nothing_acknowledged_was_lost(world, acked, browser);
}
