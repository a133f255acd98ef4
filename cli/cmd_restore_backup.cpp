// presswatch restore-backup SRC [--force]: put a backup back into the data
// folder, rebuild the index and check it (pipeline/restore_backup.h).
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "pipeline/restore_backup.h"

namespace presswatch::cli::cmd_restore_backup {
namespace {

int run(Context& ctx, const std::string& src, bool force) {
    std::filesystem::path data = ctx.data_dir();
    auto r = pipeline::restore_backup(src, data, force);
    std::cout << fmt::format("Đã khôi phục bản sao lưu lúc {} vào {}: {} bài.\n", r.created_at, data.string(),
                             r.articles);
    if (r.schema_from != r.schema_to)
        std::cout << fmt::format("Đã nâng cấp cơ sở dữ liệu từ phiên bản {} lên {}.\n", r.schema_from, r.schema_to);
    if (!r.moved_aside.empty())
        std::cout << fmt::format("Dữ liệu cũ được chuyển sang {} (xoá khi không cần nữa).\n", r.moved_aside.string());
    if (!r.config_copy.empty())
        std::cout << fmt::format("Cấu hình trong bản sao lưu được chép ra {}: so với cấu hình đang dùng và chép "
                                 "những gì cần.\n",
                                 r.config_copy.string());
    std::cout << fmt::format("Đã lập lại chỉ mục tìm kiếm: {} bài.\n", r.index.articles);
    std::cout << fmt::format("Kiểm tra: kho {} bài · chỉ mục {} bài · {}\n", r.check.articles, r.check.documents,
                             r.check.consistent() ? "khớp." : "KHÔNG khớp: chạy presswatch check --repair.");
    return r.check.consistent() ? 0 : 1;
}

void register_restore_backup(CLI::App& app, Context& ctx) {
    auto src = std::make_shared<std::string>();
    auto force = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("restore-backup",
                                   "Restore a backup made by `presswatch backup` into the data folder, then rebuild "
                                   "the index and check it");
    cmd->add_option("src", *src, "The backup folder (DEST/presswatch-backup-…)")->required();
    cmd->add_flag("--force", *force, "Restore into a non-empty data folder (its database and index are moved aside)");
    cmd->callback([&ctx, src, force] { ctx.action = [&ctx, src, force] { return run(ctx, *src, *force); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_restore_backup);
}  // namespace presswatch::cli::cmd_restore_backup
