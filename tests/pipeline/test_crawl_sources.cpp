// Discovery strategies and politeness at the level of a crawl: robots.txt,
// sitemaps, listing pages, cookie walls, charsets of real-world pages.
#include <catch2/catch.hpp>

#include "crawl_site.h"
#include "crawler/gzip.h"
#include "crawler/url.h"
#include "pipeline/crawl.h"
#include "text/dates.h"
#include "store/frontier.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::CrawlSite;
using presswatch::testing::TempDir;
using namespace std::chrono_literals;

namespace {

std::int64_t count(store::Store& s, const std::string& sql) {
    auto st = s.db().prepare(sql);
    st.step();
    return st.int64(0);
}

std::string text_of(store::Store& s, const std::string& sql) {
    auto st = s.db().prepare(sql);
    return st.step() ? st.text(0) : std::string();
}

}  // namespace

TEST_CASE("crawl: robots.txt disallow is obeyed and Crawl-delay spaces the requests the server sees") {
    CrawlSite site(1, 4);
    auto slug = site.slugs()[0];
    auto blocked = site.articles(slug)[1].path;
    site.server().http().Get("/robots.txt", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content("User-agent: *\nDisallow: " + blocked + "\nCrawl-delay: 0.3\n", "text/plain");
    });
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    store::Store st(data.path());
    auto sum = pipeline::crawl(cfg, st);
    CHECK(sum.total.new_articles == 3);
    CHECK(site.server().seen(blocked).empty());
    store::Frontier fr(st.db());
    auto e = fr.get(*crawler::canonical_url(site.url(slug, blocked)));
    REQUIRE(e);
    CHECK(e->state == "skipped");
    CHECK(e->last_error == "disallowed by robots.txt");
    // robots.txt, the feed and three articles, each at least Crawl-delay
    // apart: the feed too waits the delay after the robots.txt that set it.
    auto seen = site.server().seen();
    REQUIRE(seen.size() == 5);
    // Arrival times at the server lag the requests' starts by the scheduling
    // delay of a loaded machine; without the delay they arrive within a few
    // milliseconds of each other, so 100 ms of slack tells the two apart.
    for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i].at - seen[i - 1].at >= 200ms);

    SECTION("robots.txt is cached: the next pass does not read it again") {
        pipeline::crawl(cfg, st);
        CHECK(site.server().seen("/robots.txt").size() == 1);
    }
}

TEST_CASE("crawl: a robots.txt answering 503 stops the host until it can be read") {
    CrawlSite site(1, 3);
    std::atomic<bool> down{true};
    site.server().http().Get("/robots.txt", [&](const httplib::Request&, httplib::Response& res) {
        if (down) res.status = 503;
        else res.set_content("User-agent: *\nAllow: /\n", "text/plain");
    });
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    cfg.settings.max_redirects = 5;
    store::Store st(data.path());
    auto first = pipeline::crawl(cfg, st);
    CHECK(first.total.new_articles == 0);
    CHECK(site.server().seen("/rss/home.rss").empty());
    CHECK(first.total.errors >= 1);
    down = false;
    auto second = pipeline::crawl(cfg, st);
    CHECK(second.total.new_articles == 3);
}

TEST_CASE("crawl: a redirect to another host allowed by redirect_hosts obeys that host's robots.txt") {
    CrawlSite site(1, 2);
    auto slug = site.slugs()[0];
    testing::LocalServer cdn;  // another port: another host for politeness and robots.txt
    cdn.http().Get("/robots.txt", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content("User-agent: *\nDisallow: /cam/\n", "text/plain");
    });
    cdn.http().Get(R"(/(cam|mo)/bai\.html)", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content("<html><head><title>Đường mới ở Thanh Hóa</title></head><body><article>"
                        "<h1>Đường mới ở Thanh Hóa</h1><p>Tuyến đường liên xã đã được sửa xong trước mùa mưa, "
                        "người dân đi lại thuận tiện hơn.</p></article></body></html>",
                        "text/html; charset=utf-8");
    });
    const std::string closed = cdn.url("/cam/bai.html", "cdn.localhost"), open = cdn.url("/mo/bai.html", "cdn.localhost");
    site.server().http().Get("/chuyen-cam", [&](const httplib::Request&, httplib::Response& res) { res.set_redirect(closed); });
    site.server().http().Get("/chuyen-mo", [&](const httplib::Request&, httplib::Response& res) { res.set_redirect(open); });
    site.add_feed_xml(slug, "<item><link>" + site.url(slug, "/chuyen-cam") + "</link></item>"
                            "<item><link>" + site.url(slug, "/chuyen-mo") + "</link></item>");
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path(), "redirect_hosts = [\"cdn.localhost\"]");
    store::Store st(data.path());
    auto sum = pipeline::crawl(cfg, st);

    // The other host's robots.txt is read before its first page, and obeyed.
    auto seen = cdn.seen();
    REQUIRE_FALSE(seen.empty());
    CHECK(seen.front().path == "/robots.txt");
    CHECK(cdn.seen("/robots.txt").size() == 1);
    CHECK(cdn.seen("/cam/bai.html").empty());
    CHECK(cdn.seen("/mo/bai.html").size() == 1);
    store::Frontier fr(st.db());
    auto refused = fr.get(*crawler::canonical_url(site.url(slug, "/chuyen-cam")));
    REQUIRE(refused);
    CHECK(refused->state == "skipped");
    CHECK(refused->last_error == "disallowed by robots.txt");
    auto followed = fr.get(*crawler::canonical_url(site.url(slug, "/chuyen-mo")));
    REQUIRE(followed);
    CHECK(followed->state == "done");
    CHECK(followed->final_url == open);
    CHECK(sum.total.new_articles == 3);  // the feed's two pages and the one behind the open redirect
    CHECK(sum.total.skipped == 1);
    CHECK(sum.total.errors == 0);
}

TEST_CASE("crawl: a sitemap index with a gzip-compressed Google News sitemap yields the articles") {
    CrawlSite site(1, 4);
    auto slug = site.slugs()[0];
    std::string news = R"(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">)";
    for (const auto& a : site.articles(slug))
        news += "<url><loc>" + site.url(slug, a.path) + "</loc><news:news><news:publication_date>" +
                text::iso8601(a.published) + "</news:publication_date><news:title>" + a.headline +
                "</news:title></news:news></url>\n";
    news += "</urlset>";
    const std::string packed = crawler::gzip_member(news);
    site.server().http().Get("/sitemap.xml", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>" +
                            site.url(slug, "/sitemap-news.xml.gz") + "</loc></sitemap>"
                            "<sitemap><loc>" + site.url(slug, "/sitemap-2019.xml") + "</loc><lastmod>2019-01-01</lastmod></sitemap>"
                            "</sitemapindex>",
                        "application/xml");
    });
    site.server().http().Get("/sitemap-news.xml.gz", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(packed, "application/x-gzip");
    });
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    cfg.outlets[0].feeds.clear();
    cfg.outlets[0].sitemaps = {site.url(slug, "/sitemap.xml")};
    store::Store st(data.path());
    auto sum = pipeline::crawl(cfg, st);
    CHECK(sum.total.new_articles == 4);
    CHECK(sum.total.sources == 2);
    CHECK(site.server().seen("/sitemap-2019.xml").empty());  // older than the cut-off
}

TEST_CASE("crawl: a listing page and its next pages up to listing_depth") {
    CrawlSite site(1, 6);
    auto slug = site.slugs()[0];
    auto& arts = site.articles(slug);
    auto page = [&](int from, int to, const std::string& next) {
        std::string html = "<html><body><a href=\"/\">Trang chủ</a>";
        for (int i = from; i < to; ++i) html += "<h3><a href=\"" + arts[i].path + "\">" + arts[i].headline + "</a></h3>";
        if (!next.empty()) html += "<a href=\"" + next + "\">Trang sau</a>";
        return html + "</body></html>";
    };
    site.server().http().Get("/chu-de/thanh-hoa", [&](const httplib::Request& req, httplib::Response& res) {
        auto p = req.get_param_value("trang");
        if (p.empty()) res.set_content(page(0, 2, "/chu-de/thanh-hoa?trang=2"), "text/html");
        else if (p == "2") res.set_content(page(2, 4, "/chu-de/thanh-hoa?trang=3"), "text/html");
        else res.set_content(page(4, 6, ""), "text/html");
    });
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    cfg.outlets[0].feeds.clear();
    cfg.outlets[0].listings = {site.url(slug, "/chu-de/thanh-hoa")};
    cfg.outlets[0].include_patterns = {"/tin/"};
    cfg.outlets[0].listing_depth = 1;
    store::Store st(data.path());
    auto sum = pipeline::crawl(cfg, st);
    CHECK(sum.total.new_articles == 4);  // the first page and one next page
    CHECK(sum.total.sources == 2);
}

TEST_CASE("crawl: an outlet behind a cookie wall is read after its cookie page") {
    CrawlSite site(1, 2);
    auto slug = site.slugs()[0];
    site.server().http().Get("/rss", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Set-Cookie", "vao=1; Path=/");
        res.set_content("<html>ok</html>", "text/html");
    });
    // Replace the feed's route: without the cookie it loops on 302.
    site.server().http().set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        if (req.path == "/rss/home.rss" && req.get_header_value("Cookie").find("vao=1") == std::string::npos) {
            res.set_redirect("/rss/home.rss");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    TempDir cfg_dir, data;
    SECTION("without cookie_url the feed loops and fails") {
        auto cfg = site.config(cfg_dir.path());
        store::Store st(data.path());
        auto sum = pipeline::crawl(cfg, st);
        CHECK(sum.total.new_articles == 0);
        CHECK(sum.total.sources_failed == 1);
    }
    SECTION("with cookie_url the feed is read") {
        auto cfg = site.config(cfg_dir.path(), "cookie_url = \"" + site.url(slug, "/rss") + "\"\n");
        store::Store st(data.path());
        auto sum = pipeline::crawl(cfg, st);
        CHECK(sum.total.new_articles == 2);
    }
}

TEST_CASE("crawl: a windows-1258 page under a wrong UTF-8 header is stored as proper Vietnamese") {
    CrawlSite site(1, 1);
    auto slug = site.slugs()[0];
    // "Thanh Hóa" in windows-1258: H, o, combining acute (0xEC), a; "ư" is 0xFD.
    std::string page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">"
                       "<title>Ng\xFD\xECi d\xE2n Thanh Ho\xEC" "a ki\xEA\xECn ngh\xEA\xF2</title></head><body><article>"
                       "<h1>Ng\xFD\xECi d\xE2n Thanh Ho\xEC" "a ki\xEA\xECn ngh\xEA\xF2</h1>";
    for (int i = 0; i < 4; ++i)
        page += "<p>Nhi\xEA\xECu h\xF4\xF2 d\xE2n \xFE x\xE3 Ho\xE0ng H\xF3" "a, Thanh Ho\xEC" "a ph\xE3n \xE1nh "
                "tuy\xEA\xECn \xF0\xFD\xFE\xECng xu\xF4\xECng c\xE2\xECp sau m\xF9" "a m\xFD" "a.</p>";
    page += "</article></body></html>";
    site.server().http().set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
        if (req.path == site.articles(slug)[0].path) {
            res.set_content(page, "text/html; charset=utf-8");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    store::Store st(data.path());
    auto sum = pipeline::crawl(cfg, st);
    REQUIRE(sum.total.new_articles == 1);
    auto headline = text_of(st, "SELECT headline FROM article");
    CHECK(headline.find("Thanh Hóa") != std::string::npos);
    CHECK(headline.find("\xEF\xBF\xBD") == std::string::npos);  // no U+FFFD
    CHECK(count(st, "SELECT COUNT(*) FROM article WHERE clipping = 1") == 1);
}

TEST_CASE("crawl: every source reading is logged for the health report") {
    CrawlSite site(1, 2);
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    cfg.outlets[0].feeds.push_back(site.url(site.slugs()[0], "/rss/mat.rss"));
    store::Store st(data.path());
    pipeline::crawl(cfg, st);
    pipeline::crawl(cfg, st);
    CHECK(count(st, "SELECT COUNT(*) FROM source_read") == 4);
    CHECK(count(st, "SELECT COUNT(*) FROM source_read WHERE error IS NOT NULL") == 2);
    CHECK(count(st, "SELECT new_items FROM source_read WHERE error IS NULL ORDER BY at LIMIT 1") == 2);
}
