// Article pages: templates that differ between outlets the way real ones
// do, each outlet's date format and spelling, photos.
#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "demo/sample_site.h"
#include "demo/site_data.h"
#include "site_client.h"

using namespace presswatch::demo::testing;

TEST_CASE("article pages of different outlets differ in template") {
    SampleSite site;
    site.start();
    auto data = presswatch::demo::load_site_data();
    std::map<std::string, std::set<std::string>> prints;
    std::map<std::string, std::string> pages;
    for (const auto& o : data) {
        const std::string origin = origin_of(site, o.slug);
        pages[o.slug] = fetch_ok(site, origin + o.articles.front().path);
        prints[o.slug] = template_fingerprint(pages[o.slug]);
        // Two pages of one outlet share their template: the measure below
        // tells templates apart, not articles.
        INFO(o.slug);
        CHECK(shared_share(prints[o.slug], template_fingerprint(fetch_ok(site, origin + o.articles.back().path))) > 0.8);
    }
    for (auto a = prints.begin(); a != prints.end(); ++a)
        for (auto b = std::next(a); b != prints.end(); ++b) {
            INFO(a->first << " vs " << b->first);
            // Templates share a few generic markers at most (og:title, ld+json).
            CHECK(shared_share(a->second, b->second) < 0.5);
        }
    int json_ld = 0, og_only = 0;
    for (const auto& [slug, html] : pages) {
        bool ld = contains(html, "\"NewsArticle\"");
        json_ld += ld;
        og_only += !ld && contains(html, "og:title");
    }
    CHECK(json_ld >= 2);
    CHECK(og_only >= 2);
}

TEST_CASE("each outlet shows the article's date in its own format") {
    const std::string weekday = "(Thứ (hai|ba|tư|năm|sáu|bảy)|Chủ nhật)";
    const std::map<std::string, std::string> formats = {
        {"tinnhanh", weekday + R"(, \d{1,2}/\d{1,2}/\d{4}, \d{2}:\d{2} \(GMT\+7\))"},
        {"datviet", R"(>\d{2}/\d{2}/\d{4} \d{2}:\d{2} GMT\+7<)"},
        {"nhipsong", weekday + R"(, \d{2}/\d{2}/\d{4} - \d{2}:\d{2}<)"},
        {"phothi", R"( - \d{2}/\d{2}/\d{4}   \d{2}:\d{2} \(GMT\+07:00\))"},
        {"xuthanh", R"(>\d{2}-\d{2}-\d{4} - \d{2}:\d{2} (AM|PM)<)"},
        {"songhong", R"(>\d{2}/\d{2}/\d{4}, \d{2}:\d{2}<)"},
    };
    SampleSite site;
    site.start();
    auto data = presswatch::demo::load_site_data();
    REQUIRE(data.size() == formats.size());
    for (const auto& o : data) {
        const std::regex shown(formats.at(o.slug));
        const std::string origin = origin_of(site, o.slug);
        for (const auto& a : o.articles) {
            INFO(o.slug << " " << a.id);
            CHECK(std::regex_search(fetch_ok(site, origin + a.path), shown));
        }
    }
}

TEST_CASE("only the local outlet spells Thanh Hoá, and it never spells Thanh Hóa") {
    SampleSite site;
    site.start();
    const std::string old_spelling = "Thanh Hoá", new_spelling = "Thanh Hóa";
    for (const auto& o : presswatch::demo::load_site_data()) {
        const std::string origin = origin_of(site, o.slug);
        for (const auto& a : o.articles) {
            INFO(o.slug << " " << a.id);
            std::string page = fetch_ok(site, origin + a.path);
            if (o.slug == "xuthanh") {
                CHECK(contains(page, old_spelling));
                CHECK_FALSE(contains(page, new_spelling));
            } else {
                CHECK_FALSE(contains(page, old_spelling));
            }
        }
    }
}

TEST_CASE("photos show their captions and every image a page shows is served") {
    SampleSite site;
    site.start();
    int photos = 0;
    for (const auto& o : presswatch::demo::load_site_data()) {
        const std::string origin = origin_of(site, o.slug);
        for (const auto& a : o.articles) {
            INFO(a.id);
            const std::string html = fetch_ok(site, origin + a.path);
            Doc doc = parse_html(html);
            std::vector<xmlNode*> imgs;
            collect(xmlDocGetRootElement(doc.get()), "img", imgs);
            CHECK(imgs.size() == (a.caption.empty() ? 0u : 1u));
            for (xmlNode* img : imgs) {
                auto res = fetch(site, origin + attr(img, "src"));
                REQUIRE(res);
                CHECK(res->status == 200);
                CHECK(res->get_header_value("Content-Type") == "image/png");
                CHECK(res->body.rfind("\x89PNG", 0) == 0);
                ++photos;
            }
            if (!a.caption.empty()) CHECK(contains(html, a.caption));
        }
    }
    CHECK(photos >= 6);
}
