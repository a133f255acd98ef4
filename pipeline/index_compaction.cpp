#include "pipeline/index_compaction.h"

#include "pipeline/index_sync.h"

namespace presswatch::pipeline {

std::optional<index::CompactResult> compact_index_if_due(const store::Store& store) {
    auto dir = index_dir(store);
    if (!index::compaction_due(dir, index_compaction_policy)) return std::nullopt;
    return index::compact_index(dir);
}

}  // namespace presswatch::pipeline
