#include <catch2/catch.hpp>

#include "crawler/listing.h"

using namespace presswatch::crawler;

TEST_CASE("listing: article links on the outlet's domains, resolved, canonical, once, in page order") {
    const char* html = R"HTML(<html><body>
<nav><a href="/">Trang chủ</a> <a href="/thoi-su.htm">Thời sự</a> <a href="/tag/thanh-hoa.htm">Thanh Hóa</a></nav>
<div class="list">
 <a href="/nguoi-dan-thanh-hoa-kien-nghi-sua-duong-1234567.htm?utm_source=home">Bài 1</a>
 <a href="https://x.vn/nguoi-dan-thanh-hoa-kien-nghi-sua-duong-1234567.htm#binh-luan">Bài 1 lần nữa</a>
 <a href="https://m.x.vn/thoi-su/cau-moi-qua-song-ma-2026030708.html">Bài 2</a>
 <a href="https://facebook.com/sharer?u=https://x.vn/a-1234567.htm">Chia sẻ</a>
 <a href="https://khac.vn/bai-viet-9876543.html">Báo khác</a>
 <a href="javascript:void(0)">JS</a>
 <a href="/tim-kiem?q=thanh-hoa-1234567">Tìm</a>
</div>
<a href="/tag/thanh-hoa.htm?page=2">Trang sau</a>
</body></html>)HTML";
    auto rules = listing_rules({"x.vn"}, {}, {});
    auto l = read_listing(html, "https://x.vn/tag/thanh-hoa.htm", rules);
    REQUIRE(l.articles.size() == 2);
    CHECK(l.articles[0] == "https://x.vn/nguoi-dan-thanh-hoa-kien-nghi-sua-duong-1234567.htm");
    CHECK(l.articles[1] == "https://m.x.vn/thoi-su/cau-moi-qua-song-ma-2026030708.html");
    REQUIRE(l.next_page);
    CHECK(*l.next_page == "https://x.vn/tag/thanh-hoa.htm?page=2");
}

TEST_CASE("listing: include and exclude patterns decide instead of the path heuristic") {
    const char* html = R"(<a href="/bai/1">1</a><a href="/bai/2-quang-cao">2</a><a href="/video/3">3</a>
<link rel="next" href="/p/2">)";
    auto rules = listing_rules({"x.vn"}, {"/bai/"}, {"quang-cao"});
    auto l = read_listing(html, "https://x.vn/p/1", rules);
    REQUIRE(l.articles.size() == 1);
    CHECK(l.articles[0] == "https://x.vn/bai/1");
    CHECK(l.next_page == std::optional<std::string>("https://x.vn/p/2"));
}

TEST_CASE("listing: which paths look like articles") {
    struct Row {
        const char* path;
        bool article;
    };
    const Row rows[] = {
        {"/thoi-su/nguoi-dan-kien-nghi-sua-duong-4812345.html", true},
        {"/nguoi-dan-kien-nghi-sua-duong-20260307081500123.htm", true},
        {"/xa-hoi/dan-sinh/nguoi-dan-kien-nghi-sua-duong-post812345.html", true},
        {"/nguoi-dan-kien-nghi-1234567.ldo", true},
        {"/bai-viet/1234567", true},
        {"/thoi-su.htm", false},
        {"/thoi-su", false},
        {"/", false},
        {"/tag/thanh-hoa-12345678.html", false},
        {"/tim-kiem.html?q=1234567", false},
    };
    for (const auto& r : rows) {
        INFO(r.path);
        CHECK(looks_like_article_path(r.path) == r.article);
    }
}

TEST_CASE("listing: feed links a home page announces") {
    const char* html = R"(<head>
<link rel="alternate" type="application/rss+xml" title="Tin mới" href="/rss/tin-moi-nhat.rss">
<link rel="alternate" type="application/atom+xml" href="https://x.vn/atom.xml">
<link rel="alternate" hreflang="en" href="https://x.vn/en/">
<link rel="stylesheet" href="/a.css">
</head>)";
    auto f = feed_links(html, "https://x.vn/");
    REQUIRE(f.size() == 2);
    CHECK(f[0] == "https://x.vn/rss/tin-moi-nhat.rss");
    CHECK(f[1] == "https://x.vn/atom.xml");
}
