#include "index/compaction.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>

#include <fmt/format.h>
#include <xapian.h>

#include "core/error.h"
#include "index/index.h"

namespace presswatch::index {
namespace {

namespace fs = std::filesystem;

// The index's own record of its size and documents after its last compaction.
constexpr const char* compacted_bytes_key = "presswatch-compacted-bytes";
constexpr const char* compacted_documents_key = "presswatch-compacted-documents";

fs::path scratch_of(const fs::path& dir) { return dir.string() + ".compact"; }

void sync_folder(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;  // best effort: the rename itself is atomic
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

std::uint64_t index_bytes(const fs::path& dir) {
    std::error_code ec;
    std::uint64_t n = 0;
    if (!fs::is_directory(dir, ec)) return 0;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) n += it->file_size(ec);
    return n;
}

std::optional<Compacted> last_compaction(const fs::path& dir) {
    try {
        Xapian::Database db(dir.string());
        std::string bytes = db.get_metadata(compacted_bytes_key), docs = db.get_metadata(compacted_documents_key);
        if (bytes.empty() || docs.empty()) return std::nullopt;
        return Compacted{std::stoull(bytes), std::stoll(docs)};
    } catch (const Xapian::Error&) {
        return std::nullopt;  // no index yet: nothing to compact either
    } catch (const std::logic_error&) {
        return std::nullopt;  // not a number: treat as never compacted
    }
}

bool compaction_due(const fs::path& dir, const CompactionPolicy& policy) {
    std::uint64_t bytes = index_bytes(dir);
    if (bytes < policy.min_bytes) return false;
    auto last = last_compaction(dir);
    if (!last) return true;
    std::int64_t documents = 0;
    try {
        documents = Xapian::Database(dir.string()).get_doccount();
    } catch (const Xapian::Error&) {
        return false;  // not readable now: the next sync asks again
    }
    return static_cast<double>(documents) >= static_cast<double>(last->documents) * (1.0 + policy.document_growth) ||
           static_cast<double>(bytes) >= static_cast<double>(last->bytes) * (1.0 + policy.size_growth);
}

void exchange_folders(const fs::path& from, const fs::path& to) {
    int r = fs::exists(to) ? renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_EXCHANGE)
                           : std::rename(from.c_str(), to.c_str());
    if (r != 0)
        throw RuntimeFailure(fmt::format("cannot move the new index {} into place at {}: {}", from.string(),
                                         to.string(), std::strerror(errno)));
    sync_folder(to.parent_path().empty() ? fs::path(".") : to.parent_path());
}

CompactResult compact_index(const fs::path& dir, const std::function<void(CompactStep)>& after_step) {
    auto step = [&](CompactStep s) {
        if (after_step) after_step(s);
    };
    auto t0 = std::chrono::steady_clock::now();
    if (!fs::exists(dir))
        throw RuntimeFailure(fmt::format("there is no search index in {} to compact", dir.string()));
    // The writer lock: no sync writes to the index while it is copied.
    // Opening may record the schema version: commit it before the copy.
    std::optional<Writer> lock(std::in_place, dir);
    lock->commit();
    const fs::path scratch = scratch_of(dir);
    std::error_code ec;
    fs::remove_all(scratch, ec);  // a compaction that died, or its old index
    step(CompactStep::started);

    CompactResult r;
    r.bytes_before = index_bytes(dir);
    auto space = fs::space(dir, ec);
    if (!ec && space.available < r.bytes_before)
        throw RuntimeFailure(fmt::format(
            "not enough free disk to compact the search index {}: it takes {:.1f} MB and {:.1f} MB are free; "
            "free some space (or move the data folder) and try again",
            dir.string(), static_cast<double>(r.bytes_before) / 1e6, static_cast<double>(space.available) / 1e6));
    try {
        Xapian::Database live(dir.string());
        r.documents = live.get_doccount();
        live.compact(scratch.string(), Xapian::DBCOMPACT_NO_RENUMBER);
        r.bytes_after = index_bytes(scratch);
        // The size to measure the next compaction's growth from; the
        // commit also makes the copy durable before the swap.
        Xapian::WritableDatabase out(scratch.string(), Xapian::DB_OPEN);
        out.set_metadata(compacted_bytes_key, std::to_string(r.bytes_after));
        out.set_metadata(compacted_documents_key, std::to_string(r.documents));
        out.commit();
    } catch (const Xapian::Error& e) {
        fs::remove_all(scratch, ec);
        throw RuntimeFailure(fmt::format("cannot compact the search index {}: {} (the index is unchanged)",
                                         dir.string(), e.get_description()));
    }
    step(CompactStep::copied);
    exchange_folders(scratch, dir);
    step(CompactStep::exchanged);
    lock.reset();  // the lock of the old index, now at scratch
    fs::remove_all(scratch, ec);
    step(CompactStep::removed);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

}  // namespace presswatch::index
