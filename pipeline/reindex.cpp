#include "pipeline/reindex.h"

#include <atomic>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "core/error.h"
#include "index/bulk_build.h"
#include "index/compaction.h"
#include "pipeline/index_sync.h"

namespace presswatch::pipeline {

ReindexResult reindex(store::Store& store, unsigned threads) {
    std::filesystem::path live = index_dir(store);
    std::filesystem::path fresh = live.string() + ".new";
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());

    // Hold the live index's lock: a sync now fails (its rows stay queued)
    // instead of writing to an index that is about to be replaced.
    std::optional<index::Writer> lock;
    if (std::filesystem::exists(live)) {
        lock.emplace(live);
        // Opening may record the schema version: commit it now, while the
        // path still names this index, so nothing is written after the swap.
        lock->commit();
    }

    auto journal = store.pending_index_entries(static_cast<std::size_t>(-1) >> 1);
    std::vector<std::int64_t> ids = store.all_article_ids();
    std::error_code ec;
    std::filesystem::remove_all(fresh, ec);  // a previous reindex that died
    {
        index::BulkBuilder builder(fresh, std::min<unsigned>(threads, std::max<std::size_t>(1, ids.size())));
        std::filesystem::path data = store.data_dir();
        index::run_per_lane(builder, [&](unsigned lane) {
            // One connection per thread: a Store is not thread-safe.
            store::Store reader(data);
            for (std::size_t i = lane; i < ids.size(); i += builder.lanes())
                if (auto a = reader.article(ids[i])) builder.add(lane, index_document(*a));
        });
        builder.finish();
    }
    index::exchange_folders(fresh, live);
    lock.reset();
    std::filesystem::remove_all(fresh, ec);  // the old index, after the exchange

    ReindexResult r;
    r.articles = ids.size();
    // Journal rows read before the build are in the new index unless they
    // changed since (their version moved on): clear only those.
    store.mark_indexed(journal);
    r.synced = sync_index(store);
    return r;
}

}  // namespace presswatch::pipeline
