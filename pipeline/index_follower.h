#pragma once
// Keeps the search index close behind a running crawl: a thread with its
// own connection to the store runs sync_index every interval, so that
// indexing overlaps fetching instead of following it, and searches see new
// articles during a long crawl. The crawl still syncs once at its end.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>

namespace presswatch::pipeline {

class IndexFollower {
public:
    IndexFollower(std::filesystem::path data_dir, int interval_ms);
    // Stops after the sync in progress, if any.
    ~IndexFollower();
    IndexFollower(const IndexFollower&) = delete;
    IndexFollower& operator=(const IndexFollower&) = delete;

    // Stops and joins; then the figures below are final.
    void stop();
    std::size_t indexed() const { return indexed_; }
    double cpu_seconds() const { return cpu_; }
    // Why it gave up (the index locked by a reindex, say); empty if it did not.
    const std::string& error() const { return error_; }

private:
    void run();

    std::filesystem::path data_dir_;
    int interval_ms_;
    std::mutex mu_;
    std::condition_variable cv_;
    bool stopping_ = false;
    std::size_t indexed_ = 0;
    double cpu_ = 0;
    std::string error_;
    std::thread thread_;
};

}  // namespace presswatch::pipeline
