#pragma once
// Building a whole index at once (reindex, benchmark): one Writer per
// shard, each fed by its own thread, then all shards merged and compacted
// into the target folder. Xapian 1.4 indexes one document at a time per
// database, so shards are how a rebuild uses more than one core
// (../shared/notes/xapian-vietnamese.md §5, genenetwork's notes).
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "index/index.h"

namespace presswatch::index {

class BulkBuilder {
public:
    // dir must not exist yet (or be empty); shards live in dir.shards/
    // until finish(). Throws RuntimeFailure if dir cannot be made.
    BulkBuilder(const std::filesystem::path& dir, unsigned shards);
    ~BulkBuilder();  // removes the shards folder (also after a failure)
    BulkBuilder(const BulkBuilder&) = delete;
    BulkBuilder& operator=(const BulkBuilder&) = delete;

    unsigned shards() const;
    // The writer of shard i: use each from one thread only.
    Writer& shard(unsigned i);
    // Commits every shard, merges and compacts them into dir.
    void finish();

private:
    std::filesystem::path dir_, shards_dir_;
    std::vector<std::unique_ptr<Writer>> writers_;
    unsigned count_ = 0;
};

// Runs work(shard) on one thread per shard and waits for all; the first
// exception thrown by any of them is rethrown here.
void run_per_shard(BulkBuilder& builder, const std::function<void(unsigned shard)>& work);

// Articles per commit in a bulk build: Xapian's in-memory changes get
// slower to add to as they grow, and each commit has a fixed cost; about
// 2,000 articles of news length was fastest here (docs/benchmarks-search.md).
inline constexpr std::size_t bulk_commit_every = 2000;

}  // namespace presswatch::index
