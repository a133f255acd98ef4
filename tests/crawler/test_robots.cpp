#include <catch2/catch.hpp>

#include "crawler/robots.h"

using presswatch::crawler::Robots;

namespace {
const char* ua = "presswatch/0.1 (+mailto:press@example.invalid)";
}

TEST_CASE("robots: longest match between allow and disallow decides, allow wins a tie") {
    auto r = Robots::parse(R"(
User-agent: *
Disallow: /tim-kiem
Disallow: /private/
Allow: /private/public-
Disallow: /*.pdf$
Disallow: /*?print=
Allow: /tie
Disallow: /tie
Disallow: /caf%C3%A9
)", ua);
    struct Row {
        const char* path;
        bool allowed;
    };
    const Row rows[] = {
        {"/", true},
        {"/thoi-su/bai-1.html", true},
        {"/tim-kiem?q=thanh+hoa", false},
        {"/tim-kiem", false},
        {"/private/x", false},
        {"/private/public-report", true},
        {"/files/a.pdf", false},
        {"/files/a.pdf?x=1", true},      // "$" anchors the end
        {"/a.html?print=1", false},
        {"/tie", true},
        {"/café", false},                 // percent-encoding normalised on both sides
        {"/caf%c3%a9", false},
        {"/robots.txt", true},
    };
    for (const auto& row : rows) {
        INFO(row.path);
        CHECK(r.allowed(row.path) == row.allowed);
    }
}

TEST_CASE("robots: our product token's group wins over '*', groups naming it are merged, case ignored") {
    auto r = Robots::parse(R"(
User-agent: *
Disallow: /

User-agent: Googlebot
User-agent: PressWatch
Disallow: /tim-kiem
Crawl-delay: 2.5

User-agent: presswatch
Disallow: /admin
)", ua);
    CHECK(r.allowed("/thoi-su/a.html"));
    CHECK_FALSE(r.allowed("/tim-kiem"));
    CHECK_FALSE(r.allowed("/admin/x"));
    REQUIRE(r.crawl_delay_ms());
    CHECK(*r.crawl_delay_ms() == 2500);

    auto other = Robots::parse("User-agent: *\nDisallow: /\nCrawl-delay: 4\n", "otherbot/1.0");
    CHECK_FALSE(other.allowed("/a"));
    CHECK(*other.crawl_delay_ms() == 4000);
}

TEST_CASE("robots: Sitemap lines, comments, rules outside groups, empty disallow") {
    auto r = Robots::parse(
        "Disallow: /orphan\n# comment\nSitemap: https://x.vn/sitemap.xml\nUser-agent: * # everyone\n"
        "Disallow:\nSitemap: https://x.vn/news.xml\n",
        ua);
    CHECK(r.allowed("/orphan"));
    CHECK(r.allowed("/anything"));
    REQUIRE(r.sitemaps().size() == 2);
    CHECK(r.sitemaps()[0] == "https://x.vn/sitemap.xml");
    CHECK(r.sitemaps()[1] == "https://x.vn/news.xml");
}

TEST_CASE("robots: 4xx allows all, 5xx or unreachable disallows all") {
    CHECK(Robots::allow_all().allowed("/a"));
    CHECK_FALSE(Robots::disallow_all().allowed("/a"));
    CHECK_FALSE(Robots::disallow_all().allowed("/robots.txt"));
}

TEST_CASE("robots: hostile patterns and huge files stay cheap and safe") {
    std::string many_stars = "User-agent: *\nDisallow: /" + std::string(2000, '*') + "x$\n";
    auto r = Robots::parse(many_stars, ua);
    CHECK(r.allowed("/" + std::string(3000, 'a')));
    std::string huge = "User-agent: *\n" + std::string(2 * 1024 * 1024, '\n') + "Disallow: /\n";
    CHECK(Robots::parse(huge, ua).allowed("/a"));  // rules past 512 KiB are not read
    CHECK(Robots::parse(std::string("\0\xff\xfe garbage", 12), ua).allowed("/a"));
}
