#include "pipeline/index_check.h"

#include <set>

#include "index/index.h"
#include "pipeline/index_sync.h"

namespace presswatch::pipeline {

IndexCheck check_index(store::Store& store) {
    IndexCheck c;
    std::set<std::int64_t> pending;
    for (const auto& e : store.pending_index_entries(static_cast<std::size_t>(-1) >> 1)) pending.insert(e.article_id);
    c.pending.assign(pending.begin(), pending.end());

    std::map<std::int64_t, std::string> indexed;
    if (std::filesystem::exists(index_dir(store))) {
        c.index_exists = true;
        indexed = index::Searcher(index_dir(store)).fingerprints();
    }
    c.documents = indexed.size();
    for (std::int64_t id : store.all_article_ids()) {
        ++c.articles;
        auto it = indexed.find(id);
        bool queued = pending.count(id) > 0;
        if (it == indexed.end()) {
            if (!queued) c.missing.push_back(id);
            continue;
        }
        auto a = store.article(id);
        if (a && index::fingerprint(index_document(*a)) != it->second && !queued) c.stale.push_back(id);
        indexed.erase(it);
    }
    for (const auto& [id, fp] : indexed)
        if (!pending.count(id)) c.extra.push_back(id);
    return c;
}

std::size_t repair_index(store::Store& store, const IndexCheck& check) {
    store.db().transaction([&] {
        for (const auto* ids : {&check.missing, &check.extra, &check.stale})
            for (auto id : *ids) store.queue_index(id);
    });
    return sync_index(store);
}

}  // namespace presswatch::pipeline
