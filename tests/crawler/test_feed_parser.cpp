#include <catch2/catch.hpp>

#include <algorithm>

#include "crawler/feed_date.h"
#include "crawler/feed_parser.h"
#include "text/dates.h"

using presswatch::crawler::parse_feed;
using presswatch::crawler::parse_feed_date;
using presswatch::text::parse_iso8601;

TEST_CASE("feed dates: RFC 822 and the ways feeds break it") {
    struct Row {
        const char* in;
        const char* iso;  // expected, as ISO 8601
    };
    const Row rows[] = {
        {"Sat, 07 Mar 2026 08:15:00 +0700", "2026-03-07T08:15:00+07:00"},
        {"Sat, 07 Mar 2026 01:15:00 GMT", "2026-03-07T08:15:00+07:00"},
        {"Sat, 07 Mar 2026 08:15:00 +07:00", "2026-03-07T08:15:00+07:00"},
        {"Sat, 7 Mar 2026 08:15 +0700", "2026-03-07T08:15:00+07:00"},
        {"07 Mar 2026 08:15:00", "2026-03-07T08:15:00+07:00"},               // no zone: Vietnam
        {"Thứ bảy, 07 Mar 2026 08:15:00 +0700", "2026-03-07T08:15:00+07:00"}, // Vietnamese day name
        {"Chủ nhật, 08/03/2026 08:15", "2026-03-08T08:15:00+07:00"},
        {"07/03/2026 08:15:00 GMT+7", "2026-03-07T08:15:00+07:00"},
        {"2026-03-07T08:15:00+07:00", "2026-03-07T08:15:00+07:00"},
        {"2026-03-07T01:15:00Z", "2026-03-07T08:15:00+07:00"},
        {"2026-03-07", "2026-03-07T00:00:00+07:00"},
        {"Mar 7, 2026 08:15 PM", "2026-03-07T20:15:00+07:00"},
        {"Sat, 07 Mar 2026 08:15:00 EST", "2026-03-07T20:15:00+07:00"},
    };
    for (const auto& r : rows) {
        INFO(r.in);
        auto got = parse_feed_date(r.in);
        REQUIRE(got);
        CHECK(*got == *parse_iso8601(r.iso));
    }
    for (const char* bad : {"", "hôm qua", "not a date", "32/13/2026"}) {
        INFO(bad);
        CHECK_FALSE(parse_feed_date(bad));
    }
}

TEST_CASE("feed dates: a sign before a long run of digits is not an offset and never throws") {
    // Found by fuzz/fuzz_feed: "+" then 20 digits overflowed std::stoi and
    // would have ended the crawl.
    CHECK_NOTHROW(parse_feed_date("Sat, 07 Mar 2026 08:15:00 +07000000000000000000"));
    CHECK_NOTHROW(parse_feed_date("+99999999999999999999:99999999999999999999"));
    auto f = parse_feed("<rss><channel><item><link>https://a.vn/1</link>"
                        "<pubDate>07 Mar 2026 08:15 -123456789012345678901234</pubDate></item></channel></rss>",
                        "https://a.vn/rss");
    REQUIRE(f.items.size() == 1);
    CHECK(f.items[0].url == "https://a.vn/1");
}

TEST_CASE("RSS 2.0: links, titles with CDATA and entities, dates, relative links") {
    const char* xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Thời sự</title>
<item><title><![CDATA[Sạt lở ở Thanh Hóa & Nghệ An]]></title><link>https://vnexpress.net/sat-lo-1.html</link>
<pubDate>Sat, 07 Mar 2026 08:15:00 +0700</pubDate></item>
<item><title>Giá lúa &amp;quot;tăng&amp;quot; &nbsp;mạnh</title><link>/gia-lua-2.html</link>
<pubDate>Fri, 06 Mar 2026 10:00:00 +0700</pubDate></item>
<item><title>Không có link</title><guid isPermaLink="false">abc-123</guid></item>
<item><title>Chỉ có guid</title><guid>https://vnexpress.net/guid-3.html</guid></item>
</channel></rss>)";
    auto feed = parse_feed(xml, "https://vnexpress.net/rss/thoi-su.rss");
    CHECK(feed.format == "rss2");
    CHECK(feed.title == "Thời sự");
    REQUIRE(feed.items.size() == 3);
    CHECK(feed.items[0].url == "https://vnexpress.net/sat-lo-1.html");
    CHECK(feed.items[0].title == "Sạt lở ở Thanh Hóa & Nghệ An");
    CHECK(feed.items[0].published == parse_iso8601("2026-03-07T08:15:00+07:00"));
    CHECK(feed.items[1].url == "https://vnexpress.net/gia-lua-2.html");
    CHECK(feed.items[1].title == "Giá lúa \"tăng\" \xC2\xA0mạnh");
    CHECK(feed.items[2].url == "https://vnexpress.net/guid-3.html");
    CHECK_FALSE(feed.items[2].published);
}

TEST_CASE("Atom 1.0: alternate links, published before updated") {
    const char* xml = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Tin mới</title>
<entry><title type="html">Đường ven biển &lt;b&gt;Sầm Sơn&lt;/b&gt;</title>
<link rel="self" href="https://x.vn/self"/><link rel="alternate" href="https://x.vn/bai-1"/>
<updated>2026-03-08T09:00:00+07:00</updated><published>2026-03-07T09:00:00+07:00</published></entry>
<entry><title>Không rel</title><link href="bai-2"/><updated>2026-03-06T09:00:00Z</updated></entry>
</feed>)";
    auto feed = parse_feed(xml, "https://x.vn/atom.xml");
    CHECK(feed.format == "atom");
    REQUIRE(feed.items.size() == 2);
    CHECK(feed.items[0].url == "https://x.vn/bai-1");
    CHECK(feed.items[0].published == parse_iso8601("2026-03-07T09:00:00+07:00"));
    CHECK(feed.items[1].url == "https://x.vn/bai-2");
    CHECK(feed.items[1].published == parse_iso8601("2026-03-06T09:00:00Z"));
}

TEST_CASE("RSS 1.0 (RDF): items beside the channel, dc:date") {
    const char* xml = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://y.vn/"><title>Y</title></channel>
<item rdf:about="https://y.vn/a"><title>A</title><link>https://y.vn/a</link><dc:date>2026-03-07T10:00:00+07:00</dc:date></item>
<item rdf:about="https://y.vn/b"><title>B</title></item>
</rdf:RDF>)";
    auto feed = parse_feed(xml, "https://y.vn/rss");
    CHECK(feed.format == "rss1");
    REQUIRE(feed.items.size() == 2);
    CHECK(feed.items[0].url == "https://y.vn/a");
    CHECK(feed.items[0].published == parse_iso8601("2026-03-07T10:00:00+07:00"));
    CHECK(feed.items[1].url == "https://y.vn/b");
}

TEST_CASE("malformed feeds still yield their readable items") {
    SECTION("a bare ampersand, an undeclared entity, a mismatched tag, and a feed cut short") {
        const char* xml = R"(<rss><channel>
<item><title>Một & hai &hellip;</title><link>https://z.vn/1?a=1&b=2</link></item>
<item><title>Hai</b></title><link>https://z.vn/2</link></item>
<item><title>Ba</title><link>https://z.vn/3</link></item>
<item><title>Bốn</title><link>https://z.vn/4</li)";
        auto feed = parse_feed(xml, "https://z.vn/rss");
        // The item with the mismatched tag may lose its link; those around it may not.
        std::vector<std::string> urls;
        for (const auto& it : feed.items) urls.push_back(it.url);
        REQUIRE(feed.items.size() >= 2);
        CHECK(feed.items[0].url == "https://z.vn/1?a=1&b=2");
        CHECK(feed.items[0].title == "Một & hai …");
        CHECK(std::count(urls.begin(), urls.end(), "https://z.vn/3") == 1);
    }
    SECTION("blank lines and a byte-order mark before the declaration") {
        std::string xml = "\xEF\xBB\xBF\n\n  <?xml version=\"1.0\"?><rss><channel><item><link>https://z.vn/4</link></item></channel></rss>";
        auto feed = parse_feed(xml, "https://z.vn/rss");
        REQUIRE(feed.items.size() == 1);
        CHECK(feed.items[0].url == "https://z.vn/4");
    }
    SECTION("a windows-1258 feed declared as such") {
        // "Hóa" in windows-1258: H, o, combining acute (0xEC), a.
        std::string xml = "<?xml version=\"1.0\" encoding=\"windows-1258\"?><rss><channel><item><title>Thanh Ho\xEC"
                          "a</title><link>https://z.vn/5</link></item></channel></rss>";
        auto feed = parse_feed(xml, "https://z.vn/rss");
        REQUIRE(feed.items.size() == 1);
        CHECK(feed.items[0].title == "Thanh Hóa");  // and NFC
    }
    SECTION("HTML instead of a feed, and garbage") {
        auto html = parse_feed("<html><body><p>Trang chủ</p></body></html>", "https://z.vn/rss");
        CHECK(html.items.empty());
        CHECK(html.format.empty());
        CHECK_FALSE(html.error.empty());
        auto junk = parse_feed(std::string("\x00\x01\x02 no markup", 14), "https://z.vn/rss");
        CHECK(junk.items.empty());
        CHECK_FALSE(junk.error.empty());
    }
}

TEST_CASE("items out of date order keep document order") {
    const char* xml = R"(<rss><channel>
<item><link>https://z.vn/old</link><pubDate>Mon, 02 Mar 2026 08:00:00 +0700</pubDate></item>
<item><link>https://z.vn/new</link><pubDate>Sat, 07 Mar 2026 08:00:00 +0700</pubDate></item>
</channel></rss>)";
    auto feed = parse_feed(xml, "https://z.vn/rss");
    REQUIRE(feed.items.size() == 2);
    CHECK(feed.items[0].url == "https://z.vn/old");
    CHECK(*feed.items[0].published < *feed.items[1].published);
}
