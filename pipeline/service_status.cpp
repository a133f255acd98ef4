#include "pipeline/service_status.h"

#include <algorithm>
#include <map>
#include <sys/statvfs.h>

#include <fmt/format.h>

#include "briefing/outlet_names.h"
#include "config/operations.h"
#include "pipeline/index_sync.h"
#include "store/crawl_lock.h"
#include "store/source_health.h"
#include "text/dates.h"

namespace presswatch::pipeline {
namespace {

namespace fs = std::filesystem;
constexpr std::int64_t day = 86400;
// Growth is judged over this many days of stored articles.
constexpr int growth_window_days = 7;

std::uint64_t tree_bytes(const fs::path& p) {
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return fs::file_size(p, ec);
    std::uint64_t n = 0;
    if (!fs::is_directory(p, ec)) return 0;
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) n += it->file_size(ec);
    return n;
}

std::string gb(std::uint64_t bytes) { return fmt::format("{:.1f} GB", static_cast<double>(bytes) / 1e9); }

void add(ServiceStatus& s, Problem::Level level, std::string key, std::string message) {
    s.problems.push_back({level, std::move(key), std::move(message)});
}

void read_outlets(ServiceStatus& s, store::Store& store, const config::Config& cfg) {
    auto& db = store.db();
    std::map<std::string, std::size_t> at;
    auto outlet = [&](const std::string& slug, const std::string& name) -> OutletStatus& {
        auto it = at.find(slug);
        if (it != at.end()) return s.outlets[it->second];
        at[slug] = s.outlets.size();
        s.outlets.push_back({});
        s.outlets.back().slug = slug;
        s.outlets.back().name = name;
        return s.outlets.back();
    };
    const briefing::OutletNames names(cfg, store);
    for (const auto& o : cfg.outlets) outlet(o.slug, names.name(o.slug));
    auto stored = db.prepare("SELECT slug FROM outlet o WHERE EXISTS (SELECT 1 FROM article a WHERE a.outlet = o.slug) ORDER BY slug");
    while (stored.step()) outlet(stored.text(0), names.name(stored.text(0)));

    auto reads = db.prepare(
        "SELECT outlet, MAX(at), MAX(CASE WHEN error IS NULL THEN at END) FROM source_read GROUP BY outlet");
    while (reads.step()) {
        auto it = at.find(reads.text(0));
        if (it == at.end()) continue;
        auto& o = s.outlets[it->second];
        o.last_read = reads.opt_int64(1);
        o.last_success = reads.opt_int64(2);
    }
    auto last_error = db.prepare("SELECT error FROM source_read WHERE outlet = ?1 ORDER BY at DESC LIMIT 1");
    auto newest = db.prepare("SELECT fetched, headline FROM article WHERE outlet = ?1 ORDER BY fetched DESC, id DESC LIMIT 1");
    auto recent = db.prepare("SELECT COUNT(*) FROM article WHERE outlet = ?1 AND fetched > ?2");
    for (auto& o : s.outlets) {
        if (o.last_read && (!o.last_success || *o.last_success < *o.last_read)) {
            last_error.bind(1, o.slug);
            if (last_error.step()) o.last_error = last_error.text(0);
            last_error.reset();
        }
        newest.bind(1, o.slug);
        if (newest.step()) {
            o.newest_fetched = newest.int64(0);
            o.newest_headline = newest.text(1);
        }
        newest.reset();
        recent.bind(1, o.slug).bind(2, s.now - day);
        recent.step();
        o.articles_last_day = recent.int64(0);
        recent.reset();
    }
    for (const auto& src : store::SourceHealth(db).report(s.now)) {
        auto it = at.find(src.outlet);
        if (it == at.end()) continue;
        s.outlets[it->second].sources++;
        if (src.warning == "dead") s.outlets[it->second].dead_sources++;
    }
}

void judge(ServiceStatus& s, const config::Config& cfg) {
    const auto ops = config::operations_settings(cfg);
    for (const auto& o : s.outlets) {
        if (!cfg.outlet_by_slug(o.slug)) continue;  // no longer crawled: nothing to expect
        if (!o.newest_fetched)
            add(s, Problem::Level::warning, "outlet-silent:" + o.slug,
                fmt::format("{}: chưa có bài nào được lưu{}.", o.name,
                            o.last_read ? "" : " (chưa thu thập lần nào)"));
        else if (*o.newest_fetched < s.now - ops.silent_hours * std::int64_t{3600})
            add(s, Problem::Level::warning, "outlet-silent:" + o.slug,
                fmt::format("{}: không có bài mới hơn {} giờ (bài mới nhất lưu lúc {}).", o.name,
                            (s.now - *o.newest_fetched) / 3600, text::vietnamese_datetime(*o.newest_fetched)));
        if (o.sources > 0 && o.dead_sources == o.sources)
            add(s, Problem::Level::warning, "outlet-failing:" + o.slug,
                fmt::format("{}: mọi nguồn tin đều đọc lỗi nhiều lần liền ({}); kiểm tra địa chỉ trong sources.toml.",
                            o.name, o.last_error.empty() ? "lỗi" : o.last_error));
    }
    if (s.disk_total > 0) {
        double free_pct = 100.0 * static_cast<double>(s.disk_free) / static_cast<double>(s.disk_total);
        if (free_pct < ops.disk_min_percent)
            add(s, free_pct < ops.disk_min_percent / 2.0 ? Problem::Level::error : Problem::Level::warning, "disk-low",
                fmt::format("Ổ đĩa chứa dữ liệu chỉ còn trống {:.1f}% ({}){}.", free_pct, gb(s.disk_free),
                            s.days_of_disk_left ? fmt::format(", đủ cho khoảng {:.0f} ngày", *s.days_of_disk_left) : ""));
    }
    if (s.articles > 0 && !s.index_exists)
        add(s, Problem::Level::error, "index-missing",
            "Chưa có chỉ mục tìm kiếm cho dữ liệu này: chạy presswatch reindex.");
    else if (s.index_oldest && *s.index_oldest < s.now - ops.index_lag_minutes * std::int64_t{60})
        add(s, Problem::Level::warning, "index-lag",
            fmt::format("Chỉ mục tìm kiếm chậm: {} bài chờ lập chỉ mục từ {}; {}.", s.index_pending,
                        text::vietnamese_datetime(*s.index_oldest),
                        s.crawler ? "trình thu thập đang chạy sẽ lập tiếp"
                                  : "chạy presswatch check --repair"));
    if (ops.backup_max_age_days > 0) {
        if (!s.last_backup)
            add(s, Problem::Level::warning, "backup-old", "Chưa có bản sao lưu nào: chạy presswatch backup.");
        else if (s.last_backup->at < s.now - ops.backup_max_age_days * day)
            add(s, Problem::Level::warning, "backup-old",
                fmt::format("Bản sao lưu mới nhất đã cũ (lúc {}).", text::vietnamese_datetime(s.last_backup->at)));
    }
}

}  // namespace

int ServiceStatus::exit_code() const {
    int code = 0;
    for (const auto& p : problems) code = std::max(code, p.level == Problem::Level::error ? 2 : 1);
    return code;
}

ServiceStatus service_status(store::Store& store, const config::Config& cfg, std::int64_t now) {
    ServiceStatus s;
    s.now = now;
    const fs::path data = store.data_dir();
    s.crawler = store::crawl_lock_owner(data);
    read_outlets(s, store, cfg);

    auto& db = store.db();
    auto one = [&](const char* sql) {
        auto q = db.prepare(sql);
        q.step();
        return q.opt_int64(0);
    };
    s.articles = one("SELECT COUNT(*) FROM article").value_or(0);
    s.index_pending = one("SELECT COUNT(*) FROM index_journal").value_or(0);
    s.index_oldest = one("SELECT MIN(queued_at) FROM index_journal");
    s.index_exists = fs::exists(index_dir(store));
    s.database_bytes = tree_bytes(data / "presswatch.db") + tree_bytes(data / "presswatch.db-wal");
    s.index_bytes = tree_bytes(index_dir(store));
    struct statvfs vfs {};
    if (::statvfs(data.c_str(), &vfs) == 0) {
        s.disk_free = static_cast<std::uint64_t>(vfs.f_bavail) * vfs.f_frsize;
        s.disk_total = static_cast<std::uint64_t>(vfs.f_blocks) * vfs.f_frsize;
    }
    if (s.articles > 0) {
        auto q = db.prepare("SELECT COUNT(*) FROM article WHERE fetched > ?1");
        q.bind(1, now - growth_window_days * day);
        q.step();
        double per_article = static_cast<double>(s.database_bytes + s.index_bytes) / static_cast<double>(s.articles);
        s.growth_per_day = per_article * static_cast<double>(q.int64(0)) / growth_window_days;
        if (s.growth_per_day > 0) s.days_of_disk_left = static_cast<double>(s.disk_free) / s.growth_per_day;
    }
    auto b = db.prepare("SELECT at, path, bytes, articles FROM backup ORDER BY at DESC, id DESC LIMIT 1");
    if (b.step())
        s.last_backup = ServiceStatus::Backup{b.int64(0), b.text(1), static_cast<std::uint64_t>(b.int64(2)), b.int64(3)};
    judge(s, cfg);
    return s;
}

}  // namespace presswatch::pipeline
