#pragma once
// When the index writer compacts the index (index/compaction.h): after a
// sync that wrote, when index::compaction_due says so with
// index_compaction_policy. The IndexKeeper (the one writer of a crawling
// process) calls it; `presswatch compact-index` compacts at once.
//
// Why 5 % more documents: each compaction rewrites the whole index (at a
// year's ~10 GB a minute or two, syncs waiting), and between two of them
// the new documents take about twice their compacted size. 5 % keeps the
// index within ~10 % of its compacted size plus the split blocks of a
// compacted index's first updates (measured: docs/benchmarks.md, disk);
// at 4,000 articles a day that is a compaction every ~18 days at a year,
// every ~1.2 days at 100,000 articles, and several a day in the first
// week, when each takes a second or two.
// A compaction needs free disk for the copy (up to the index's size);
// without it, it is skipped with a message and tried again later.
#include <optional>

#include "index/compaction.h"
#include "store/store.h"

namespace presswatch::pipeline {

inline constexpr index::CompactionPolicy index_compaction_policy{};

// Compacts the store's index when due; nullopt when not due.
// Throws what index::compact_index throws.
std::optional<index::CompactResult> compact_index_if_due(const store::Store& store);

}  // namespace presswatch::pipeline
