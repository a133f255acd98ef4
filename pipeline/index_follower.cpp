#include "pipeline/index_follower.h"

#include "pipeline/index_sync.h"
#include "pipeline/thread_cpu.h"
#include "store/store.h"

namespace presswatch::pipeline {
namespace {

// Articles per Xapian commit while a crawl runs: small enough that the
// story assignment's SQLite transaction holds the crawl's writes back only
// briefly.
constexpr std::size_t follower_batch = 256;

}  // namespace

IndexFollower::IndexFollower(std::filesystem::path data_dir, int interval_ms)
    : data_dir_(std::move(data_dir)), interval_ms_(interval_ms), thread_([this] { run(); }) {}

IndexFollower::~IndexFollower() { stop(); }

void IndexFollower::stop() {
    {
        std::lock_guard lock(mu_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void IndexFollower::run() {
    double t0 = thread_cpu_seconds();
    try {
        store::Store store(data_dir_);
        SyncOptions opt;
        opt.batch = follower_batch;
        for (;;) {
            {
                std::unique_lock lock(mu_);
                if (cv_.wait_for(lock, std::chrono::milliseconds(interval_ms_), [&] { return stopping_; })) break;
            }
            indexed_ += sync_index(store, opt);
        }
    } catch (const std::exception& e) {
        error_ = e.what();  // the crawl's own sync at the end reports it
    }
    cpu_ = thread_cpu_seconds() - t0;
}

}  // namespace presswatch::pipeline
