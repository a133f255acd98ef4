// `presswatch serve --crawl-every`: the web server runs the crawl schedule
// in its own process, so that one process (and in it one thread, the
// server's index keeper) writes the search index. Pinned here with the
// built binary against a local news site: the crawl lock still refuses a
// second crawler, pages answer while the crawl runs, a decision made
// through the API during the crawl reaches search at once, SIGTERM stops
// both at a safe point, and the interval is checked as `crawl --every`'s.
#include <catch2/catch.hpp>

#include <algorithm>

#include <fmt/ranges.h>

#include "serve_world.h"

using namespace presswatch;
using namespace presswatch::testing;
using namespace std::chrono_literals;

TEST_CASE("serve --crawl-every crawls in the server's process: a second crawler is refused, pages answer and "
          "decisions reach search during the crawl",
          "[serve][crawl]") {
    // bao1 first, by `crawl` (the articles to decide on); then serve's own
    // crawl fetches bao2's slow pages while the browser works.
    CrawlSite site(2, 30, 200);
    ServeWorld world(site);
    auto ids = world.crawl_first_outlet();
    REQUIRE(ids.size() == 30);

    auto serve = world.serve({"--crawl-every", "15m"});
    Browser browser(serve->wait_for_port());
    INFO(serve->log());
    CHECK_THAT(serve->log(), Catch::Contains("Thu thập tin trong cùng tiến trình, 15 phút một lần"));
    REQUIRE(wait_until([&] { return site.article_requests() >= 30 + 2; }));

    // The crawl lock is serve's: `crawl` is refused and names it.
    auto second = world.run("crawl --once");
    CHECK(second.code == 1);
    CHECK_THAT(second.out, Catch::Contains("another crawler") && Catch::Contains("pid " + std::to_string(serve->pid())));

    // Decisions during the crawl: each is in search when its answer comes
    // back, or within 2 seconds of the request (the bound).
    std::vector<double> seconds;
    for (std::size_t i = 0; i < 5; ++i) {
        REQUIRE(site.article_requests() < 60);  // the crawl is still running
        auto asked = std::chrono::steady_clock::now();
        REQUIRE(browser.review(ids[i], "relevant") == 200);
        bool shown = wait_until([&] { return browser.search_ids("review:relevant").count(ids[i]) == 1; }, 10s);
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count());
        CHECK(shown);
    }
    // Pages answer meanwhile: the crawl runs on a thread of its own.
    auto page = browser.client().Get("/search?q=thanh%20hoa");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(site.article_requests() < 60);
    double worst = *std::max_element(seconds.begin(), seconds.end());
    INFO("seconds from request to search: " << fmt::format("{}", fmt::join(seconds, " ")));
    CHECK(worst <= 2.0);

    // The pass ends, its articles are searchable, and the server goes on.
    REQUIRE(wait_until([&] { return world.article_ids().size() == 60 && world.journal_rows() == 0; }, 60s));
    CHECK(serve->running());
    CHECK(browser.search_ids("outlet:bao2").size() >= 1);
}

TEST_CASE("serve --crawl-every on a new data folder creates the store; SIGTERM during the crawl exits 0 with the "
          "index synced, and the next start finishes the crawl",
          "[serve][crawl]") {
    CrawlSite site(2, 20, 150);
    ServeWorld world(site);
    auto serve = world.serve({"--crawl-every", "1h"});
    serve->wait_for_port();
    REQUIRE(wait_until([&] { return site.article_requests() >= 4; }));
    auto asked = std::chrono::steady_clock::now();
    serve->signal(SIGTERM);
    int code = serve->wait_exit();
    INFO(serve->log());
    CHECK(code == 0);
    CHECK(std::chrono::steady_clock::now() - asked < 15s);
    auto stored = world.article_ids().size();
    CHECK(stored < 40);
    CHECK(world.journal_rows() == 0);  // what was stored is also indexed
    CHECK_THAT(serve->log(), Catch::Contains("dừng"));

    auto again = world.serve({"--crawl-every", "1h"});
    again->wait_for_port();
    CHECK(wait_until([&] { return world.article_ids().size() == 40 && world.journal_rows() == 0; }, 60s));
}

TEST_CASE("serve --crawl-every refuses to start while another crawler holds the data folder", "[serve][crawl]") {
    CrawlSite site(1, 10, 300);
    ServeWorld world(site);
    Process crawl(world.args({"crawl", "--once"}), world.logs.path() / "crawl.log");
    REQUIRE(wait_until([&] { return site.article_requests() >= 1; }));
    auto serve = world.serve({"--crawl-every", "15m"});
    int code = serve->wait_exit();
    CHECK(code == 1);
    CHECK_THAT(serve->log(), Catch::Contains("another crawler") && Catch::Contains("pid " + std::to_string(crawl.pid())));
    CHECK(serve->log().find("http://") == std::string::npos);  // it never listened
}

TEST_CASE("serve --crawl-every reads and checks the interval as crawl --every does", "[serve][crawl]") {
    CrawlSite site(1, 1);
    ServeWorld world(site);
    struct Row {
        std::string interval, message;
    };
    for (const auto& row : std::vector<Row>{{"30s", "the interval must be at least 1 minute"},
                                            {"15x", "write an interval like 15m, 30m, 1h or 90s"},
                                            {"m", "write an interval like 15m, 30m, 1h or 90s"}}) {
        auto serve = world.run("serve --no-auth --listen 127.0.0.1:0 --crawl-every " + row.interval);
        auto crawl = world.run("crawl --every " + row.interval);
        INFO(row.interval << "\n" << serve.out << "\n" << crawl.out);
        CHECK(serve.code == 2);
        CHECK(crawl.code == 2);
        CHECK_THAT(serve.out, Catch::Contains("--crawl-every " + row.interval + ": " + row.message));
        CHECK_THAT(crawl.out, Catch::Contains("--every " + row.interval + ": " + row.message));
    }
}
