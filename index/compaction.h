#pragma once
// Compacting the index in place. Glass leaves its B-tree blocks partly
// empty as documents arrive a commit at a time; Xapian's compaction
// rewrites them full: the index of a crawled store gets about half as big
// (docs/benchmarks.md, "Disk that lasts for years").
//
// compact_index holds the live index's writer lock throughout (a sync
// meanwhile fails and its journal rows wait, pipeline/index_sync.h),
// copies the index compacted into <dir>.compact, records the copy's size
// and document count in its metadata, swaps the two folders with one
// renameat2(RENAME_EXCHANGE) and removes the old one. A kill at any moment
// leaves <dir> either the old index or the complete compacted one (the
// exchange is atomic); a half-written or old <dir>.compact left behind is
// removed by the next compaction. Document ids are kept
// (DBCOMPACT_NO_RENUMBER), so searches rank and tie-break as before.
//
// Readers: a Searcher opened before the swap keeps reading the old files
// (unlinked, still open) until it is destroyed; presswatch opens one per
// search (web request, command), so the next search reads the new folder.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>

namespace presswatch::index {

// Points of compact_index, for the kill test.
enum class CompactStep {
    started,    // lock held, any leftover <dir>.compact removed
    copied,     // <dir>.compact complete and its size recorded; <dir> untouched
    exchanged,  // <dir> is the compacted index; the old one is <dir>.compact
    removed,    // the old index is gone
};

struct CompactResult {
    std::uint64_t bytes_before = 0, bytes_after = 0;
    std::int64_t documents = 0;
    double seconds = 0;
};

// The bytes of the index folder's files; 0 when there is none.
std::uint64_t index_bytes(const std::filesystem::path& dir);

// What the index measured just after its last compaction by compact_index
// (kept in its metadata); nullopt when it never had one (new, or built by
// a reindex).
struct Compacted {
    std::uint64_t bytes = 0;
    std::int64_t documents = 0;
};
std::optional<Compacted> last_compaction(const std::filesystem::path& dir);

// When to compact. Measured on bench_disk: a compacted index grows fast
// with its first updates (its full blocks split: +36 % after one crawl
// pass at 4,000 documents), so its size says little about what a new
// compaction would save; the documents added since say it better.
struct CompactionPolicy {
    double document_growth = 0.05;   // documents added since the last compaction, as a share
    double size_growth = 1.0;        // or the folder grew by this share (many documents rewritten)
    std::uint64_t min_bytes = 32'000'000;  // smaller: not worth a rewrite
};

// True when the index holds at least policy.min_bytes and either was never
// compacted, or holds policy.document_growth more documents, or is
// policy.size_growth bigger, than just after its last compaction.
bool compaction_due(const std::filesystem::path& dir, const CompactionPolicy& policy);

// Compacts the index in dir in place (above). Throws RuntimeFailure when
// another process writes it (try again later), when the file system has
// less free space than the index takes (the copy needs up to as much), or
// when Xapian fails; the live index is then unchanged.
CompactResult compact_index(const std::filesystem::path& dir,
                            const std::function<void(CompactStep)>& after_step = {});

// Swaps two folders atomically (renameat2 RENAME_EXCHANGE); a plain rename
// when `to` does not exist. Then syncs their parent folder, so that the
// swap survives a power cut. Throws RuntimeFailure naming both.
void exchange_folders(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace presswatch::index
