// presswatch reindex: rebuild the search index from the store and swap it
// in atomically (pipeline/reindex.h). Searches keep working meanwhile.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "core/error.h"
#include "pipeline/reindex.h"
#include "store/store.h"

namespace presswatch::cli::cmd_reindex {
namespace {

int run(Context& ctx, unsigned threads) {
    std::filesystem::path data = ctx.data_dir();
    if (!std::filesystem::exists(data / "presswatch.db"))
        throw InputError(fmt::format("there is no presswatch data in {}: nothing to index", data.string()));
    store::Store store(data);
    auto t0 = std::chrono::steady_clock::now();
    auto r = pipeline::reindex(store, threads);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << fmt::format("Đã lập lại chỉ mục tìm kiếm: {} bài trong {:.1f} giây", r.articles, s);
    if (r.synced) std::cout << fmt::format(" (cộng {} thay đổi trong lúc lập)", r.synced);
    std::cout << ".\n";
    return 0;
}

void register_reindex(CLI::App& app, Context& ctx) {
    auto threads = std::make_shared<unsigned>(0);
    auto* cmd = app.add_subcommand("reindex", "Rebuild the search index from the store (atomic swap)");
    cmd->add_option("--threads", *threads, "Writer threads (default: one per core)");
    cmd->callback([&ctx, threads] { ctx.action = [&ctx, threads] { return run(ctx, *threads); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_reindex);
}  // namespace presswatch::cli::cmd_reindex
