// The sample site over real HTTP: every outlet's feed parses as XML and
// lists its articles, every listed link serves except the one deliberate
// 404, and the outlets' pages differ in template the way real ones do.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <map>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <curl/curl.h>
#include <httplib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "demo/sample_site.h"
#include "demo/site_data.h"
#include "text/dates.h"

using presswatch::demo::SampleSite;

namespace {

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using Doc = std::unique_ptr<xmlDoc, DocFree>;

// Well-formed XML, or a failed test.
Doc parse_xml(const std::string& xml) {
    Doc doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "served.xml", nullptr,
                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    REQUIRE(doc);
    return doc;
}

Doc parse_html(const std::string& html) {
    Doc doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), "served.html", "UTF-8",
                           HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
    REQUIRE(doc);
    return doc;
}

struct Url {
    std::string host;  // with port
    std::string path;
};

// Host and path of "http://host/path"; empty host for anything else. Makes
// no Catch assertion, so threads may call it.
Url split_url(const std::string& url) {
    const std::string scheme = "http://";
    auto slash = url.find('/', scheme.size());
    if (url.rfind(scheme, 0) != 0 || slash == std::string::npos) return {};
    return {url.substr(scheme.size(), slash - scheme.size()), url.substr(slash)};
}

// GET over 127.0.0.1 with the outlet's name in the Host header, as curl
// does for *.localhost.
httplib::Result fetch(const SampleSite& site, const std::string& url) {
    Url u = split_url(url);
    if (u.host.empty()) return httplib::Result(nullptr, httplib::Error::Unknown);
    httplib::Client client("127.0.0.1", site.port());
    return client.Get(u.path.c_str(), httplib::Headers{{"Host", u.host}});
}

std::string fetch_ok(const SampleSite& site, const std::string& url) {
    auto res = fetch(site, url);
    REQUIRE(res);
    INFO(url);
    REQUIRE(res->status == 200);
    return res->body;
}

void collect(xmlNode* n, const char* name, std::vector<xmlNode*>& out) {
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0) out.push_back(n);
        collect(n->children, name, out);
    }
}

std::string text_of(xmlNode* n) {
    xmlChar* c = xmlNodeGetContent(n);
    std::string s = c ? reinterpret_cast<const char*>(c) : "";
    xmlFree(c);
    return s;
}

std::string attr(xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, BAD_CAST name);
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
}

struct FeedEntry {
    std::string link;
    std::string date;  // pubDate or published, as written
};

std::string child_text(xmlNode* parent, const char* name) {
    std::vector<xmlNode*> found;
    collect(parent->children, name, found);
    REQUIRE(found.size() == 1);
    return text_of(found[0]);
}

// The items a feed lists; fails the test if it is not well-formed XML.
std::vector<FeedEntry> feed_entries(const std::string& xml) {
    Doc doc = parse_xml(xml);
    xmlNode* root = xmlDocGetRootElement(doc.get());
    std::vector<FeedEntry> entries;
    std::vector<xmlNode*> nodes;
    if (xmlStrcmp(root->name, BAD_CAST "rss") == 0) {
        collect(root, "item", nodes);
        for (xmlNode* item : nodes) entries.push_back({child_text(item, "link"), child_text(item, "pubDate")});
    } else {
        REQUIRE(std::string(reinterpret_cast<const char*>(root->name)) == "feed");
        collect(root, "entry", nodes);
        for (xmlNode* entry : nodes) {
            std::vector<xmlNode*> l;
            collect(entry->children, "link", l);
            REQUIRE(l.size() == 1);
            entries.push_back({attr(l[0], "href"), child_text(entry, "published")});
        }
    }
    return entries;
}

std::vector<std::string> feed_links(const std::string& xml) {
    std::vector<std::string> links;
    for (auto& e : feed_entries(xml)) links.push_back(e.link);
    return links;
}

// Reads a feed date the way its outlet writes it (demo/shown_dates.h);
// nullopt if it does not match that outlet's form.
std::optional<std::int64_t> read_feed_date(const std::string& style, std::string s) {
    if (style == "rfc3339" || style == "iso-nocolon") return presswatch::text::parse_iso8601(s);
    if (style == "vietnamese") {
        int d, mo, y, h, mi, sec;
        if (std::sscanf(s.c_str(), "%2d/%2d/%4d %2d:%2d:%2d", &d, &mo, &y, &h, &mi, &sec) != 6) return std::nullopt;
        auto midnight = presswatch::text::vietnam_midnight(y, mo, d);
        if (!midnight) return std::nullopt;
        return *midnight + h * 3600 + mi * 60 + sec;
    }
    // curl_getdate() reads "GMT+7" as plain GMT: spell the zone out first.
    if (style == "rfc822-gmt7") {
        const std::string zone = " GMT+7";
        if (s.size() < zone.size() || s.compare(s.size() - zone.size(), zone.size(), zone) != 0) return std::nullopt;
        s.replace(s.size() - zone.size(), zone.size(), " +0700");
    }
    const time_t t = curl_getdate(s.c_str(), nullptr);
    if (t < 0) return std::nullopt;
    return static_cast<std::int64_t>(t);
}

// The class attributes and head markers of an HTML page: its template's
// fingerprint, independent of the article's text.
std::set<std::string> template_fingerprint(const std::string& html) {
    Doc doc = parse_html(html);
    std::set<std::string> marks;
    std::vector<xmlNode*> all;
    collect(xmlDocGetRootElement(doc.get()), "div", all);
    for (const char* tag : {"span", "p", "h1", "h2", "article", "header", "footer", "nav", "ul", "time", "aside",
                            "meta", "script", "main"})
        collect(xmlDocGetRootElement(doc.get()), tag, all);
    for (xmlNode* n : all) {
        std::string name = reinterpret_cast<const char*>(n->name);
        for (const char* a : {"class", "property", "type", "id"})
            if (std::string v = attr(n, a); !v.empty()) marks.insert(name + "." + a + "=" + v);
    }
    return marks;
}

// How much of the smaller set the two sets share (0 to 1).
double shared_share(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::vector<std::string> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    return static_cast<double>(common.size()) / static_cast<double>(std::max<size_t>(1, std::min(a.size(), b.size())));
}

// "http://slug.localhost:PORT", where the running site serves an outlet.
std::string origin_of(const SampleSite& site, const std::string& slug) {
    return "http://" + slug + ".localhost:" + std::to_string(site.port());
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

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
