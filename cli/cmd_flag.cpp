// presswatch flag ID [--agency SLUG]... [--reason TEXT] [--severity N] | --clear --reason TEXT
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "cli/workflow_args.h"
#include "config/agency_check.h"
#include "core/error.h"
#include "store/workflow.h"

namespace presswatch::cli::cmd_flag {
namespace {

struct Options {
    std::vector<std::string> ids;
    std::vector<std::string> agencies;
    std::string reason;
    int severity = 0;
    bool clear = false;
};

int run(Context& ctx, const Options& o) {
    config::check_agencies(ctx.config(), o.agencies);  // before anything is opened or written
    store::Store st(ctx.data_dir());
    auto ids = resolve_articles(ctx, st, o.ids);
    store::Workflow wf(st, ctx.user());
    for (auto id : ids) {
        if (o.clear) wf.clear_flag(id, o.reason);
        else wf.set_flag(id, o.reason, o.agencies, o.severity ? std::optional<int>(o.severity) : std::nullopt);
    }
    sync_index_or_warn(st);
    if (o.clear) std::cout << fmt::format("Đã bỏ đánh dấu {} tin.\n", ids.size());
    else std::cout << fmt::format("Đã đánh dấu cần trả lời {} tin.\n", ids.size());
    return 0;
}

void register_flag(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("flag", "Flag clippings as needing an agency's answer, or clear the flag");
    cmd->add_option("id", o->ids, "Article ids")->required();
    cmd->add_option("--agency", o->agencies, "Agency slug that must answer (repeatable), e.g. so-nnmt");
    cmd->add_option("--reason", o->reason, "Why (required with --clear)");
    cmd->add_option("--severity", o->severity, "1 (low) to 3 (high)")->check(CLI::Range(1, 3));
    cmd->add_flag("--clear", o->clear, "Clear the flag");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run(ctx, *o); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_flag);
}  // namespace presswatch::cli::cmd_flag
