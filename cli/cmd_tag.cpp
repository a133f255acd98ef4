// presswatch tag QUERY +topic -topic ...
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "cli/workflow_args.h"
#include "config/error.h"
#include "store/workflow.h"

namespace presswatch::cli {
namespace {

int run(Context& ctx, const std::vector<std::string>& words) {
    std::vector<std::string> query, add, remove;
    for (const auto& w : words) {
        if (w.size() > 1 && w[0] == '+') add.push_back(w.substr(1));
        else if (w.size() > 1 && w[0] == '-' && w[1] != '-') remove.push_back(w.substr(1));
        else if (w.rfind("--", 0) == 0) throw InputError("unknown option " + w + " for tag");
        else query.push_back(w);
    }
    if (add.empty() && remove.empty())
        throw InputError("no topic given: write +topic to add and -topic to remove, like +moi-truong -kinh-te");
    store::Store st(ctx.data_dir());
    auto ids = resolve_articles(ctx, st, query);
    store::Workflow wf(st, ctx.user());
    for (auto id : ids) wf.change_topics(id, add, remove);
    std::cout << fmt::format("Đã cập nhật lĩnh vực cho {} tin.\n", ids.size());
    return 0;
}

void register_tag(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("tag", "Add (+topic) or remove (-topic) topics of clippings");
    cmd->allow_extras();
    cmd->positionals_at_end(false);
    cmd->footer("Example: presswatch tag 12 15 +dat-dai -kinh-te");
    cmd->callback([&ctx, cmd] {
        auto words = cmd->remaining();
        ctx.action = [&ctx, words] { return run(ctx, words); };
    });
}

}  // namespace
PRESSWATCH_COMMAND(register_tag);
}  // namespace presswatch::cli
