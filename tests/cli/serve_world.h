#pragma once
// The world of the `serve` lifetime tests: a local news site (CrawlSite),
// a configuration pointing at it, a data folder, and the built binary run
// as `serve` (serve_process.h) with the API spoken to it over 127.0.0.1,
// as a browser's script does.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "pipeline/crawl_site.h"
#include "serve_process.h"
#include "store/database.h"
#include "support.h"

namespace presswatch::testing {

struct ServeWorld {
    CrawlSite& site;
    TempDir cfg, data, logs;

    explicit ServeWorld(CrawlSite& s) : site(s) { site.write_config(cfg.path()); }

    std::vector<std::string> args(std::vector<std::string> command) const {
        std::vector<std::string> a = {"--config", cfg.path().string(), "--data", data.path().string()};
        a.insert(a.end(), command.begin(), command.end());
        return a;
    }
    // `serve --no-auth` on a free loopback port, plus extra options.
    // Each start logs to a file of its own (serve-1.log, ...), where its URL is read.
    std::unique_ptr<Process> serve(const std::vector<std::string>& extra = {}) {
        std::vector<std::string> command = {"serve", "--no-auth", "--listen", "127.0.0.1:0"};
        command.insert(command.end(), extra.begin(), extra.end());
        return std::make_unique<Process>(args(command), logs.path() / ("serve-" + std::to_string(++starts) + ".log"));
    }
    int starts = 0;
    CommandResult run(const std::string& command) const {
        return run_presswatch("--config " + cfg.path().string() + " --data " + data.path().string() + " " + command);
    }
    // bao1 crawled by `crawl --once` (the articles to decide on), the other
    // outlets left for a crawl started later; returns bao1's article ids.
    std::vector<std::int64_t> crawl_first_outlet() const {
        auto r = run("crawl --once --outlet bao1");
        if (r.code != 0) throw std::runtime_error("crawl --once --outlet bao1 failed:\n" + r.out);
        return article_ids();
    }
    // Article ids in the store (read-only, as another process would).
    std::vector<std::int64_t> article_ids(const std::string& where = "1") const {
        store::Database db(data.path() / "presswatch.db", store::Database::Mode::read_only);
        auto q = db.prepare("SELECT id FROM article WHERE " + where + " ORDER BY id");
        std::vector<std::int64_t> ids;
        while (q.step()) ids.push_back(q.int64(0));
        return ids;
    }
    // The review state the store holds for each of ids.
    std::map<std::int64_t, std::string> review_states() const {
        store::Database db(data.path() / "presswatch.db", store::Database::Mode::read_only);
        auto q = db.prepare("SELECT article_id, state FROM review");
        std::map<std::int64_t, std::string> out;
        while (q.step()) out[q.int64(0)] = q.text(1);
        return out;
    }
    std::int64_t journal_rows() const {
        store::Database db(data.path() / "presswatch.db", store::Database::Mode::read_only);
        auto q = db.prepare("SELECT COUNT(*) FROM index_journal");
        q.step();
        return q.int64(0);
    }
};

// What a browser's script does against one running server.
struct Browser {
    int port;
    std::string csrf;

    explicit Browser(int p) : port(p) {
        auto res = client().Get("/search");
        if (!res || res->status != 200)
            throw std::runtime_error("GET /search failed: " +
                                     (res ? std::to_string(res->status) + " " + res->body : httplib::to_string(res.error())));
        std::smatch m;
        static const std::regex meta(R"re(<meta name="csrf-token" content="([0-9a-f]+)">)re");
        if (!std::regex_search(res->body, m, meta)) throw std::runtime_error("no csrf-token meta in the page");
        csrf = m[1];
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_connection_timeout(5, 0);
        c.set_read_timeout(30, 0);
        return c;
    }
    // POST /api/v1/articles/ID/review; the HTTP status, 0 without an answer.
    int review(std::int64_t id, const std::string& state) const {
        auto res = client().Post("/api/v1/articles/" + std::to_string(id) + "/review", {{"X-CSRF-Token", csrf}},
                                 nlohmann::json{{"state", state}}.dump(), "application/json");
        return res ? res->status : 0;
    }
    // Ids search finds for q among every article (all=1), all pages.
    std::set<std::int64_t> search_ids(const std::string& q) const {
        std::set<std::int64_t> ids;
        std::string path = "/api/v1/search?all=1&limit=1000&q=";
        for (char c : q) path += c == ':' ? std::string("%3A") : c == ' ' ? std::string("%20") : std::string(1, c);
        auto res = client().Get(path);
        if (!res || res->status != 200)
            throw std::runtime_error("search " + q + " failed: " +
                                     (res ? std::to_string(res->status) + " " + res->body : httplib::to_string(res.error())));
        auto page = nlohmann::json::parse(res->body);
        for (const auto& h : page["hits"]) ids.insert(h["id"].get<std::int64_t>());
        return ids;
    }
};

// Reviews ids from `threads` clients at once until told to stop or out of
// ids; records every id whose decision was acknowledged with a 2xx.
class DecisionBurst {
public:
    DecisionBurst(const Browser& browser, std::vector<std::int64_t> ids, int threads = 4) : ids_(std::move(ids)) {
        for (int t = 0; t < threads; ++t)
            threads_.emplace_back([this, &browser] {
                for (;;) {
                    std::size_t i = next_.fetch_add(1);
                    if (i >= ids_.size() || stop_.load()) return;
                    int status = browser.review(ids_[i], "relevant");
                    if (status >= 200 && status < 300) {
                        std::lock_guard lock(mu_);
                        acked_.insert(ids_[i]);
                    } else if (status == 0) {
                        return;  // the server is gone
                    }
                }
            });
    }
    ~DecisionBurst() { join(); }
    // Waits until every id has had its request (or the server went).
    void finish() {
        for (auto& t : threads_)
            if (t.joinable()) t.join();
    }
    std::size_t acked_count() {
        std::lock_guard lock(mu_);
        return acked_.size();
    }
    void join() {
        stop_.store(true);
        for (auto& t : threads_)
            if (t.joinable()) t.join();
    }
    std::set<std::int64_t> acked() {
        std::lock_guard lock(mu_);
        return acked_;
    }

private:
    std::vector<std::int64_t> ids_;
    std::atomic<std::size_t> next_{0};
    std::atomic<bool> stop_{false};
    std::mutex mu_;
    std::set<std::int64_t> acked_;
    std::vector<std::thread> threads_;
};

}  // namespace presswatch::testing
