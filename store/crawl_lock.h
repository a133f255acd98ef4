#pragma once
// One crawler per data folder. The lock is an flock() on
// <data>/crawl.lock holding the owner's pid and start time; the kernel
// drops it when the process dies (kill -9 included), so a stale file never
// blocks. Readers (search, show, stats) never take it and keep working
// during a crawl, thanks to SQLite's WAL.
#include <filesystem>
#include <optional>
#include <string>

namespace presswatch::store {

class CrawlLock {
public:
    // Takes the lock or throws RuntimeFailure naming the process holding it.
    explicit CrawlLock(const std::filesystem::path& data_dir);
    ~CrawlLock();
    CrawlLock(const CrawlLock&) = delete;
    CrawlLock& operator=(const CrawlLock&) = delete;

private:
    int fd_ = -1;
};

// The running crawler's "pid N, started TIME" when one holds the lock of
// data_dir, else nullopt. Reads the kernel's lock table (/proc/locks) and
// takes no lock itself.
std::optional<std::string> crawl_lock_owner(const std::filesystem::path& data_dir);

}  // namespace presswatch::store
