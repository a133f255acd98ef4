// The web server in the foreground until a stop signal, with the crawl
// schedule on a thread beside it (`serve --crawl-every`, `demo --serve`).
// See cli/serve_run.h.
#include "cli/serve_run.h"

#include <atomic>
#include <csignal>
#include <exception>
#include <iostream>
#include <optional>
#include <pthread.h>
#include <thread>

#include <fmt/format.h>

#include "cli/crawl_log.h"
#include "pipeline/crawl_schedule.h"
#include "store/crawl_lock.h"
#include "store/store.h"
#include "web/server.h"

namespace presswatch::cli {
namespace {

// The crawl schedule on a thread beside the web server's workers, writing
// the index through the server's keeper. Stopped and joined on
// destruction, before the server it uses goes.
class CrawlThread {
public:
    CrawlThread(const config::Config& cfg, const std::filesystem::path& data, const ServeCrawl& crawl,
                web::Server& server)
        : thread_([this, &cfg, data, crawl, &server] { run(cfg, data, crawl, server); }) {}
    ~CrawlThread() {
        stop_.store(true);
        served_.store(true);
        if (thread_.joinable()) thread_.join();
    }
    CrawlThread(const CrawlThread&) = delete;
    CrawlThread& operator=(const CrawlThread&) = delete;

    void stop() { stop_.store(true); }
    // After the server's run() has returned: joins; rethrows what ended
    // the crawl, if anything did.
    void finish() {
        stop_.store(true);
        served_.store(true);
        if (thread_.joinable()) thread_.join();
        if (error_) std::rethrow_exception(error_);
    }

private:
    void run(const config::Config& cfg, const std::filesystem::path& data, const ServeCrawl& crawl,
             web::Server& server) {
        try {
            store::Store store(data);
            CrawlLog log;
            log.json = crawl.json_log;  // no progress line: the server's terminal is a log
            pipeline::CrawlSchedule schedule;
            schedule.every = crawl.every;
            schedule.crawl.stop = &stop_;
            schedule.crawl.index_keeper = &server.index_keeper();
            schedule.crawl.on_event = [&](const pipeline::CrawlEvent& e) { log.event(e); };
            schedule.on_summary = [&](const pipeline::CrawlSummary& s) {
                log.summary(s);
                std::cout.flush();
            };
            pipeline::run_crawl_schedule(cfg, store, schedule);
        } catch (...) {
            error_ = std::current_exception();
            // A server that no longer crawls must say so (the exit code):
            // stop it, again until it has stopped, as a stop before run()
            // has begun listening does nothing.
            while (!served_.load()) {
                server.stop();
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        }
    }

    std::atomic<bool> stop_{false};
    std::atomic<bool> served_{false};  // the server's run() has returned
    std::exception_ptr error_;
    std::thread thread_;
};

}  // namespace

int serve_until_signal(const config::Config& cfg, const web::ServeOptions& options, const std::string& extra,
                       const ServeCrawl& crawl) {
    // Block the stop signals in every thread (the server's workers and the
    // crawl inherit the mask); one thread waits for them and stops the
    // server from ordinary code, where stopping is allowed.
    // SIGUSR1 (blocked too, from the start, so that it can never kill a
    // thread) wakes the waiter when run() ends on its own.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    // The crawl lock before anything listens: a second crawler is refused
    // (exit 1, naming the first), and while this process lives `crawl` is.
    std::optional<store::CrawlLock> lock;
    if (crawl.every.count() > 0) {
        lock.emplace(options.data_dir);
        store::Store create_if_new(options.data_dir);  // a fresh install has no store until its first crawl
    }
    web::Server server(cfg, options);
    server.bind();
    std::cout << fmt::format("presswatch đang chạy tại {} (dừng: Ctrl+C)\n", server.url());
    if (lock)
        std::cout << fmt::format("Thu thập tin trong cùng tiến trình, {} một lần.\n",
                                 crawl.every.count() % 60 ? fmt::format("{} giây", crawl.every.count())
                                                          : fmt::format("{} phút", crawl.every.count() / 60));
    if (!extra.empty()) std::cout << extra;
    std::cout.flush();
    std::optional<CrawlThread> crawler;
    if (lock) crawler.emplace(cfg, options.data_dir, crawl, server);
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        if (sig == SIGUSR1) return;  // run() ended on its own; nothing to stop
        std::cerr << "presswatch serve: dừng (đợi các yêu cầu đang xử lý xong)\n";
        if (crawler) crawler->stop();
        server.stop();
    });
    server.run();
    // If run() returned without a signal, wake the waiter so it can end
    // (after a signal it has ended or is ending; the wake-up is then lost).
    pthread_kill(waiter.native_handle(), SIGUSR1);
    waiter.join();
    if (crawler) crawler->finish();
    return 0;
}

}  // namespace presswatch::cli
