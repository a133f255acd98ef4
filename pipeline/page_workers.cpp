#include "pipeline/page_workers.h"

#include <algorithm>

#include "crawler/charset.h"
#include "pipeline/thread_cpu.h"

namespace presswatch::pipeline {

PageWorkers::PageWorkers(const Ingest& ingest, unsigned threads, std::size_t max_waiting,
                         std::function<void()> on_ready)
    : ingest_(ingest), max_waiting_(std::max<std::size_t>(1, max_waiting)), on_ready_(std::move(on_ready)) {
    for (unsigned i = 0; i < std::max(1u, threads); ++i) threads_.emplace_back([this] { work(); });
}

PageWorkers::~PageWorkers() {
    {
        std::lock_guard lock(mu_);
        closing_ = true;
    }
    have_work_.notify_all();
    for (auto& t : threads_) t.join();
}

void PageWorkers::push(RawPage page) {
    std::unique_lock lock(mu_);
    have_room_.wait(lock, [&] { return waiting_.size() < max_waiting_; });
    waiting_.push_back(std::move(page));
    ++outstanding_;
    lock.unlock();
    have_work_.notify_one();
}

std::vector<PreparedResult> PageWorkers::take() {
    std::lock_guard lock(mu_);
    std::vector<PreparedResult> out;
    out.swap(done_);
    outstanding_ -= out.size();
    return out;
}

std::vector<PreparedResult> PageWorkers::finish() {
    std::unique_lock lock(mu_);
    all_done_.wait(lock, [&] { return waiting_.empty() && busy_ == 0; });
    std::vector<PreparedResult> out;
    out.swap(done_);
    outstanding_ -= out.size();
    return out;
}

std::size_t PageWorkers::outstanding() const {
    std::lock_guard lock(mu_);
    return outstanding_;
}

void PageWorkers::work() {
    for (;;) {
        std::unique_lock lock(mu_);
        have_work_.wait(lock, [&] { return closing_ || !waiting_.empty(); });
        if (waiting_.empty()) return;  // closing, and nothing left
        RawPage raw = std::move(waiting_.front());
        waiting_.pop_front();
        ++busy_;
        lock.unlock();
        have_room_.notify_one();

        PreparedResult r;
        r.tag = raw.tag;
        std::string outlet = raw.page.outlet;
        try {
            double t0 = thread_cpu_seconds();
            raw.page.body = crawler::decode_to_utf8(raw.page.body, raw.content_type).text;
            r.decode_cpu = thread_cpu_seconds() - t0;
            r.page = ingest_.prepare(std::move(raw.page));
        } catch (const std::exception& e) {
            // A page that breaks extraction is skipped with the reason, not the crawl.
            r.page.outlet = std::move(outlet);
            r.page.error = std::string("extraction failed: ") + e.what();
        }

        lock.lock();
        done_.push_back(std::move(r));
        --busy_;
        bool idle = waiting_.empty() && busy_ == 0;
        lock.unlock();
        if (idle) all_done_.notify_all();
        if (on_ready_) on_ready_();
    }
}

}  // namespace presswatch::pipeline
