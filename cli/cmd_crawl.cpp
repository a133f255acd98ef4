// `presswatch crawl`: one pass (--once, the default) or a pass every
// interval (--every 15m, pipeline/crawl_schedule.h), until SIGINT or
// SIGTERM. Holds the data folder's crawl lock; searches keep working
// meanwhile. With --every, the problems `status` finds are mailed after
// each pass when alert_to is set. `serve --crawl-every` runs the same
// schedule inside the web server.
#include <atomic>
#include <csignal>
#include <unistd.h>

#include "cli/context.h"
#include "cli/crawl_log.h"
#include "core/error.h"
#include "pipeline/crawl_schedule.h"
#include "store/crawl_lock.h"
#include "store/store.h"
#include "text/dates.h"

namespace presswatch::cli::cmd_crawl {
namespace {

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
            pipeline::CrawlSchedule schedule;
            auto& co = schedule.crawl;
            if (!opts->since.empty()) {
                auto t = text::parse_iso8601(opts->since);
                if (!t) throw InputError("--since " + opts->since + ": write a date like 2026-03-01");
                co.since = *t;
            }
            if (!opts->every.empty()) schedule.every = pipeline::parse_crawl_interval("--every", opts->every);
            auto data = ctx.data_dir();
            store::CrawlLock lock(data);
            store::Store store(data);
            install_signal_handlers();
            CrawlLog log;
            log.json = ctx.log_format == "json";
            log.tty = !log.json && isatty(STDERR_FILENO);
            co.stop = &stop_requested;
            co.outlets = opts->outlets;
            co.on_event = [&](const pipeline::CrawlEvent& e) { log.event(e); };
            co.on_progress = [&](const pipeline::CrawlProgress& p) { log.progress(p); };
            schedule.on_summary = [&](const pipeline::CrawlSummary& s) { log.summary(s); };
            // Failed fetches are reported, not fatal: the crawl itself worked.
            pipeline::run_crawl_schedule(cfg, store, schedule);
            return 0;
        };
    });
}

}  // namespace

PRESSWATCH_COMMAND(register_crawl);

}  // namespace presswatch::cli::cmd_crawl
