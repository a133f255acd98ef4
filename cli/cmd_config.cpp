// presswatch config check | show
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"

namespace presswatch::cli::cmd_config {
namespace {

int check(Context& ctx) {
    const auto& cfg = ctx.config();
    int central = 0, local = 0, feeds = 0;
    for (const auto& o : cfg.outlets) {
        (o.kind == "central" ? central : local)++;
        feeds += static_cast<int>(o.feeds.size() + o.sitemaps.size() + o.listings.size());
    }
    std::cout << "Cấu hình hợp lệ (configuration is valid)\n";
    for (const auto& [file, origin] : cfg.origins) std::cout << fmt::format("  {:<16} {}\n", file, origin);
    std::cout << fmt::format("  Tỉnh: {} ({} tên địa danh)\n", cfg.province.name, cfg.province.names.size());
    std::cout << fmt::format("  Cơ quan báo chí: {} (Trung ương {}, địa phương {}), {} nguồn tin\n",
                             cfg.outlets.size(), central, local, feeds);
    std::cout << fmt::format("  Dữ liệu: {}\n", ctx.data_dir().string());
    return 0;
}

int show(Context& ctx) {
    const auto& cfg = ctx.config();
    for (const auto& name : config::config_file_names()) {
        auto origin = cfg.origins.count(name) ? cfg.origins.at(name) : "built-in";
        std::cout << "# ==== " << name << " (" << origin << ")\n";
        if (origin == "built-in") {
            std::cout << config::builtin_config_file(name).value_or("") << "\n";
        } else {
            std::ifstream in(origin);
            std::cout << in.rdbuf() << "\n";
        }
    }
    return 0;
}

void register_config(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("config", "Check or show the configuration");
    cmd->require_subcommand(1);
    cmd->add_subcommand("check", "Validate every configuration file and summarise it")
        ->callback([&ctx] { ctx.action = [&ctx] { return check(ctx); }; });
    cmd->add_subcommand("show", "Print the effective configuration files, with where each came from")
        ->callback([&ctx] { ctx.action = [&ctx] { return show(ctx); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_config);
}  // namespace presswatch::cli::cmd_config
