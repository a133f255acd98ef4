// The expected truth the site carries for end-to-end tests: what the
// content mixes, docs/demo.md in step with the data, articles().
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "demo/sample_site.h"
#include "demo/site_data.h"
#include "site_client.h"

using namespace presswatch::demo::testing;

TEST_CASE("the content mixes Thanh Hóa clippings, complaints and traps") {
    SampleSite site;
    site.start();
    int articles = 0, about = 0, answer = 0, traps = 0;
    for (const auto& o : presswatch::demo::load_site_data()) {
        const std::string origin = origin_of(site, o.slug);
        for (const auto& a : o.articles) {
            ++articles;
            about += a.about_province;
            answer += a.needs_answer;
            std::string page = fetch_ok(site, origin + a.path);
            if (!a.about_province && (contains(page, "Thanh Hóa") || contains(page, "Thanh Hoá"))) ++traps;
            INFO(a.id);
            CHECK(a.paragraphs.size() >= 4);
            CHECK(a.paragraphs.size() <= 8);
        }
    }
    CHECK(articles >= 48);
    CHECK(about * 10 >= articles * 4);  // about half: 40% to 60%
    CHECK(about * 10 <= articles * 6);
    CHECK(answer >= 5);
    // Most pages about elsewhere name the province in menus, footers or
    // related boxes; a few name it nowhere.
    CHECK(traps >= 10);
    CHECK(traps < articles - about);
}

TEST_CASE("docs/demo.md lists every article with the truth the data carries") {
    std::ifstream in(std::string(PRESSWATCH_SOURCE_DIR) + "/docs/demo.md");
    REQUIRE(in);
    struct Truth {
        std::string outlet, about, answer;
    };
    std::map<std::string, Truth> documented;
    const std::regex row(R"(^\| ([a-z]{2}\d{2}) \| ([a-z]+) \| (yes|no) \| (yes|no) \|)");
    std::string line;
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_search(line, m, row)) documented[m[1]] = {m[2], m[3], m[4]};
    }
    size_t n = 0;
    for (const auto& o : presswatch::demo::load_site_data())
        for (const auto& a : o.articles) {
            ++n;
            INFO(a.id);
            REQUIRE(documented.count(a.id) == 1);
            CHECK(documented[a.id].outlet == o.slug);
            CHECK(documented[a.id].about == (a.about_province ? "yes" : "no"));
            CHECK(documented[a.id].answer == (a.needs_answer ? "yes" : "no"));
        }
    CHECK(documented.size() == n);
}

TEST_CASE("articles() gives every served article with its truth, removed_urls() the 404s") {
    SampleSite site;
    site.start();
    const auto expected = site.articles();
    REQUIRE(expected.size() >= 48);
    std::map<std::string, std::set<std::string>> listed;  // outlet -> links in its home feed
    for (const auto& o : site.outlets()) {
        auto links = feed_links(fetch_ok(site, o.feeds.front()));
        listed[o.slug].insert(links.begin(), links.end());
    }
    const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    int about = 0, answer = 0;
    std::set<std::string> ids;
    for (const auto& a : expected) {
        INFO(a.id);
        CHECK(ids.insert(a.id).second);
        CHECK(listed[a.outlet].count(a.url) == 1);
        CHECK(contains(fetch_ok(site, a.url), a.headline.substr(0, a.headline.find('"'))));
        CHECK(a.published <= now);
        CHECK(a.published > now - 6 * 86400);
        about += a.about_province;
        answer += a.needs_answer;
    }
    CHECK(about == 25);
    CHECK(answer == 11);
    const auto removed = site.removed_urls();
    REQUIRE(removed.size() == 1);
    auto res = fetch(site, removed[0]);
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(listed["tinnhanh"].count(removed[0]) == 1);
}
