#include "pipeline/index_keeper.h"

#include "pipeline/index_compaction.h"
#include "pipeline/index_sync.h"
#include "pipeline/thread_cpu.h"
#include "store/store.h"

namespace presswatch::pipeline {
namespace {

// Articles per Xapian commit: small enough that the story assignment's
// SQLite transaction holds a running crawl's writes back only briefly, and
// that a decision queued during a long sync is reached soon (the journal
// is read in article order, and decisions are mostly on older articles).
constexpr std::size_t keeper_batch = 256;

}  // namespace

IndexKeeper::IndexKeeper(std::filesystem::path data_dir, std::chrono::milliseconds retry,
                         std::chrono::milliseconds idle_interval)
    : data_dir_(std::move(data_dir)), retry_(retry), idle_(idle_interval), thread_([this] { run(); }) {}

IndexKeeper::~IndexKeeper() {
    {
        std::lock_guard lock(mu_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

bool IndexKeeper::sync_now(std::chrono::milliseconds wait) {
    std::unique_lock lock(mu_);
    std::uint64_t mine = ++requested_;
    wake_.notify_all();
    return done_.wait_for(lock, wait, [&] { return completed_ >= mine || stopping_; }) && completed_ >= mine;
}

bool IndexKeeper::sync_all() {
    std::unique_lock lock(mu_);
    std::uint64_t mine = ++requested_;
    wake_.notify_all();
    done_.wait(lock, [&] { return completed_ >= mine || failed_ >= mine || stopping_; });
    return completed_ >= mine;
}

std::string IndexKeeper::last_error() {
    std::lock_guard lock(mu_);
    return error_;
}

std::size_t IndexKeeper::indexed() {
    std::lock_guard lock(mu_);
    return indexed_;
}

double IndexKeeper::cpu_seconds() {
    std::lock_guard lock(mu_);
    return cpu_;
}

IndexKeeper::Compactions IndexKeeper::compactions() {
    std::lock_guard lock(mu_);
    return compactions_;
}

void IndexKeeper::run() {
    std::unique_ptr<store::Store> store;
    bool failing = false;
    SyncOptions options;
    options.batch = keeper_batch;
    std::unique_lock lock(mu_);
    while (!stopping_) {
        // After a failure wait the retry interval whatever is asked (the
        // lock is someone else's); otherwise wake on a request.
        if (failing) wake_.wait_for(lock, retry_, [&] { return stopping_; });
        else wake_.wait_for(lock, idle_, [&] { return stopping_ || requested_ > completed_; });
        if (stopping_) break;
        std::uint64_t target = requested_;
        lock.unlock();
        std::string error;
        std::size_t done = 0;
        try {
            if (!store) store = std::make_unique<store::Store>(data_dir_);
            done = sync_index(*store, options);
        } catch (const std::exception& e) {
            error = e.what();  // most often: another process holds the writer lock; retry soon
        }
        // Compaction only follows a sync that wrote: an idle keeper never
        // looks at the index's size. A failure (disk full, another writer)
        // does not stop the syncs: the next sync that writes tries again.
        std::optional<index::CompactResult> compacted;
        std::string compact_error;
        if (error.empty() && done > 0) {
            try {
                compacted = compact_index_if_due(*store);
            } catch (const std::exception& e) {
                compact_error = e.what();
            }
        }
        double cpu = thread_cpu_seconds();
        lock.lock();
        error_ = error;
        indexed_ += done;
        cpu_ = cpu;
        if (compacted) {
            ++compactions_.done;
            compactions_.last = *compacted;
            compactions_.error.clear();
        } else if (!compact_error.empty()) {
            ++compactions_.failed;
            compactions_.error = compact_error;
        }
        failing = !error.empty();
        if (failing) failed_ = target;
        else if (target > completed_) completed_ = target;
        done_.notify_all();
    }
    done_.notify_all();
}

}  // namespace presswatch::pipeline
