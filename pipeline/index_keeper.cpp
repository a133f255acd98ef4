#include "pipeline/index_keeper.h"

#include "pipeline/index_sync.h"
#include "store/store.h"

namespace presswatch::pipeline {

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

std::string IndexKeeper::last_error() {
    std::lock_guard lock(mu_);
    return error_;
}

void IndexKeeper::run() {
    std::unique_ptr<store::Store> store;
    bool failing = false;
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
        try {
            if (!store) store = std::make_unique<store::Store>(data_dir_);
            sync_index(*store);
        } catch (const std::exception& e) {
            error = e.what();  // most often: a crawl holds the writer lock; retry soon
        }
        lock.lock();
        error_ = error;
        failing = !error.empty();
        if (!failing && target > completed_) {
            completed_ = target;
            done_.notify_all();
        }
    }
    done_.notify_all();
}

}  // namespace presswatch::pipeline
