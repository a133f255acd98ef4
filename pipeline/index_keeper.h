#pragma once
// The long-running process's one index writer (the web server's): a thread
// with its own store connection that runs sync_index when asked, so that a
// decision made in the browser reaches search at once, and retries every
// retry interval while another process (a crawl, a reindex) holds Xapian's
// writer lock: the decision waits in the store's index journal meanwhile
// and is never lost (pipeline/index_sync.h). It also syncs every
// idle_interval, picking up journal rows left by a killed process.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>

namespace presswatch::pipeline {

class IndexKeeper {
public:
    explicit IndexKeeper(std::filesystem::path data_dir,
                         std::chrono::milliseconds retry = std::chrono::milliseconds(100),
                         std::chrono::milliseconds idle_interval = std::chrono::seconds(5));
    ~IndexKeeper();  // stops after the sync in progress
    IndexKeeper(const IndexKeeper&) = delete;
    IndexKeeper& operator=(const IndexKeeper&) = delete;

    // Asks for a sync of everything queued so far and waits up to `wait`
    // until one that began after this call has committed. Returns true
    // when it did; false when the index is still locked by another writer
    // (the keeper keeps retrying). Thread-safe.
    bool sync_now(std::chrono::milliseconds wait);
    // The last sync's failure, empty after a success. Thread-safe.
    std::string last_error();

private:
    void run();

    std::filesystem::path data_dir_;
    std::chrono::milliseconds retry_, idle_;
    std::mutex mu_;
    std::condition_variable wake_, done_;
    std::uint64_t requested_ = 0, completed_ = 0;
    bool stopping_ = false;
    std::string error_;
    std::thread thread_;
};

}  // namespace presswatch::pipeline
