#include "pipeline/crawl_schedule.h"

#include <cctype>
#include <ctime>
#include <thread>

#include <fmt/format.h>

#include "config/operations.h"
#include "core/error.h"
#include "pipeline/alerts.h"
#include "pipeline/service_status.h"
#include "store/snapshot_pruning.h"

namespace presswatch::pipeline {
namespace {

// Snapshots pruned after one pass at most: a year's backlog (the first
// run after an upgrade) is worked off over many passes.
constexpr std::size_t max_pruned_per_pass = 20000;
// How often the wait between passes looks at the stop request.
constexpr auto stop_poll = std::chrono::milliseconds(100);

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

bool stopping(const CrawlOptions& o) { return o.stop && o.stop->load(); }

void note(const CrawlOptions& o, const std::string& level, const std::string& message) {
    if (o.on_event) o.on_event(CrawlEvent{level, "", "", message});
}

}  // namespace

std::chrono::seconds parse_crawl_interval(const std::string& option, const std::string& text) {
    std::int64_t total = 0, n = 0;
    bool digits = false;
    auto bad = [&] { return InputError(option + " " + text + ": write an interval like 15m, 30m, 1h or 90s"); };
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            n = n * 10 + (c - '0');
            digits = true;
            if (n > 10'000'000) throw bad();
            continue;
        }
        int unit = c == 's' ? 1 : c == 'm' ? 60 : c == 'h' ? 3600 : c == 'd' ? 86400 : 0;
        if (!unit || !digits) throw bad();
        total += n * unit;
        n = 0;
        digits = false;
    }
    if (digits) total += n * 60;  // a bare number is minutes
    if (total < 60)
        throw InputError(option + " " + text + ": the interval must be at least 1 minute, to spare the outlets");
    return std::chrono::seconds(total);
}

void run_crawl_schedule(const config::Config& cfg, store::Store& store, const CrawlSchedule& schedule) {
    const auto& co = schedule.crawl;
    const auto ops = config::operations_settings(cfg);
    for (;;) {
        auto started = std::chrono::steady_clock::now();
        auto summary = crawl(cfg, store, co);
        if (schedule.on_summary) schedule.on_summary(summary);
        // Old raw pages of non-clippings, a few batches a pass
        // (store/snapshot_pruning.h).
        auto pruned = store::prune_snapshots(store.db(), unix_now(), ops.snapshot_days, max_pruned_per_pass);
        if (pruned.snapshots)
            note(co, "info",
                 fmt::format("removed {} page snapshots of non-clippings older than {} days ({:.1f} MB)",
                             pruned.snapshots, ops.snapshot_days, static_cast<double>(pruned.bytes) / 1e6));
        if (schedule.every.count() == 0 || stopping(co)) return;
        // A long-running crawler mails what `status --alert` would
        // (pipeline/alerts.h); a mail failure must not stop it.
        if (!ops.alert_to.empty()) {
            try {
                send_alerts(store, cfg, service_status(store, cfg, unix_now()));
            } catch (const std::exception& e) {
                note(co, "warning", fmt::format("cannot send the alerts: {}", e.what()));
            }
        }
        auto next = started + schedule.every;
        while (!stopping(co) && std::chrono::steady_clock::now() < next) std::this_thread::sleep_for(stop_poll);
        if (stopping(co)) return;
    }
}

}  // namespace presswatch::pipeline
