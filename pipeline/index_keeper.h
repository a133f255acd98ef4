#pragma once
// A process's one index writer: a thread with its own store connection that
// runs sync_index (pipeline/index_sync.h) when asked and every
// idle_interval, so that
//   - a decision made in the browser reaches search at once (`serve` asks
//     with sync_now and waits for it),
//   - the index follows a crawl closely (a crawl pass stores articles; the
//     keeper indexes them within idle_interval, so indexing overlaps
//     fetching and searches see new articles during a long crawl),
//   - journal rows left by a killed process are picked up.
// `serve --crawl-every` hands its keeper to the crawl it runs
// (CrawlOptions::index_keeper), so that one thread of one process writes
// the index; a `crawl` on its own makes a keeper for each pass.
// While another process (a reindex, a separate crawl) holds Xapian's writer
// lock, the keeper retries every retry interval: the changes wait in the
// store's index journal meanwhile and are never lost.
// After a sync that indexed something, the keeper compacts the index when
// it has grown enough (pipeline/index_compaction.h): the syncs asked for
// meanwhile wait for it.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>

#include "index/compaction.h"

namespace presswatch::pipeline {

class IndexKeeper {
public:
    explicit IndexKeeper(std::filesystem::path data_dir,
                         std::chrono::milliseconds retry = std::chrono::milliseconds(100),
                         std::chrono::milliseconds idle_interval = std::chrono::seconds(1));
    ~IndexKeeper();  // stops after the sync in progress
    IndexKeeper(const IndexKeeper&) = delete;
    IndexKeeper& operator=(const IndexKeeper&) = delete;

    // Asks for a sync of everything queued so far and waits up to `wait`
    // until one that began after this call has committed. Returns true
    // when it did; false when the index is still locked by another writer
    // or the sync takes longer (the keeper goes on). Thread-safe.
    bool sync_now(std::chrono::milliseconds wait);
    // Like sync_now, but waits as long as the syncs succeed, and returns
    // false only once a sync has failed (the keeper keeps retrying). For
    // the end of a crawl pass, whose backlog may take a while to index.
    bool sync_all();
    // The last sync's failure, empty after a success. Thread-safe.
    std::string last_error();
    // Articles indexed or removed since the keeper started. Thread-safe.
    std::size_t indexed();
    // CPU seconds the keeper's thread has used (as of its last sync). Thread-safe.
    double cpu_seconds();

    struct Compactions {
        std::size_t done = 0;              // since the keeper started
        index::CompactResult last;         // of the last one done
        std::string error;                 // of the last attempt, empty after a success
        std::size_t failed = 0;            // attempts that failed since the keeper started
    };
    Compactions compactions();  // Thread-safe.

private:
    void run();

    std::filesystem::path data_dir_;
    std::chrono::milliseconds retry_, idle_;
    std::mutex mu_;
    std::condition_variable wake_, done_;
    std::uint64_t requested_ = 0, completed_ = 0, failed_ = 0;
    bool stopping_ = false;
    std::string error_;
    std::size_t indexed_ = 0;
    double cpu_ = 0;
    Compactions compactions_;
    std::thread thread_;
};

}  // namespace presswatch::pipeline
