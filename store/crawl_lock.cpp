#include "store/crawl_lock.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/error.h"

namespace presswatch::store {
namespace {

std::string read_owner(int fd) {
    char buf[256] = {};
    ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    std::string owner = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string("an unknown process");
    while (!owner.empty() && (owner.back() == '\n' || owner.back() == ' ')) owner.pop_back();
    return owner;
}

}  // namespace

std::optional<std::string> crawl_lock_owner(const std::filesystem::path& data_dir) {
    auto file = data_dir / "crawl.lock";
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return std::nullopt;
    // The kernel's table of locks, read rather than probed: even a shared
    // flock() tried for a moment could make a crawler starting at that
    // instant fail to take its lock. Lines read
    // "1: FLOCK  ADVISORY  WRITE 4242 08:01:1234567 0 EOF".
    std::ifstream locks("/proc/locks");
    std::string id = fmt::format("{:02x}:{:02x}:{}", major(st.st_dev), minor(st.st_dev), st.st_ino);
    bool held = false;
    for (std::string line; std::getline(locks, line);)
        if (line.find("FLOCK") != std::string::npos && line.find(" " + id + " ") != std::string::npos) held = true;
    if (!held) return std::nullopt;
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::string("an unknown process");
    std::string owner = read_owner(fd);
    ::close(fd);
    return owner;
}

CrawlLock::CrawlLock(const std::filesystem::path& data_dir) {
    std::filesystem::create_directories(data_dir);
    auto file = data_dir / "crawl.lock";
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw RuntimeFailure(fmt::format("cannot open {}: {}", file.string(), std::strerror(errno)));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        int err = errno;
        std::string owner = read_owner(fd_);
        ::close(fd_);
        fd_ = -1;
        if (err == EWOULDBLOCK)
            throw RuntimeFailure(fmt::format(
                "another crawler is already working on {} ({}); wait for it to finish or stop it. "
                "Searches and reports keep working meanwhile.",
                data_dir.string(), owner));
        throw RuntimeFailure(fmt::format("cannot lock {}: {}", file.string(), std::strerror(err)));
    }
    char when[32] = {};
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    auto line = fmt::format("pid {}, started {}\n", ::getpid(), when);
    if (::ftruncate(fd_, 0) == 0) {
        [[maybe_unused]] auto w = ::pwrite(fd_, line.data(), line.size(), 0);
    }
}

CrawlLock::~CrawlLock() {
    if (fd_ >= 0) {
        // Leave the file: removing it would race with a crawler opening it.
        ::flock(fd_, LOCK_UN);
        ::close(fd_);
    }
}

}  // namespace presswatch::store
