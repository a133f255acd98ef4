#pragma once
// Raw page snapshots are most of the database (a page is ~170 KB raw, ~30
// KB compressed, against ~5 KB of text and metadata). Every clipping's
// snapshots are evidence and kept forever; an article that is not about
// the province keeps its text and metadata (search --all needs them) but
// its snapshots only for [storage] snapshot_days. The crawler prunes
// between passes, a small batch per transaction, so that it never holds
// the write lock long. Not thread-safe (one Database).
#include <cstddef>
#include <cstdint>

#include "store/database.h"

namespace presswatch::store {

// Snapshots deleted per transaction.
constexpr std::size_t prune_batch = 500;

struct PruneResult {
    std::size_t snapshots = 0;   // rows deleted
    std::uint64_t bytes = 0;     // their compressed size
};

// Deletes the snapshots fetched before now - keep_days of articles that are
// not clippings, not marked relevant by a person and not flagged, at most
// max_rows of them, prune_batch per transaction. keep_days 0: keeps all.
PruneResult prune_snapshots(Database& db, std::int64_t now, int keep_days, std::size_t max_rows);

}  // namespace presswatch::store
