// presswatch restore FILE: load a dump into the data folder, matching articles by URL.
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "cli/workflow_args.h"
#include "core/error.h"
#include "store/workflow_dump.h"

namespace presswatch::cli::cmd_restore {
namespace {

// Unmatched URLs listed at most: the count says the rest.
constexpr std::size_t max_listed = 20;

int run(Context& ctx, const std::string& file) {
    store::Store st(ctx.data_dir());
    store::RestoreResult r;
    if (file == "-") {
        r = store::restore_decisions(st, std::cin, "stdin", ctx.user());
    } else {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw InputError("cannot read " + file + ": check that it exists and is readable");
        r = store::restore_decisions(st, in, file, ctx.user());
    }
    sync_index_or_warn(st);  // the restored decisions reach search
    std::cout << fmt::format("Đã khôi phục quyết định cho {} tin, {} dòng nhật ký.\n", r.articles, r.audit);
    if (!r.unmatched.empty()) {
        std::cout << fmt::format("{} tin chưa có trong dữ liệu này (chưa thu thập?): quyết định của chúng được giữ "
                                 "lại và tự áp dụng khi bài được thu thập hoặc nhập:\n",
                                 r.unmatched.size());
        for (std::size_t i = 0; i < r.unmatched.size() && i < max_listed; ++i) std::cout << "  " << r.unmatched[i] << "\n";
        if (r.unmatched.size() > max_listed)
            std::cout << fmt::format("  ... và {} tin khác\n", r.unmatched.size() - max_listed);
    }
    std::cout << fmt::format("Đang chờ bài viết: {} quyết định.\n", r.waiting);
    return 0;
}

void register_restore(CLI::App& app, Context& ctx) {
    auto file = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("restore", "Load decisions written by `presswatch dump`, matching articles by URL");
    cmd->add_option("file", *file, "The dump (- for standard input)")->required();
    cmd->callback([&ctx, file] { ctx.action = [&ctx, file] { return run(ctx, *file); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_restore);
}  // namespace presswatch::cli::cmd_restore
