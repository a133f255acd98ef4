// The crawl pass against a real HTTP server on 127.0.0.1: discovery from
// feeds, fetching, Ingest and the frontier, and the faults of issue 3 that
// show at the level of a whole crawl.
#include <catch2/catch.hpp>

#include <set>
#include <sys/wait.h>
#include <unistd.h>

#include "crawl_site.h"
#include "core/error.h"
#include "crawler/url.h"
#include "pipeline/crawl.h"
#include "store/crawl_lock.h"
#include "store/frontier.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::CrawlSite;
using presswatch::testing::TempDir;

namespace {

std::int64_t count(store::Store& s, const std::string& sql) {
    auto st = s.db().prepare(sql);
    st.step();
    return st.int64(0);
}

}  // namespace

TEST_CASE("crawl: every article of every outlet's feed is fetched and stored once") {
    CrawlSite site(2, 6);
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    store::Store st(data.path());
    std::vector<pipeline::CrawlEvent> events;
    pipeline::CrawlOptions opt;
    opt.on_event = [&](const pipeline::CrawlEvent& e) { events.push_back(e); };
    auto sum = pipeline::crawl(cfg, st, opt);

    REQUIRE(sum.outlets.size() == 2);
    for (const auto& o : sum.outlets) {
        INFO(o.slug);
        CHECK(o.sources == 1);
        CHECK(o.discovered == 6);
        CHECK(o.fetched == 6);
        CHECK(o.new_articles == 6);
        CHECK(o.errors == 0);
    }
    CHECK(sum.total.new_articles == 12);
    CHECK(sum.total.new_clippings > 0);
    CHECK(sum.indexed == 12);
    CHECK_FALSE(sum.stopped);
    CHECK(count(st, "SELECT COUNT(*) FROM article") == 12);
    CHECK(count(st, "SELECT COUNT(*) FROM frontier WHERE kind = 'article' AND state = 'done'") == 12);
    CHECK(site.article_requests() == 12);
}

TEST_CASE("crawl: a backlog larger than the articles held in memory is read from the frontier to the last page") {
    // 64 article jobs per outlet are held in memory, topped up as they
    // finish: 150 need several windows. (The site's articles are an hour
    // apart: 150 stay within the 7-day cut-off.)
    CrawlSite site(1, 150);
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    store::Store st(data.path());
    auto sum = pipeline::crawl(cfg, st);
    CHECK(sum.total.discovered == 150);
    CHECK(sum.total.fetched == 150);
    CHECK(sum.total.new_articles == 150);
    CHECK(site.article_requests() == 150);
    CHECK(count(st, "SELECT COUNT(*) FROM frontier WHERE kind = 'article' AND state = 'queued'") == 0);
}

TEST_CASE("crawl: a second pass fetches no article again and stores nothing new") {
    CrawlSite site(2, 4);
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    store::Store st(data.path());
    pipeline::crawl(cfg, st);
    auto before = testing::store_rows(data.path());
    auto requests = site.article_requests();
    auto second = pipeline::crawl(cfg, st);
    CHECK(site.article_requests() == requests);
    CHECK(second.total.fetched == 0);
    CHECK(second.total.new_articles == 0);
    CHECK(second.total.discovered == 0);
    CHECK(testing::store_rows(data.path()) == before);
}

TEST_CASE("crawl: an unchanged feed is recognised by its body hash even with a new ETag") {
    CrawlSite site(1, 3);
    std::atomic<int> etag{0};
    // Replace the feed route's answer headers: a new ETag on every request.
    site.server().http().set_post_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
        if (req.path == "/rss/home.rss") res.set_header("ETag", "\"" + std::to_string(++etag) + "\"");
    });
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    store::Store st(data.path());
    pipeline::crawl(cfg, st);
    std::vector<std::string> messages;
    pipeline::CrawlOptions opt;
    opt.on_event = [&](const pipeline::CrawlEvent& e) { messages.push_back(e.message); };
    pipeline::crawl(cfg, st, opt);
    auto feed_requests = site.server().seen("/rss/home.rss");
    REQUIRE(feed_requests.size() == 2);
    // The second request carried the first answer's ETag.
    CHECK(feed_requests[1].headers.find("If-None-Match")->second == "\"1\"");
    CHECK(std::count(messages.begin(), messages.end(), "feed unchanged (same body)") == 1);
}

TEST_CASE("crawl: URLs differing only in tracking parameters or fragments are fetched and stored once") {
    CrawlSite site(1, 2);
    auto slug = site.slugs()[0];
    auto first = site.url(slug, site.articles(slug)[0].path);
    site.add_feed_xml(slug, "<item><link>" + first + "?utm_source=zalo&amp;fbclid=x</link></item>"
                            "<item><link>" + first + "#binh-luan</link></item>"
                            "<item><link>" + first + "?zarsrc=31</link></item>");
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    store::Store st(data.path());
    auto sum = pipeline::crawl(cfg, st);
    CHECK(sum.total.discovered == 2);
    CHECK(site.article_requests() == 2);
    CHECK(count(st, "SELECT COUNT(*) FROM article") == 2);
}

TEST_CASE("crawl: old items, links to other sites and redirects off the outlet are not followed") {
    CrawlSite site(2, 2);
    auto a = site.slugs()[0], b = site.slugs()[1];
    std::int64_t ten_days_ago = static_cast<std::int64_t>(std::time(nullptr)) - 10 * 86400;
    site.articles(a)[1].published = ten_days_ago;
    site.server().http().Get("/di-noi-khac", [&](const httplib::Request&, httplib::Response& res) {
        res.set_redirect(site.url(b, site.articles(b)[0].path));
    });
    site.add_feed_xml(a, "<item><link>http://elsewhere.localhost:" + std::to_string(site.server().port()) +
                             "/tin/x.html</link></item>"
                             "<item><link>" + site.url(a, "/di-noi-khac") + "</link></item>");
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    store::Store st(data.path());
    pipeline::CrawlOptions opt;
    opt.outlets = {a};
    auto sum = pipeline::crawl(cfg, st, opt);
    REQUIRE(sum.outlets.size() == 1);
    CHECK(sum.outlets[0].discovered == 2);          // the fresh article and the redirecting link
    CHECK(sum.outlets[0].new_articles == 1);
    CHECK(sum.outlets[0].errors == 1);              // the refused redirect
    store::Frontier fr(st.db());
    auto refused = fr.get(*crawler::canonical_url(site.url(a, "/di-noi-khac")));
    REQUIRE(refused);
    CHECK(refused->state == "failed");
    CHECK_THAT(refused->last_error, Catch::Contains("outside the outlet"));
    CHECK(site.server().seen(site.articles(a)[1].path).empty());   // too old
    CHECK(site.server().seen(site.articles(b)[0].path).empty());   // the other outlet's page, not fetched

    SECTION("--since reaches back further") {
        pipeline::CrawlOptions back;
        back.outlets = {a};
        back.since = ten_days_ago - 86400;
        auto again = pipeline::crawl(cfg, st, back);
        CHECK(again.outlets[0].new_articles == 1);
        CHECK(site.server().seen(site.articles(a)[1].path).size() == 1);
    }
}

TEST_CASE("crawl: a dead feed and a malformed feed are reported and the crawl goes on") {
    CrawlSite site(2, 3);
    auto a = site.slugs()[0];
    site.add_feed_xml(a, "<item><title>Hỏng & thiếu thẻ</title><link>" + site.url(a, "/tin/khong-co.html") +
                             "</link><pubDate>Thứ hai, 99 Foo</pubDate></item><item><title>Cụt");
    TempDir cfg_dir, data;
    auto extra_feed = site.url("khong-ton-tai", "/rss/home.rss");
    auto cfg = site.config(cfg_dir.path());
    cfg.outlets[1].feeds.push_back(site.url(site.slugs()[1], "/rss/missing.rss"));
    store::Store st(data.path());
    std::vector<pipeline::CrawlEvent> events;
    pipeline::CrawlOptions opt;
    opt.on_event = [&](const pipeline::CrawlEvent& e) { events.push_back(e); };
    auto sum = pipeline::crawl(cfg, st, opt);
    CHECK(sum.outlets[0].new_articles == 3);                // the malformed feed still yielded its items
    CHECK(sum.outlets[0].errors == 1);                      // the 404 article it listed
    CHECK(sum.outlets[1].new_articles == 3);
    CHECK(sum.outlets[1].sources_failed == 1);              // the 404 feed
    bool reported = false;
    for (const auto& e : events) reported |= e.level == "error" && e.url.find("missing.rss") != std::string::npos;
    CHECK(reported);
}

TEST_CASE("crawl: an article answering 500 then 200 is stored; one answering 429 for long is tried on a later pass") {
    CrawlSite site(1, 2);
    auto slug = site.slugs()[0];
    std::atomic<int> calls{0};
    bool busy = true;
    auto path = site.articles(slug)[0].path;
    site.server().http().set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
        if (req.path == site.articles(slug)[1].path && calls++ == 0) {
            res.status = 500;
            return httplib::Server::HandlerResponse::Handled;
        }
        if (req.path == path && busy) {
            res.status = 429;
            res.set_header("Retry-After", "3600");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    store::Store st(data.path());
    auto sum = pipeline::crawl(cfg, st);
    CHECK(sum.total.new_articles == 1);
    store::Frontier fr(st.db());
    auto waiting = fr.get(*crawler::canonical_url(site.url(slug, path)));
    REQUIRE(waiting);
    CHECK(waiting->state == "queued");
    REQUIRE(waiting->next_try);
    CHECK(*waiting->next_try >= static_cast<std::int64_t>(std::time(nullptr)) + 3500);
    // Not due yet: the next pass leaves it alone.
    busy = false;
    pipeline::crawl(cfg, st);
    CHECK(count(st, "SELECT COUNT(*) FROM article") == 1);
    // Once due, it is fetched.
    st.db().exec("UPDATE frontier SET next_try = 0 WHERE next_try IS NOT NULL AND kind = 'article'");
    auto later = pipeline::crawl(cfg, st);
    CHECK(later.total.new_articles == 1);
    CHECK(count(st, "SELECT COUNT(*) FROM article") == 2);
}

TEST_CASE("crawl: a stop request ends the pass early and the next pass finishes the work") {
    CrawlSite site(2, 10, 100);
    TempDir cfg_dir, data;
    auto cfg = site.config(cfg_dir.path());
    store::Store st(data.path());
    std::atomic<bool> stop{false};
    pipeline::CrawlOptions opt;
    opt.stop = &stop;
    opt.on_progress = [&](const pipeline::CrawlProgress& p) {
        if (p.fetched >= 5) stop = true;
    };
    opt.progress_interval_ms = 0;
    auto first = pipeline::crawl(cfg, st, opt);
    CHECK(first.stopped);
    CHECK(first.total.new_articles < 20);
    auto second = pipeline::crawl(cfg, st);
    CHECK(first.total.new_articles + second.total.new_articles == 20);
    CHECK(count(st, "SELECT COUNT(*) FROM article") == 20);
}

TEST_CASE("crawl lock: a second crawler on the same data folder is refused, naming the first") {
    TempDir data;
    store::CrawlLock first(data.path());
    pid_t child = fork();
    if (child == 0) {
        // In another process, as a second `presswatch crawl` would be.
        try {
            store::CrawlLock second(data.path());
            _exit(0);
        } catch (const RuntimeFailure& e) {
            std::string m = e.what();
            _exit(m.find("pid " + std::to_string(getppid())) != std::string::npos ? 3 : 4);
        }
    }
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 3);
    // Readers are not blocked by the lock.
    store::Store reader(data.path());
    CHECK(reader.stats().articles == 0);
}
