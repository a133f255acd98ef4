#pragma once
// A small news site for the crawl tests: outlets served by one local HTTP
// server at http://<slug>.localhost:PORT/, each with an RSS feed and
// article pages written for these tests, plus a configuration folder
// (presswatch.toml, sources.toml) pointing presswatch at it.
#include <atomic>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "config/config.h"
#include "crawler/local_server.h"
#include "store/database.h"

namespace presswatch::testing {

struct SiteArticle {
    std::string path;          // "/thoi-su/bai-1.html"
    std::string headline;
    std::string body;          // paragraphs separated by "\n\n"
    std::int64_t published = 0;
};

class CrawlSite {
public:
    // Article pages are served after delay_ms, so a crawl can be caught mid-way.
    explicit CrawlSite(int outlets = 2, int per_outlet = 6, int delay_ms = 0) : delay_ms_(delay_ms) {
        const char* places[] = {"Thanh Hóa", "Nghệ An", "Thanh Hoá", "Hà Tĩnh", "Sầm Sơn, Thanh Hóa", "Ninh Bình"};
        std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
        for (int o = 0; o < outlets; ++o) {
            std::string slug = fmt::format("bao{}", o + 1);
            for (int i = 0; i < per_outlet; ++i) {
                const char* place = places[(o + i) % 6];
                SiteArticle a;
                a.path = fmt::format("/tin/{}-bai-{}.html", slug, i + 1);
                a.headline = fmt::format("Người dân {} kiến nghị sửa đường liên xã số {}", place, i + 1);
                a.body = fmt::format(
                    "Nhiều hộ dân ở {} cho biết tuyến đường xuống cấp sau mùa mưa.\n\n"
                    "Chính quyền địa phương đã cử cán bộ kiểm tra hiện trường và hứa sửa trong tháng {}.",
                    place, (i % 12) + 1);
                a.published = now - 3600 * (i + 1);
                articles_[slug].push_back(a);
            }
            slugs_.push_back(slug);
        }
        auto& http = server_.http();
        http.Get(R"(/rss/home\.rss)", [this](const httplib::Request& req, httplib::Response& res) {
            auto slug = slug_of(req);
            if (!articles_.count(slug)) {
                res.status = 404;
                return;
            }
            res.set_content(feed(slug), "application/rss+xml; charset=utf-8");
        });
        http.Get(R"(/tin/.*)", [this](const httplib::Request& req, httplib::Response& res) {
            if (delay_ms_) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms_));
            for (const auto& a : articles_[slug_of(req)])
                if (a.path == req.path) {
                    res.set_content(page(a), "text/html; charset=utf-8");
                    return;
                }
            res.status = 404;
        });
    }

    LocalServer& server() { return server_; }
    const std::vector<std::string>& slugs() const { return slugs_; }
    std::vector<SiteArticle>& articles(const std::string& slug) { return articles_[slug]; }
    std::string host(const std::string& slug) const { return slug + ".localhost"; }
    std::string url(const std::string& slug, const std::string& path) const { return server_.url(path, host(slug)); }

    // Extra lines appended to a feed's items (raw XML), to plant faults.
    void add_feed_xml(const std::string& slug, const std::string& xml) { extra_items_[slug] += xml; }

    // Article requests the server has answered so far.
    std::size_t article_requests() const {
        std::size_t n = 0;
        for (const auto& s : server_.seen())
            if (s.path.starts_with("/tin/")) ++n;
        return n;
    }

    // Writes presswatch.toml and sources.toml into dir; returns dir.
    std::filesystem::path write_config(const std::filesystem::path& dir, const std::string& outlet_extra = {}) const {
        std::filesystem::create_directories(dir);
        std::ofstream(dir / "presswatch.toml") << "[crawl]\nuser_agent = \"presswatch-test (+mailto:t@example.invalid)\"\n"
                                                  "min_interval_ms = 0\nper_host_concurrency = 2\n"
                                                  "connect_timeout_s = 2\ntransfer_timeout_s = 5\n";
        std::ofstream out(dir / "sources.toml");
        for (const auto& slug : slugs_)
            out << fmt::format("[[outlet]]\nslug = \"{0}\"\nname = \"Báo {0}\"\ndomains = [\"{1}\"]\n"
                               "feeds = [\"{2}\"]\n{3}\n",
                               slug, host(slug), url(slug, "/rss/home.rss"), outlet_extra);
        return dir;
    }

    config::Config config(const std::filesystem::path& dir, const std::string& outlet_extra = {}) const {
        return config::load_config(write_config(dir, outlet_extra));
    }

private:
    static std::string slug_of(const httplib::Request& req) {
        auto host = req.get_header_value("Host");
        return host.substr(0, host.find('.'));
    }

    std::string feed(const std::string& slug) {
        std::string items;
        for (const auto& a : articles_[slug]) {
            std::time_t t = a.published;
            std::tm tm{};
            gmtime_r(&t, &tm);
            char date[64];
            std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
            items += fmt::format("<item><title><![CDATA[{}]]></title><link>{}</link><pubDate>{}</pubDate></item>\n",
                                 a.headline, url(slug, a.path), date);
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + slug +
               "</title>\n" + items + extra_items_[slug] + "</channel></rss>";
    }

    static std::string page(const SiteArticle& a) {
        std::string body;
        std::size_t pos = 0;
        while (pos <= a.body.size()) {
            auto end = a.body.find("\n\n", pos);
            body += "<p>" + a.body.substr(pos, end == std::string::npos ? std::string::npos : end - pos) + "</p>\n";
            if (end == std::string::npos) break;
            pos = end + 2;
        }
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + a.headline +
               "</title></head><body><article><h1>" + a.headline + "</h1>\n" + body + "</article></body></html>";
    }

    LocalServer server_;
    int delay_ms_ = 0;
    std::vector<std::string> slugs_;
    std::map<std::string, std::vector<SiteArticle>> articles_;
    std::map<std::string, std::string> extra_items_;
};

// The store's content as comparable rows: articles (url, headline, body,
// content hash), snapshots per article, and the frontier's url -> state.
inline std::vector<std::string> store_rows(const std::filesystem::path& data_dir) {
    store::Database db(data_dir / "presswatch.db", store::Database::Mode::read_only);
    std::vector<std::string> rows;
    auto a = db.prepare("SELECT url, headline, body, content_hash, clipping, "
                        "(SELECT COUNT(*) FROM snapshot s WHERE s.article_id = article.id) FROM article ORDER BY url");
    while (a.step())
        rows.push_back(fmt::format("article {} | {} | {} | {} | clip={} | snapshots={}", a.text(0), a.text(1),
                                   a.text(2), a.text(3), a.int64(4), a.int64(5)));
    auto f = db.prepare("SELECT url, kind, state FROM frontier ORDER BY url");
    while (f.step()) rows.push_back(fmt::format("frontier {} {} {}", f.text(0), f.text(1), f.text(2)));
    return rows;
}

}  // namespace presswatch::testing
