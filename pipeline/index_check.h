#pragma once
// `presswatch check`: compares the index with the store (the truth) and,
// asked to, mends the differences through the one writer (the journal and
// sync_index). Reads every article: an administrator's command, not a
// per-request one.
#include <cstdint>
#include <vector>

#include "store/store.h"

namespace presswatch::pipeline {

struct IndexCheck {
    std::vector<std::int64_t> missing;  // in the store, not in the index
    std::vector<std::int64_t> extra;    // in the index, gone from the store
    std::vector<std::int64_t> stale;    // in both, the index's copy out of date
    std::vector<std::int64_t> pending;  // queued in the journal (the next sync's work)
    std::size_t articles = 0, documents = 0;
    bool index_exists = false;
    // Pending rows are normal between a change and its sync; everything
    // else is damage.
    bool consistent() const { return missing.empty() && extra.empty() && stale.empty(); }
};

IndexCheck check_index(store::Store& store);

// Queues every id that check found different and runs the sync. Returns
// how many articles were (re)indexed or removed.
std::size_t repair_index(store::Store& store, const IndexCheck& check);

}  // namespace presswatch::pipeline
