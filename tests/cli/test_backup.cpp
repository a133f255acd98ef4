// `presswatch backup` and `restore-backup` through the built binary: a
// backup taken while a crawl writes, and damaged backups refused.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <future>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "pipeline/crawl_site.h"
#include "store/backup.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/file_codec.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::CrawlSite;
using presswatch::testing::run_presswatch;
using presswatch::testing::TempDir;
namespace fs = std::filesystem;

namespace {

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

std::set<std::string> article_urls(const fs::path& data) {
    store::Database db(data / "presswatch.db", store::Database::Mode::read_only);
    std::set<std::string> out;
    auto s = db.prepare("SELECT url FROM article");
    while (s.step()) out.insert(s.text(0));
    return out;
}

std::size_t article_count(const fs::path& data) {
    if (!fs::exists(data / "presswatch.db")) return 0;
    try {
        return article_urls(data).size();
    } catch (const std::exception&) {
        return 0;  // the schema is still being created
    }
}

std::string integrity(const fs::path& db_file) {
    store::Database db(db_file, store::Database::Mode::read_only);
    auto s = db.prepare("PRAGMA integrity_check");
    s.step();
    return s.text(0);
}

// Every file under dir with its SHA-256: "nothing changed" compares these.
std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        out[fs::relative(e.path(), dir).string()] = e.is_regular_file() ? store::digest_file(e.path()).sha256 : "dir";
    return out;
}

// A small store made by a real crawl, and one backup of it.
struct BackedUp {
    CrawlSite site{1, 3};
    TempDir cfg, data, dest;
    fs::path folder;
    BackedUp() {
        site.write_config(cfg.path());
        auto crawl = run_presswatch("--config " + q(cfg.path()) + " --data " + q(data.path()) + " crawl </dev/null");
        REQUIRE(crawl.code == 0);
        auto b = run_presswatch("--config " + q(cfg.path()) + " --data " + q(data.path()) + " backup --json " +
                                q(dest.path()));
        INFO(b.out);
        REQUIRE(b.code == 0);
        folder = nlohmann::json::parse(b.out)["folder"].get<std::string>();
    }
    // A copy of the backup to damage.
    fs::path copy(const fs::path& where) const {
        fs::path c = where / folder.filename();
        fs::copy(folder, c, fs::copy_options::recursive);
        return c;
    }
};

void flip_byte(const fs::path& file, std::size_t at) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(at));
    char c = 0;
    f.get(c);
    f.seekp(static_cast<std::streamoff>(at));
    f.put(static_cast<char>(c ^ 0x5a));
}

}  // namespace

TEST_CASE("a backup taken while a crawl writes restores to a checked store holding every article committed before it") {
    // 2 outlets x 30 articles, each page answering after 300 ms: the crawl
    // runs for several seconds, the backup is taken in the middle of it.
    CrawlSite site(2, 30, 300);
    TempDir cfg, data, dest, restored;
    site.write_config(cfg.path());
    std::string common = "--config " + q(cfg.path()) + " --data " + q(data.path());
    auto crawl = std::async(std::launch::async, [&] { return run_presswatch(common + " crawl </dev/null"); });

    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (article_count(data.path()) < 5 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::set<std::string> before = article_urls(data.path());
    REQUIRE(before.size() >= 5);
    auto backup = run_presswatch(common + " backup --json " + q(dest.path()));
    std::size_t right_after = article_count(data.path());
    INFO(backup.out);
    REQUIRE(backup.code == 0);
    auto crawled = crawl.get();
    INFO(crawled.out);
    CHECK(crawled.code == 0);
    std::size_t total = article_urls(data.path()).size();
    CHECK(total == 60);
    // The crawl was still writing when the backup finished.
    CHECK(right_after < total);

    auto folder = fs::path(nlohmann::json::parse(backup.out)["folder"].get<std::string>());
    auto manifest = nlohmann::json::parse(std::ifstream(folder / "manifest.json"));
    std::int64_t in_backup = manifest["counts"]["article"];
    CHECK(in_backup >= static_cast<std::int64_t>(before.size()));
    CHECK(in_backup < 60);
    CHECK(manifest["schema_version"] == store::latest_schema_version());
    CHECK(fs::exists(folder / "config" / "sources.toml"));
    CHECK_FALSE(fs::exists(folder / "index"));

    auto r = run_presswatch("--data " + q(restored.path()) + " restore-backup " + q(folder));
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("khớp."));
    CHECK(integrity(restored.path() / "presswatch.db") == "ok");
    auto after = article_urls(restored.path());
    CHECK(static_cast<std::int64_t>(after.size()) == in_backup);
    for (const auto& url : before) CHECK(after.count(url) == 1);
    CHECK(fs::exists(restored.path() / "config-from-backup" / "sources.toml"));
    auto check = run_presswatch("--data " + q(restored.path()) + " check");
    INFO(check.out);
    CHECK(check.code == 0);
    // The restored index answers searches.
    auto search = run_presswatch("--data " + q(restored.path()) + " search --json --limit 100 'kiến nghị'");
    CHECK(search.code == 0);
    CHECK(search.out.find(*before.begin()) != std::string::npos);
}

TEST_CASE("a truncated or altered backup is refused with a clear message and nothing is changed") {
    BackedUp b;
    TempDir work, empty_target;
    fs::path target = empty_target.path() / "data";

    auto restore = [&](const fs::path& folder, const fs::path& into, const std::string& extra = "") {
        return run_presswatch("--data " + q(into) + " restore-backup " + extra + q(folder));
    };

    SECTION("the database file cut short") {
        fs::path c = b.copy(work.path());
        fs::resize_file(c / "presswatch.db.zst", fs::file_size(c / "presswatch.db.zst") / 2);
        auto r = restore(c, target);
        CHECK(r.code == 2);
        CHECK_THAT(r.out, Catch::Contains("presswatch.db.zst has") && Catch::Contains("(truncated)") &&
                              Catch::Contains("Nothing was restored"));
        CHECK_FALSE(fs::exists(target));
    }
    SECTION("one byte of the database file changed") {
        fs::path c = b.copy(work.path());
        flip_byte(c / "presswatch.db.zst", fs::file_size(c / "presswatch.db.zst") / 2);
        // into the crawled folder, even with --force: refused before anything moves
        auto before = tree(b.data.path());
        auto r = restore(c, b.data.path(), "--force ");
        CHECK(r.code == 2);
        CHECK_THAT(r.out, Catch::Contains("does not match its SHA-256"));
        CHECK(tree(b.data.path()) == before);
    }
    SECTION("a configuration file changed") {
        fs::path c = b.copy(work.path());
        std::ofstream(c / "config" / "sources.toml", std::ios::app) << "# edited\n";
        auto r = restore(c, target);
        CHECK(r.code == 2);
        CHECK_THAT(r.out, Catch::Contains("config/sources.toml has"));
        CHECK_FALSE(fs::exists(target));
    }
    SECTION("a cut-short database whose manifest was rewritten to match is caught when unpacked") {
        fs::path c = b.copy(work.path());
        fs::path zst = c / "presswatch.db.zst";
        fs::resize_file(zst, fs::file_size(zst) - 100);
        auto m = nlohmann::json::parse(std::ifstream(c / "manifest.json"));
        auto d = store::digest_file(zst);
        for (auto& f : m["files"])
            if (f["path"] == "presswatch.db.zst") f["bytes"] = d.bytes, f["sha256"] = d.sha256;
        std::ofstream(c / "manifest.json") << m.dump(2);
        auto r = restore(c, target);
        CHECK(r.code == 2);
        CHECK_THAT(r.out, Catch::Contains("is truncated") && Catch::Contains("Nothing was restored"));
        CHECK(tree(target).empty());
    }
    SECTION("no manifest") {
        fs::path c = b.copy(work.path());
        fs::remove(c / "manifest.json");
        auto r = restore(c, target);
        CHECK(r.code == 2);
        CHECK_THAT(r.out, Catch::Contains("is not a presswatch backup"));
        CHECK_FALSE(fs::exists(target));
    }
    SECTION("the folder of backups instead of one backup") {
        auto r = restore(b.dest.path(), target);
        CHECK(r.code == 2);
        CHECK_THAT(r.out, Catch::Contains("holds 1 backups, not one") && Catch::Contains(b.folder.string()));
    }
}

TEST_CASE("restore-backup refuses a non-empty data folder unless --force, which moves the old data aside") {
    BackedUp b;
    auto urls = article_urls(b.data.path());
    auto before = tree(b.data.path());
    auto refused = run_presswatch("--data " + q(b.data.path()) + " restore-backup " + q(b.folder));
    CHECK(refused.code == 2);
    CHECK_THAT(refused.out, Catch::Contains("is not empty") && Catch::Contains("--force"));
    CHECK(tree(b.data.path()) == before);

    auto forced = run_presswatch("--data " + q(b.data.path()) + " restore-backup --force " + q(b.folder));
    INFO(forced.out);
    REQUIRE(forced.code == 0);
    CHECK(article_urls(b.data.path()) == urls);
    std::vector<fs::path> aside;
    for (const auto& e : fs::directory_iterator(b.data.path()))
        if (e.path().filename().string().starts_with("before-restore-")) aside.push_back(e.path());
    REQUIRE(aside.size() == 1);
    CHECK(fs::exists(aside[0] / "presswatch.db"));
    CHECK(fs::exists(aside[0] / "index"));
    CHECK(run_presswatch("--data " + q(b.data.path()) + " check").code == 0);
}

TEST_CASE("backup --keep N keeps the newest N backups, and a backup inside the data folder is refused") {
    BackedUp b;  // one backup already
    std::string common = "--config " + q(b.cfg.path()) + " --data " + q(b.data.path()) + " backup --json ";
    std::vector<std::string> made{b.folder.string()};
    for (int i = 0; i < 3; ++i) {
        auto r = run_presswatch(common + "--keep 2 " + q(b.dest.path()));
        REQUIRE(r.code == 0);
        made.push_back(nlohmann::json::parse(r.out)["folder"].get<std::string>());
    }
    auto left = store::list_backups(b.dest.path());
    REQUIRE(left.size() == 2);
    CHECK(left[0].string() == made[2]);
    CHECK(left[1].string() == made[3]);

    auto inside = run_presswatch(common + q(b.data.path() / "backups"));
    CHECK(inside.code == 2);
    CHECK_THAT(inside.out, Catch::Contains("inside the data folder"));
}

TEST_CASE("backups of one second sort by their number, so --keep removes the oldest, not the newest") {
    TempDir dest;
    // Names as make_backup gives them: a second backup in the same second is
    // "-2", a tenth "-10"; a plain string sort would put "-10" before "-9".
    std::vector<std::string> names{"presswatch-backup-20261207T101010Z",    "presswatch-backup-20261207T101010Z-2",
                                   "presswatch-backup-20261207T101010Z-9",  "presswatch-backup-20261207T101010Z-10",
                                   "presswatch-backup-20261207T101011Z"};
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
        fs::create_directories(dest.path() / *it);
        std::ofstream(dest.path() / *it / "manifest.json") << "{}";
    }
    auto listed = store::list_backups(dest.path());
    REQUIRE(listed.size() == names.size());
    for (std::size_t i = 0; i < names.size(); ++i) CHECK(listed[i].filename().string() == names[i]);
}
