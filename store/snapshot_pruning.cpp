#include "store/snapshot_pruning.h"

#include <algorithm>
#include <vector>

namespace presswatch::store {

PruneResult prune_snapshots(Database& db, std::int64_t now, int keep_days, std::size_t max_rows) {
    PruneResult r;
    if (keep_days <= 0) return r;
    const std::int64_t before = now - std::int64_t{keep_days} * 86400;
    while (r.snapshots < max_rows) {
        const auto limit = static_cast<std::int64_t>(std::min(prune_batch, max_rows - r.snapshots));
        std::size_t done = db.transaction([&] {
            auto pick = db.prepare(
                // From the old snapshots to their articles (snapshot_fetched,
                // migration 61): the other way round, each call walked
                // every non-clipping article ever stored, holding the write
                // lock for seconds after a year (docs/benchmarks.md, disk).
                "SELECT s.id, length(s.body) FROM snapshot s INDEXED BY snapshot_fetched "
                "CROSS JOIN article a ON a.id = s.article_id "
                "WHERE s.fetched < ?1 AND a.clipping = 0 "
                "AND NOT EXISTS (SELECT 1 FROM review v WHERE v.article_id = a.id AND v.state = 'relevant') "
                "AND NOT EXISTS (SELECT 1 FROM flag f WHERE f.article_id = a.id AND f.needed = 1) "
                "LIMIT ?2");
            pick.bind(1, before).bind(2, limit);
            auto del = db.prepare("DELETE FROM snapshot WHERE id = ?1");
            std::vector<std::int64_t> ids;
            while (pick.step()) {
                ids.push_back(pick.int64(0));
                r.bytes += static_cast<std::uint64_t>(pick.int64(1));
            }
            for (auto id : ids) del.bind(1, id).run();
            return ids.size();
        });
        r.snapshots += done;
        if (done < static_cast<std::size_t>(limit)) break;
    }
    return r;
}

}  // namespace presswatch::store
