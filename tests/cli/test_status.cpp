// `presswatch status` and its alerts through the built binary: healthy after
// a crawl (exit 0), warnings (exit 1), errors (exit 2), the running
// crawler, and alerts mailed once per problem per day to an SMTP server
// on 127.0.0.1.
#include <catch2/catch.hpp>

#include <ctime>
#include <set>
#include <fstream>
#include <sys/statvfs.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "pipeline/crawl_site.h"
#include "smtp_server.h"
#include "store/crawl_lock.h"
#include "store/database.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::CrawlSite;
using presswatch::testing::run_presswatch;
using presswatch::testing::TempDir;
namespace fs = std::filesystem;

namespace {

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

// A crawled store of two outlets, and its configuration folder.
struct Crawled {
    CrawlSite site{2, 3};
    TempDir cfg, data;
    explicit Crawled(const std::string& operations = "disk_min_percent = 0\n") {
        site.write_config(cfg.path());
        set_operations(operations);
        auto r = run("crawl </dev/null");
        REQUIRE(r.code == 0);
    }
    void set_operations(const std::string& operations) {
        site.write_config(cfg.path());
        std::ofstream(cfg.path() / "presswatch.toml", std::ios::app) << "[operations]\n" << operations;
    }
    presswatch::testing::CommandResult run(const std::string& args) const {
        return run_presswatch("--config " + q(cfg.path()) + " --data " + q(data.path()) + " " + args);
    }
    void sql(const std::string& statements) const {
        store::Database db(data.path() / "presswatch.db");
        db.exec(statements);
    }
};

std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

// A threshold just above the disk's free share: a warning, not an error.
int disk_threshold_for_a_warning(const fs::path& dir) {
    struct statvfs v {};
    REQUIRE(statvfs(dir.c_str(), &v) == 0);
    double free_pct = 100.0 * static_cast<double>(v.f_bavail) / static_cast<double>(v.f_blocks);
    REQUIRE(free_pct >= 1.0);
    return std::min(99, static_cast<int>(free_pct) + 1);
}

}  // namespace

TEST_CASE("status after a crawl is healthy: each outlet read, its newest article, the index up to date; exit 0") {
    Crawled c;
    auto r = c.run("status");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Trình thu thập: không chạy") && Catch::Contains("Báo bao1") &&
                          Catch::Contains("Báo bao2") && Catch::Contains("Chỉ mục tìm kiếm: đã cập nhật") &&
                          Catch::Contains("Sao lưu gần nhất: chưa có") && Catch::Contains("Tình trạng: tốt."));
    CHECK(r.out.find("Cảnh báo") == std::string::npos);

    auto j = c.run("status --json");
    INFO(j.out);
    CHECK(j.code == 0);
    auto s = nlohmann::json::parse(j.out);
    CHECK(s["exit_code"] == 0);
    CHECK(s["crawler"]["running"] == false);
    CHECK(s["articles"] == 6);
    CHECK(s["index"]["pending"] == 0);
    CHECK(s["sizes"]["database_bytes"].get<std::int64_t>() > 0);
    CHECK(s["disk"]["free_bytes"].get<std::int64_t>() > 0);
    REQUIRE(s["outlets"].size() == 2);
    for (const auto& o : s["outlets"]) {
        CHECK(o["last_read"].is_string());
        CHECK(o["last_error"] == "");
        CHECK_THAT(o["newest_headline"].get<std::string>(), Catch::Contains("kiến nghị sửa đường"));
        CHECK(o["articles_last_day"] == 3);
    }
    CHECK(s["problems"].empty());

    // A backup shows up as the last one.
    TempDir dest;
    REQUIRE(c.run("backup " + q(dest.path())).code == 0);
    CHECK_THAT(c.run("status").out, Catch::Contains(dest.path().string() + "/presswatch-backup-"));
}

TEST_CASE("status warns in Vietnamese about a silent outlet, a failing one, low disk and a lagging index; exit 1") {
    Crawled c;
    c.set_operations(fmt::format("disk_min_percent = {}\n", disk_threshold_for_a_warning(c.data.path())));
    std::int64_t t = now();
    // bao2's articles were stored two days ago; bao1's feed failed three
    // times in a row after the crawl read it; an index change has waited two hours.
    c.sql(fmt::format("UPDATE article SET fetched = {0} WHERE outlet = 'bao2';"
                      "INSERT INTO source_read(url, outlet, kind, at, status, error) VALUES "
                      "('{1}', 'bao1', 'feed', {2}, 503, 'HTTP 503'), ('{1}', 'bao1', 'feed', {3}, 503, 'HTTP 503'),"
                      "('{1}', 'bao1', 'feed', {4}, 503, 'HTTP 503');"
                      "INSERT INTO index_journal(article_id, queued_at) VALUES (1, {5})",
                      t - 2 * 86400, c.site.url("bao1", "/rss/home.rss"), t + 1, t + 2, t + 3, t - 7200));
    auto r = c.run("status");
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK_THAT(r.out, Catch::Contains("Cảnh báo: Báo bao2: không có bài mới hơn 48 giờ") &&
                          Catch::Contains("Cảnh báo: Báo bao1: mọi nguồn tin đều đọc lỗi nhiều lần liền (HTTP 503)") &&
                          Catch::Contains("Cảnh báo: Ổ đĩa chứa dữ liệu chỉ còn trống") &&
                          Catch::Contains("Cảnh báo: Chỉ mục tìm kiếm chậm: 1 bài chờ lập chỉ mục") &&
                          Catch::Contains("lỗi: HTTP 503") && Catch::Contains("Tình trạng: có cảnh báo."));
    auto s = nlohmann::json::parse(c.run("status --json").out);
    std::set<std::string> keys;
    for (const auto& p : s["problems"]) keys.insert(p["key"].get<std::string>());
    CHECK(keys == std::set<std::string>{"outlet-silent:bao2", "outlet-failing:bao1", "disk-low", "index-lag"});
}

TEST_CASE("status exits 2 on errors: no search index, or no store to read") {
    Crawled c;
    fs::remove_all(c.data.path() / "index");
    auto r = c.run("status");
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("LỖI: Chưa có chỉ mục tìm kiếm") && Catch::Contains("Tình trạng: có lỗi."));

    TempDir nothing;
    auto none = run_presswatch("--data " + q(nothing.path() / "missing") + " status --json");
    CHECK(none.code == 2);
    CHECK(nlohmann::json::parse(none.out)["problems"][0]["level"] == "error");
}

TEST_CASE("status names the running crawler from the crawl lock") {
    Crawled c;
    store::CrawlLock lock(c.data.path());  // this process plays the crawler
    auto r = c.run("status");
    CHECK_THAT(r.out, Catch::Contains(fmt::format("Trình thu thập: đang chạy (pid {}, started ", getpid())));
    auto s = nlohmann::json::parse(c.run("status --json").out);
    CHECK(s["crawler"]["running"] == true);
}

TEST_CASE("status --alert mails each problem to the administrators at most once a day") {
    presswatch::testing::SmtpServer smtp;
    Crawled c;
    auto configure = [&] {
        c.set_operations("disk_min_percent = 0\nalert_to = [\"quantri@thanhhoa.example\"]\n");
        std::ofstream(c.cfg.path() / "briefing.toml")
            << "[digest]\nsmtp_url = \"" << smtp.url() << "\"\nfrom = \"presswatch@thanhhoa.example\"\n";
    };
    configure();
    REQUIRE(c.run("status --alert").code == 0);  // healthy: nothing to mail
    CHECK(smtp.connections == 0);

    c.sql(fmt::format("UPDATE article SET fetched = {} WHERE outlet = 'bao2'", now() - 2 * 86400));
    auto first = c.run("status --alert");
    INFO(first.out);
    CHECK(first.code == 1);
    CHECK_THAT(first.out, Catch::Contains("Đã gửi cảnh báo (1 vấn đề) tới quantri@thanhhoa.example"));
    REQUIRE(smtp.connections == 1);
    CHECK(smtp.rcpt == std::vector<std::string>{"<quantri@thanhhoa.example>"});
    CHECK(smtp.mail_from == "<presswatch@thanhhoa.example>");
    auto text = presswatch::testing::mime_part(smtp.data, "text/plain");
    CHECK_THAT(text, Catch::Contains("Cảnh báo: Báo bao2: không có bài mới hơn 48 giờ"));

    // The same problem again today: no second mail.
    auto again = c.run("status --alert");
    CHECK(again.code == 1);
    CHECK_THAT(again.out, Catch::Contains("đã được báo qua thư hôm nay"));
    CHECK(smtp.connections == 1);

    // A new problem is mailed alone.
    c.sql(fmt::format("INSERT INTO index_journal(article_id, queued_at) VALUES (1, {})", now() - 7200));
    auto json = nlohmann::json::parse(c.run("status --alert --json").out);
    CHECK(json["alerts"]["mailed"] == nlohmann::json::array({"index-lag"}));
    CHECK(json["alerts"]["already_today"] == nlohmann::json::array({"outlet-silent:bao2"}));
    REQUIRE(smtp.connections == 2);
    text = presswatch::testing::mime_part(smtp.data, "text/plain");
    CHECK_THAT(text, Catch::Contains("Chỉ mục tìm kiếm chậm"));
    CHECK(text.find("bao2") == std::string::npos);
}

TEST_CASE("status --alert that cannot reach the mail server exits 2 and mails the problem next time") {
    Crawled c;
    c.set_operations("disk_min_percent = 0\nalert_to = [\"quantri@thanhhoa.example\"]\n");
    std::ofstream(c.cfg.path() / "briefing.toml")
        << "[digest]\nsmtp_url = \"smtp://127.0.0.1:1\"\nfrom = \"presswatch@thanhhoa.example\"\n";
    c.sql(fmt::format("UPDATE article SET fetched = {} WHERE outlet = 'bao2'", now() - 2 * 86400));
    auto r = c.run("status --alert");
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("cannot send the alerts"));
    store::Database db(c.data.path() / "presswatch.db", store::Database::Mode::read_only);
    auto n = db.prepare("SELECT COUNT(*) FROM alert_sent");
    n.step();
    CHECK(n.int64(0) == 0);
}
