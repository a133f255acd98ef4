#include <catch2/catch.hpp>

#include "crawler/gzip.h"
#include "crawler/sitemap.h"
#include "text/dates.h"

using namespace presswatch::crawler;
using presswatch::text::parse_iso8601;

TEST_CASE("sitemap: a urlset with lastmod, relative and entity-escaped locations") {
    const char* xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
<url><loc>https://x.vn/a-1.html</loc><lastmod>2026-03-07T08:00:00+07:00</lastmod>
 <image:image><image:loc>https://x.vn/a.jpg</image:loc><image:title>Ảnh</image:title></image:image></url>
<url><loc> /b-2.html </loc></url>
<url><loc>https://x.vn/c.html?a=1&amp;b=2</loc><lastmod>2026-03-05</lastmod></url>
<url><lastmod>2026-03-05</lastmod></url>
</urlset>)";
    auto sm = parse_sitemap(xml, "https://x.vn/sitemap.xml");
    CHECK_FALSE(sm.is_index);
    REQUIRE(sm.entries.size() == 3);
    CHECK(sm.entries[0].url == "https://x.vn/a-1.html");
    CHECK(sm.entries[0].date == parse_iso8601("2026-03-07T08:00:00+07:00"));
    CHECK(sm.entries[0].title.empty());
    CHECK(sm.entries[1].url == "https://x.vn/b-2.html");
    CHECK_FALSE(sm.entries[1].date);
    CHECK(sm.entries[2].url == "https://x.vn/c.html?a=1&b=2");
    CHECK(sm.entries[2].date == parse_iso8601("2026-03-05"));
}

TEST_CASE("sitemap: Google News entries take publication_date and title") {
    const char* xml = R"(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://x.vn/tin.html</loc><lastmod>2026-03-08T00:00:00Z</lastmod>
<news:news><news:publication><news:name>X</news:name><news:language>vi</news:language></news:publication>
<news:publication_date>2026-03-07T09:30:00+07:00</news:publication_date>
<news:title>Thanh Hóa khởi công cầu mới</news:title></news:news></url>
</urlset>)";
    auto sm = parse_sitemap(xml, "https://x.vn/news.xml");
    REQUIRE(sm.entries.size() == 1);
    CHECK(sm.entries[0].date == parse_iso8601("2026-03-07T09:30:00+07:00"));
    CHECK(sm.entries[0].title == "Thanh Hóa khởi công cầu mới");
}

TEST_CASE("sitemap: an index of sitemaps, gzip-compressed") {
    std::string xml = R"(<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://x.vn/sitemap-2026-03.xml.gz</loc><lastmod>2026-03-07</lastmod></sitemap>
<sitemap><loc>https://x.vn/sitemap-2026-02.xml.gz</loc></sitemap>
</sitemapindex>)";
    auto sm = parse_sitemap(gzip_member(xml), "https://x.vn/sitemap.xml.gz");
    CHECK(sm.is_index);
    REQUIRE(sm.entries.size() == 2);
    CHECK(sm.entries[0].url == "https://x.vn/sitemap-2026-03.xml.gz");
    CHECK(sm.entries[0].date == parse_iso8601("2026-03-07"));
}

TEST_CASE("sitemap: garbage, HTML, corrupt gzip and a gzip bomb yield nothing and say why") {
    CHECK_FALSE(parse_sitemap("", "https://x.vn/s.xml").error.empty());
    CHECK_FALSE(parse_sitemap("<html><body>404</body></html>", "https://x.vn/s.xml").error.empty());
    std::string corrupt = gzip_member("<urlset></urlset>");
    corrupt[corrupt.size() / 2] ^= 0x55;
    corrupt.resize(corrupt.size() - 4);
    auto c = parse_sitemap(corrupt, "https://x.vn/s.xml.gz");
    CHECK(c.entries.empty());
    auto bomb = parse_sitemap(gzip_member(std::string(60 * 1024 * 1024, ' ')), "https://x.vn/s.xml.gz");
    CHECK(bomb.entries.empty());
    CHECK_THAT(bomb.error, Catch::Contains("50 MB"));
}

TEST_CASE("gzip: concatenated members inflate to their concatenation; limits hold") {
    auto two = gzip_member("WARC/1.0\r\n") + gzip_member("second");
    CHECK(gunzip(two, 1024) == std::optional<std::string>("WARC/1.0\r\nsecond"));
    CHECK_FALSE(gunzip(two, 5));
    CHECK_FALSE(gunzip("plain text", 1024));
}
