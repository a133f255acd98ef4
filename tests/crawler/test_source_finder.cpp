#include <catch2/catch.hpp>

#include <map>

#include "core/error.h"
#include "crawler/source_finder.h"
#include "local_server.h"

using namespace presswatch;
using presswatch::testing::LocalServer;

TEST_CASE("sources discover: feeds the home page links, robots.txt sitemaps and usual paths, each checked") {
    LocalServer s;
    auto host = "bao.localhost";
    auto base = s.url("", host);
    s.http().Get("/", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content("<html><head><title>Báo Thử</title>"
                        "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss/tin-moi.rss\">"
                        "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss/chet.rss\">"
                        "</head><body></body></html>",
                        "text/html; charset=utf-8");
    });
    s.http().Get("/rss/tin-moi.rss", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content("<rss><channel><item><link>" + base + "/a-1234567.html</link></item>"
                        "<item><link>" + base + "/b-1234568.html</link></item></channel></rss>",
                        "application/rss+xml");
    });
    s.http().Get("/robots.txt", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content("User-agent: *\nAllow: /\nSitemap: " + base + "/sitemap-news.xml\n", "text/plain");
    });
    s.http().Get("/sitemap-news.xml", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content("<urlset><url><loc>" + base + "/c-1234569.html</loc></url></urlset>", "application/xml");
    });
    s.http().Get("/rss", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content("<rss><channel><item><link>" + base + "/d-1234560.html</link></item></channel></rss>",
                        "application/rss+xml");
    });
    config::Settings settings;
    settings.min_interval_ms = 0;
    auto found = crawler::find_sources(s.url("/", host), settings);
    CHECK(found.name == "Báo Thử");
    CHECK(found.host == "bao.localhost");
    std::map<std::string, crawler::FoundSource> by_url;
    for (const auto& f : found.sources) by_url[f.url] = f;
    REQUIRE(by_url.count(base + "/rss/tin-moi.rss"));
    CHECK(by_url[base + "/rss/tin-moi.rss"].items == 2);
    CHECK(by_url[base + "/rss/tin-moi.rss"].how == "home page link");
    REQUIRE(by_url.count(base + "/rss/chet.rss"));
    CHECK_FALSE(by_url[base + "/rss/chet.rss"].error.empty());  // linked but dead: shown with its error
    REQUIRE(by_url.count(base + "/sitemap-news.xml"));
    CHECK(by_url[base + "/sitemap-news.xml"].how == "robots.txt");
    REQUIRE(by_url.count(base + "/rss"));
    CHECK(by_url[base + "/rss"].how == "usual path");
    CHECK_FALSE(by_url.count(base + "/feed"));  // a failed guess is not listed
    CHECK(found.sources.front().error.empty());  // usable ones first
    CHECK_THROWS_AS(crawler::find_sources("ftp://x.vn/", settings), InputError);
}
