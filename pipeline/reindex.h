#pragma once
// `presswatch reindex`: rebuilds the whole index from the store into a new
// folder, then swaps it in atomically (renameat2 RENAME_EXCHANGE), so that
// searches never see a half-built or missing index. The old index's write
// lock is held throughout, so no sync writes to an index about to be
// replaced; changes stored meanwhile stay in the journal for the next sync.
#include <cstddef>

#include "store/store.h"

namespace presswatch::pipeline {

struct ReindexResult {
    std::size_t articles = 0;   // documents in the new index
    std::size_t synced = 0;     // journal rows applied after the swap
};

// threads: writer threads (shards) for the build; 0 = one per core.
// Throws RuntimeFailure if another process writes the index (a crawl).
ReindexResult reindex(store::Store& store, unsigned threads = 0);

}  // namespace presswatch::pipeline
