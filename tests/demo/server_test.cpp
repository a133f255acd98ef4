// The server: hosts, front pages, robots.txt, conditional GET, ports and
// concurrent clients.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "demo/sample_site.h"
#include "demo/site_data.h"
#include "site_client.h"

using namespace presswatch::demo::testing;

TEST_CASE("the sample site has at least six outlets of eight articles, one local, at least one Atom feed") {
    SampleSite site;
    site.start();
    auto outlets = site.outlets();
    REQUIRE(outlets.size() >= 6);
    int local = 0;
    for (const auto& o : outlets) {
        INFO(o.slug);
        REQUIRE(o.domains == std::vector<std::string>{o.slug + ".localhost"});
        REQUIRE_FALSE(o.feeds.empty());
        for (const auto& f : o.feeds)
            CHECK(f.rfind("http://" + o.slug + ".localhost:" + std::to_string(site.port()) + "/", 0) == 0);
        local += o.kind == "local";
    }
    CHECK(local == 1);
    auto data = presswatch::demo::load_site_data();
    CHECK(std::count_if(data.begin(), data.end(), [](const auto& o) { return o.feed_format == "atom"; }) >= 1);
    for (const auto& o : data) CHECK(o.articles.size() >= 8);
}

TEST_CASE("each outlet serves a home page linking its articles and a robots.txt") {
    SampleSite site;
    site.start();
    auto data = presswatch::demo::load_site_data();
    for (const auto& o : data) {
        const std::string origin = origin_of(site, o.slug);
        INFO(o.slug);
        std::string home = fetch_ok(site, origin + "/");
        for (const auto& a : o.articles) CHECK(contains(home, "href=\"" + a.path + "\""));
        CHECK(contains(fetch_ok(site, origin + "/robots.txt"), "User-agent: *"));
        auto missing = fetch(site, origin + "/khong-co-trang-nay.html");
        REQUIRE(missing);
        CHECK(missing->status == 404);
    }
}

TEST_CASE("a host the site does not serve gets 404, and 127.0.0.1 lists the outlets") {
    SampleSite site;
    site.start();
    httplib::Client client("127.0.0.1", site.port());
    auto res = client.Get("/", httplib::Headers{{"Host", "khongco.localhost"}});
    REQUIRE(res);
    CHECK(res->status == 404);
    auto dir = client.Get("/");
    REQUIRE(dir);
    CHECK(dir->status == 200);
    for (const auto& o : site.outlets()) CHECK(contains(dir->body, o.slug + ".localhost"));
}

TEST_CASE("pages answer a conditional GET with 304 while their validators match") {
    SampleSite site;
    site.start();
    const auto data = presswatch::demo::load_site_data();
    const auto& o = data.front();
    const std::string host = o.slug + ".localhost:" + std::to_string(site.port());
    httplib::Client client("127.0.0.1", site.port());
    for (const std::string& path : {o.articles.front().path, o.feeds.front(), std::string("/")}) {
        INFO(path);
        auto first = client.Get(path.c_str(), httplib::Headers{{"Host", host}});
        REQUIRE(first);
        REQUIRE(first->status == 200);
        const std::string etag = first->get_header_value("ETag");
        const std::string modified = first->get_header_value("Last-Modified");
        REQUIRE(etag.size() > 2);
        REQUIRE(std::regex_match(modified, std::regex(R"(\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT)")));

        struct Row {
            httplib::Headers headers;
            int status;
        };
        const Row rows[] = {
            {{{"Host", host}, {"If-None-Match", etag}}, 304},
            {{{"Host", host}, {"If-None-Match", "\"0000000000000000\", " + etag}}, 304},
            {{{"Host", host}, {"If-None-Match", "\"0000000000000000\""}}, 200},
            {{{"Host", host}, {"If-Modified-Since", modified}}, 304},
            {{{"Host", host}, {"If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT"}}, 200},
            // If-None-Match decides when both are sent.
            {{{"Host", host}, {"If-None-Match", "\"0000000000000000\""}, {"If-Modified-Since", modified}}, 200},
        };
        for (const auto& r : rows) {
            auto res = client.Get(path.c_str(), r.headers);
            REQUIRE(res);
            CHECK(res->status == r.status);
            CHECK(res->body.empty() == (r.status == 304));
        }
    }
}

TEST_CASE("the site takes the port it is asked for when free, and another one when not") {
    SampleSite first;
    first.start();
    SampleSite second;
    second.start(first.port());  // taken: falls back to a free port
    CHECK(second.port() != first.port());
    CHECK(second.port() > 0);
    const int freed = second.port();
    second.stop();
    SampleSite third;
    third.start(freed);
    CHECK(third.port() == freed);
    // The outlets point at the port actually bound.
    for (const auto& o : third.outlets())
        for (const auto& f : o.feeds) CHECK(contains(f, ".localhost:" + std::to_string(freed) + "/"));
    CHECK(contains(fetch_ok(third, third.outlets().front().feeds.front()), "<item>"));
}

TEST_CASE("many clients fetching at once all get their pages") {
    SampleSite site;
    site.start();
    const auto expected = site.articles();
    constexpr int clients = 8;
    std::vector<int> ok(clients, 0);
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c)
        threads.emplace_back([&, c] {
            for (const auto& a : expected) {
                auto res = fetch(site, a.url);
                if (res && res->status == 200 && res->body.find("<h1") != std::string::npos) ++ok[c];
            }
        });
    for (auto& t : threads) t.join();
    for (int c = 0; c < clients; ++c) CHECK(ok[c] == static_cast<int>(expected.size()));
}
