// presswatch backup DEST [--keep N]: a consistent backup of the store while
// the crawler and the web server keep running (store/backup.h).
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "core/error.h"
#include "store/backup.h"

namespace presswatch::cli::cmd_backup {
namespace {

struct Options {
    std::string dest;
    int keep = 0;
    bool json = false;
};

int run(Context& ctx, const Options& o) {
    std::filesystem::path data = ctx.data_dir();
    if (!std::filesystem::exists(data / "presswatch.db"))
        throw InputError(fmt::format("there is no presswatch data in {}: nothing to back up", data.string()));
    store::Store st(data);
    store::BackupRequest req{o.dest, ctx.config().origins, PRESSWATCH_VERSION, o.keep};
    auto r = store::make_backup(st, req);
    if (o.json) {
        nlohmann::json j = {{"folder", r.folder.string()}, {"bytes", r.bytes}, {"articles", r.articles},
                            {"seconds", r.seconds}, {"removed", nlohmann::json::array()}};
        for (const auto& p : r.removed) j["removed"].push_back(p.string());
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::cout << fmt::format("Đã sao lưu {} bài vào {} ({:.1f} MB, {:.1f} giây).\n", r.articles, r.folder.string(),
                             static_cast<double>(r.bytes) / 1e6, r.seconds);
    for (const auto& p : r.removed) std::cout << fmt::format("Đã xoá bản sao lưu cũ: {}\n", p.string());
    return 0;
}

void register_backup(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "backup", "Back up the database and configuration into a new folder in DEST (safe while crawling)");
    cmd->add_option("dest", o->dest, "Folder that holds the backups (created if missing)")->required();
    cmd->add_option("--keep", o->keep, "Keep only the newest N backups in DEST")->check(CLI::PositiveNumber);
    cmd->add_flag("--json", o->json, "Print JSON");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run(ctx, *o); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_backup);
}  // namespace presswatch::cli::cmd_backup
