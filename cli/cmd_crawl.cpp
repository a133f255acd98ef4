// `presswatch crawl`: one pass (--once, the default) or a pass every
// interval (--every 15m), until SIGINT or SIGTERM. Holds the data folder's
// crawl lock; searches keep working meanwhile. With --every, the problems
// `status` finds are mailed after each pass when alert_to is set.
#include <chrono>
#include <csignal>
#include <ctime>
#include <iostream>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "cli/output.h"
#include "core/error.h"
#include "config/operations.h"
#include "pipeline/alerts.h"
#include "pipeline/crawl.h"
#include "store/crawl_lock.h"
#include "store/snapshot_pruning.h"
#include "store/store.h"
#include "text/dates.h"

namespace presswatch::cli {
namespace {

// Snapshots pruned after one pass at most: a year's backlog (the first
// run after an upgrade) is worked off over many passes.
constexpr std::size_t max_pruned_per_pass = 20000;

std::atomic<bool> stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void on_stop_signal(int) { stop_requested.store(true); }

void install_signal_handlers() {
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

// "15m", "30m", "1h", "90s", "2h30m" -> seconds.
std::int64_t parse_interval(const std::string& s) {
    std::int64_t total = 0, n = 0;
    bool digits = false;
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            n = n * 10 + (c - '0');
            digits = true;
            if (n > 10'000'000) break;
            continue;
        }
        int unit = c == 's' ? 1 : c == 'm' ? 60 : c == 'h' ? 3600 : c == 'd' ? 86400 : 0;
        if (!unit || !digits) throw InputError("--every " + s + ": write an interval like 15m, 30m, 1h or 90s");
        total += n * unit;
        n = 0;
        digits = false;
    }
    if (digits) total += n * 60;  // a bare number is minutes
    if (total < 60) throw InputError("--every " + s + ": the interval must be at least 1 minute, to spare the outlets");
    return total;
}

std::string utc_now() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

struct Printer {
    bool json = false;
    bool tty = false;
    bool line_open = false;

    void clear_line() {
        if (line_open) std::cerr << "\r\033[K";
        line_open = false;
    }

    void event(const pipeline::CrawlEvent& e) {
        // On a terminal only problems interrupt the progress line.
        if (tty && e.level == "info") return;
        clear_line();
        if (json) {
            nlohmann::json j = {{"time", utc_now()}, {"level", e.level}, {"outlet", e.outlet},
                                {"url", e.url},      {"message", e.message}};
            std::cerr << j.dump() << "\n";
        } else {
            std::cerr << fmt::format("{} {} {} {} {}\n", utc_now(), e.level, e.outlet.empty() ? "-" : e.outlet,
                                     e.url.empty() ? "-" : e.url, e.message);
        }
    }

    void progress(const pipeline::CrawlProgress& p) {
        if (!tty) return;
        std::cerr << fmt::format("\r\033[Kbáo {}/{} · đã tải {} · đang chờ {} · tin mới về tỉnh {} · lỗi {} · {:.1f} trang/s",
                                 p.outlets_done, p.outlets_total, p.fetched, p.queued, p.new_clippings, p.errors,
                                 p.pages_per_second)
                  << std::flush;
        line_open = true;
    }

    void summary(const pipeline::CrawlSummary& s) {
        clear_line();
        if (json) {
            nlohmann::json outlets = nlohmann::json::array();
            auto row = [](const pipeline::OutletSummary& o) {
                return nlohmann::json{{"outlet", o.slug},         {"sources", o.sources},
                                      {"sources_failed", o.sources_failed},
                                      {"discovered", o.discovered}, {"fetched", o.fetched},
                                      {"new_articles", o.new_articles}, {"changed_articles", o.changed_articles},
                                      {"new_clippings", o.new_clippings}, {"skipped", o.skipped},
                                      {"errors", o.errors}};
            };
            for (const auto& o : s.outlets) outlets.push_back(row(o));
            nlohmann::json j = {{"time", utc_now()},     {"level", "info"},          {"summary", outlets},
                                {"total", row(s.total)}, {"indexed", s.indexed},     {"stopped", s.stopped},
                                {"seconds", s.seconds},  {"paused_hosts", s.paused_hosts}};
            std::cout << j.dump() << "\n";
            return;
        }
        Records table({{"outlet", "Báo"},
                       {"discovered", "Phát hiện"},
                       {"fetched", "Đã tải"},
                       {"new_articles", "Bài mới"},
                       {"new_clippings", "Tin về tỉnh"},
                       {"skipped", "Bỏ qua"},
                       {"errors", "Lỗi"}});
        auto add = [&](const pipeline::OutletSummary& o, const std::string& label) {
            table.add({{"outlet", label},
                       {"discovered", o.discovered},
                       {"fetched", o.fetched},
                       {"new_articles", o.new_articles},
                       {"new_clippings", o.new_clippings},
                       {"skipped", o.skipped},
                       {"errors", o.errors}});
        };
        for (const auto& o : s.outlets) add(o, o.name.empty() ? o.slug : o.name);
        add(s.total, "Tổng");
        table.print(std::cout, Format::table);
        std::cout << fmt::format("{} bài được lập chỉ mục, {:.1f} giây{}\n", s.indexed, s.seconds,
                                 s.stopped ? " (dừng theo yêu cầu)" : "");
        for (const auto& h : s.paused_hosts)
            std::cout << fmt::format("Tạm dừng máy chủ {} vì lỗi liên tiếp\n", h);
    }
};

void register_crawl(CLI::App& app, Context& ctx) {
    struct Opts {
        bool once = false;
        std::string every, since;
        std::vector<std::string> outlets;
    };
    auto opts = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand("crawl", "Fetch new articles from the configured outlets");
    auto* once = cmd->add_flag("--once", opts->once, "One pass, then exit (the default)");
    cmd->add_option("--every", opts->every, "Crawl again every INTERVAL (15m, 30m, 1h) until stopped")
        ->excludes(once);
    cmd->add_option("--since", opts->since,
                    "Take feed and sitemap items published since DATE (YYYY-MM-DD), not only the last max_age_days");
    cmd->add_option("--outlet", opts->outlets, "Only this outlet (slug); repeatable");
    cmd->footer("Example: presswatch crawl --every 15m\n"
                "SIGINT or SIGTERM finish the transfers in flight and stop within 10 seconds.");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts]() -> int {
            const auto& cfg = ctx.config();
            for (const auto& slug : opts->outlets)
                if (!cfg.outlet_by_slug(slug))
                    throw InputError("--outlet " + slug + ": no such outlet in sources.toml (see `presswatch config show`)");
            pipeline::CrawlOptions co;
            if (!opts->since.empty()) {
                auto t = text::parse_iso8601(opts->since);
                if (!t) throw InputError("--since " + opts->since + ": write a date like 2026-03-01");
                co.since = *t;
            }
            std::int64_t interval = opts->every.empty() ? 0 : parse_interval(opts->every);
            auto data = ctx.data_dir();
            store::CrawlLock lock(data);
            store::Store store(data);
            install_signal_handlers();
            Printer printer;
            printer.json = ctx.log_format == "json";
            printer.tty = !printer.json && isatty(STDERR_FILENO);
            co.stop = &stop_requested;
            co.outlets = opts->outlets;
            co.on_event = [&](const pipeline::CrawlEvent& e) { printer.event(e); };
            co.on_progress = [&](const pipeline::CrawlProgress& p) { printer.progress(p); };
            const auto ops = config::operations_settings(cfg);
            int errors = 0;
            for (;;) {
                auto started = std::chrono::steady_clock::now();
                auto summary = pipeline::crawl(cfg, store, co);
                printer.summary(summary);
                errors = summary.total.errors;
                // Old raw pages of non-clippings, a few batches a pass
                // (store/snapshot_pruning.h).
                auto pruned = store::prune_snapshots(store.db(), static_cast<std::int64_t>(std::time(nullptr)),
                                                     ops.snapshot_days, max_pruned_per_pass);
                if (pruned.snapshots)
                    std::cerr << fmt::format("presswatch: removed {} page snapshots of non-clippings older than {} "
                                             "days ({:.1f} MB)\n",
                                             pruned.snapshots, ops.snapshot_days,
                                             static_cast<double>(pruned.bytes) / 1e6);
                if (interval == 0 || stop_requested.load()) break;
                // A long-running crawler mails what `status --alert` would
                // (pipeline/alerts.h); a mail failure must not stop it.
                if (!ops.alert_to.empty()) {
                    try {
                        auto now = static_cast<std::int64_t>(std::time(nullptr));
                        pipeline::send_alerts(store, cfg, pipeline::service_status(store, cfg, now));
                    } catch (const std::exception& e) {
                        std::cerr << "presswatch: cannot send the alerts: " << e.what() << "\n";
                    }
                }
                auto next = started + std::chrono::seconds(interval);
                while (!stop_requested.load() && std::chrono::steady_clock::now() < next)
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
                if (stop_requested.load()) break;
            }
            // Failed fetches are reported, not fatal: the crawl itself worked.
            (void)errors;
            return 0;
        };
    });
}

}  // namespace

PRESSWATCH_COMMAND(register_crawl);

}  // namespace presswatch::cli
