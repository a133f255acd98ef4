// Feeds and sitemaps over HTTP: every feed parses as XML and lists its
// articles in its outlet's date form; every link serves except the one
// deliberate 404.
#include <catch2/catch.hpp>

#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "demo/sample_site.h"
#include "demo/site_data.h"
#include "site_client.h"

using namespace presswatch::demo::testing;

TEST_CASE("every feed parses as XML, lists at least eight items, and each link serves except the one removed article") {
    SampleSite site;
    site.start();
    std::vector<std::string> missing;
    size_t served = 0;
    for (const auto& o : site.outlets()) {
        std::set<std::string> outlet_links;
        for (const auto& feed : o.feeds) {
            INFO(feed);
            auto links = feed_links(fetch_ok(site, feed));
            // The first feed is the outlet's home feed, listing every article.
            if (outlet_links.empty()) CHECK(links.size() >= 8);
            for (const auto& l : links)
                if (!outlet_links.empty()) CHECK(outlet_links.count(l) == 1);
            outlet_links.insert(links.begin(), links.end());
        }
        INFO(o.slug);
        for (const auto& link : outlet_links) {
            CHECK(split_url(link).host == o.slug + ".localhost:" + std::to_string(site.port()));
            auto res = fetch(site, link);
            REQUIRE(res);
            if (res->status == 404)
                missing.push_back(link);
            else {
                CHECK(res->status == 200);
                CHECK(contains(res->get_header_value("Content-Type"), "text/html"));
                ++served;
            }
        }
    }
    CHECK(served >= 48);
    REQUIRE(missing.size() == 1);
    CHECK(contains(missing[0], "tinnhanh.localhost"));
}

TEST_CASE("feed dates, whatever their form, fall within the last six days") {
    SampleSite site;
    site.start();
    const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    constexpr std::int64_t six_days = 6 * 86400;
    size_t seen = 0;
    for (const auto& o : presswatch::demo::load_site_data()) {
        const std::string origin = origin_of(site, o.slug);
        for (const auto& feed : o.feeds)
            for (const auto& e : feed_entries(fetch_ok(site, origin + feed))) {
                INFO(o.slug << " " << o.feed_dates << " " << e.date);
                auto t = read_feed_date(o.feed_dates, e.date);
                REQUIRE(t);
                CHECK(*t <= now);
                CHECK(*t > now - six_days);
                ++seen;
            }
    }
    CHECK(seen >= 49);
}

TEST_CASE("one outlet's feed descriptions open with the photo as HTML, the others are plain text") {
    SampleSite site;
    site.start();
    for (const auto& o : presswatch::demo::load_site_data()) {
        INFO(o.slug);
        const std::string origin = origin_of(site, o.slug);
        const std::string feed = fetch_ok(site, origin + o.feeds.front());
        int photos = 0;
        for (const auto& a : o.articles) photos += !a.caption.empty();
        size_t imgs = 0;
        for (size_t at = feed.find("<img "); at != std::string::npos; at = feed.find("<img ", at + 1)) ++imgs;
        CHECK(imgs == (o.feed_summary_html ? static_cast<size_t>(photos) : 0u));
        CHECK(o.feed_summary_html == (o.slug == "tinnhanh"));
    }
}

TEST_CASE("each outlet's sitemap, named in its robots.txt, lists every article") {
    SampleSite site;
    site.start();
    for (const auto& o : presswatch::demo::load_site_data()) {
        INFO(o.slug);
        const std::string origin = origin_of(site, o.slug);
        CHECK(contains(fetch_ok(site, origin + "/robots.txt"), "\nSitemap: " + origin + "/sitemap.xml\n"));
        const std::string xml = fetch_ok(site, origin + "/sitemap.xml");
        Doc doc = parse_xml(xml);
        std::vector<xmlNode*> locs;
        collect(xmlDocGetRootElement(doc.get()), "loc", locs);
        std::set<std::string> listed;
        for (xmlNode* l : locs) listed.insert(text_of(l));
        std::set<std::string> expected;
        for (const auto& a : o.articles) expected.insert(origin + a.path);
        CHECK(listed == expected);
    }
}
