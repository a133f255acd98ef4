// presswatch compact-index: compact the search index in place now
// (index/compaction.h). A running crawler does this itself as the index
// grows (pipeline/index_compaction.h); this is for after an upgrade, a big
// import, or before a backup of the whole folder. Takes the crawl lock, so
// it never competes with a crawler for the index writer.
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "core/error.h"
#include "index/compaction.h"
#include "pipeline/index_sync.h"
#include "store/crawl_lock.h"
#include "store/store.h"

namespace presswatch::cli::cmd_compact_index {
namespace {

int run(Context& ctx) {
    std::filesystem::path data = ctx.data_dir();
    if (!std::filesystem::exists(data / "presswatch.db"))
        throw InputError(fmt::format("there is no presswatch data in {}: nothing to compact", data.string()));
    store::CrawlLock crawl_lock(data);
    store::Store store(data);
    auto dir = pipeline::index_dir(store);
    if (!std::filesystem::exists(dir))
        throw InputError(fmt::format("there is no search index in {}: run `presswatch reindex` to build it",
                                     dir.string()));
    auto r = index::compact_index(dir);
    std::cout << fmt::format("Đã nén chỉ mục tìm kiếm: {} bài, {:.1f} MB còn {:.1f} MB, trong {:.1f} giây.\n",
                             r.documents, static_cast<double>(r.bytes_before) / 1e6,
                             static_cast<double>(r.bytes_after) / 1e6, r.seconds);
    return 0;
}

void register_compact_index(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "compact-index", "Compact the search index in place now (a running crawler also does it as the index grows)");
    cmd->callback([&ctx] { ctx.action = [&ctx] { return run(ctx); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_compact_index);
}  // namespace presswatch::cli::cmd_compact_index
