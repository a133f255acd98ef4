// presswatch tag QUERY +topic -topic ...
#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "cli/workflow_args.h"
#include "core/error.h"
#include "store/workflow.h"

namespace presswatch::cli::cmd_tag {
namespace {

int run(Context& ctx, const std::vector<std::string>& words) {
    // +slug adds a topic; -slug removes one when slug is a topic, else it
    // is the query's NOT (e.g. -outlet:vnexpress).
    const auto& topics = ctx.config().triage.topics;
    auto is_topic = [&](const std::string& s) {
        return topics.empty() ? s.find(':') == std::string::npos
                              : std::any_of(topics.begin(), topics.end(),
                                            [&](const config::Topic& t) { return t.slug == s; });
    };
    std::vector<std::string> query, add, remove;
    for (const auto& w : words) {
        if (w.rfind("--", 0) == 0)
            throw InputError("unknown option " + w + " for tag (global options like --data go before `tag`)");
        if (w.size() > 1 && w[0] == '+') add.push_back(w.substr(1));
        else if (w.size() > 1 && w[0] == '-' && is_topic(w.substr(1))) remove.push_back(w.substr(1));
        else query.push_back(w);
    }
    check_topics(ctx.config(), add);
    if (add.empty() && remove.empty())
        throw InputError("no topic given: write +topic to add and -topic to remove, like +moi-truong -kinh-te");
    store::Store st(ctx.data_dir());
    auto ids = resolve_articles(ctx, st, query);
    store::Workflow wf(st, ctx.user());
    for (auto id : ids) wf.change_topics(id, add, remove);
    sync_index_or_warn(st);
    std::cout << fmt::format("Đã cập nhật lĩnh vực cho {} tin.\n", ids.size());
    return 0;
}

void register_tag(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("tag", "Add (+topic) or remove (-topic) topics of clippings");
    // Words like -kinh-te look like options to CLI11: keep every word here
    // (global options go before `tag`).
    cmd->allow_extras();
    cmd->fallthrough(false);
    cmd->footer("Example: presswatch tag 12 15 +dat-dai -kinh-te");
    cmd->callback([&ctx, cmd] {
        auto words = cmd->remaining();
        ctx.action = [&ctx, words] { return run(ctx, words); };
    });
}

}  // namespace
PRESSWATCH_COMMAND(register_tag);
}  // namespace presswatch::cli::cmd_tag
