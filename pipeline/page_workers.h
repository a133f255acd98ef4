#pragma once
// The CPU-heavy part of a crawl (charset decoding, extraction, triage,
// snapshot compression) on a few threads beside the fetch loop, which
// stays free to keep transfers going and to write to the store. Results
// come back to the caller's thread in the order they finish.
//
// Back-pressure: push() waits while `max_waiting` pages wait for a thread,
// so a fast network cannot pile up 100 KB bodies in memory.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "pipeline/ingest.h"

namespace presswatch::pipeline {

// A fetched article page, its body not yet decoded.
struct RawPage {
    std::uint64_t tag = 0;     // the caller's
    FetchedPage page;          // body: the bytes as fetched
    std::string content_type;  // for the charset
};

struct PreparedResult {
    std::uint64_t tag = 0;
    PreparedPage page;
    double decode_cpu = 0;     // CPU seconds of charset decoding
};

class PageWorkers {
public:
    // `ingest` must outlive the workers; only its prepare() is called.
    // `on_ready` is called on a worker thread after each result (to wake
    // the caller's loop); it must be thread-safe.
    PageWorkers(const Ingest& ingest, unsigned threads, std::size_t max_waiting, std::function<void()> on_ready);
    ~PageWorkers();
    PageWorkers(const PageWorkers&) = delete;
    PageWorkers& operator=(const PageWorkers&) = delete;

    void push(RawPage page);
    // Results finished so far; does not wait.
    std::vector<PreparedResult> take();
    // Waits until every page pushed is prepared; returns the results not taken yet.
    std::vector<PreparedResult> finish();
    // Pages pushed and not yet taken back.
    std::size_t outstanding() const;

private:
    void work();

    const Ingest& ingest_;
    const std::size_t max_waiting_;
    std::function<void()> on_ready_;
    mutable std::mutex mu_;
    std::condition_variable have_work_, have_room_, all_done_;
    std::deque<RawPage> waiting_;
    std::vector<PreparedResult> done_;
    std::size_t busy_ = 0, outstanding_ = 0;
    bool closing_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace presswatch::pipeline
