// presswatch mark QUERY --relevant | --not-relevant | --new [--tone T] [--note TEXT]
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "cli/workflow_args.h"
#include "core/error.h"
#include "store/workflow.h"

namespace presswatch::cli::cmd_mark {
namespace {

struct Options {
    std::vector<std::string> query;
    bool relevant = false, not_relevant = false, reset = false;
    std::string tone, note;
};

int run(Context& ctx, const Options& o) {
    int states = int(o.relevant) + int(o.not_relevant) + int(o.reset);
    if (states > 1) throw InputError("give only one of --relevant, --not-relevant and --new");
    if (states == 0 && o.tone.empty() && o.note.empty())
        throw InputError("nothing to do: give --relevant, --not-relevant, --new, --tone or --note");
    store::Store st(ctx.data_dir());
    auto ids = resolve_articles(ctx, st, o.query);
    store::Workflow wf(st, ctx.user());
    std::string state = o.relevant ? "relevant" : o.not_relevant ? "not-relevant" : o.reset ? "new" : "";
    // Checked before the first write, so that a bad tone changes nothing.
    if (!o.tone.empty() && o.tone != "positive" && o.tone != "neutral" && o.tone != "negative" && o.tone != "auto")
        throw InputError("--tone \"" + o.tone + "\" is unknown: use positive, neutral, negative or auto");
    for (auto id : ids) {
        if (!state.empty()) wf.set_review(id, state);
        if (!o.tone.empty()) wf.set_tone(id, o.tone == "auto" ? "" : o.tone);
        if (!o.note.empty()) wf.add_note(id, o.note);
    }
    sync_index_or_warn(st);
    std::cout << fmt::format("Đã cập nhật {} tin.\n", ids.size());
    return 0;
}

void register_mark(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("mark", "Record the review of clippings: relevant or not, tone, a note");
    cmd->add_option("query", o->query, "Article ids (or a search query)")->required();
    cmd->add_flag("--relevant", o->relevant, "Relevant: counted in reports");
    cmd->add_flag("--not-relevant", o->not_relevant, "Not relevant: left out of reports, still searchable");
    cmd->add_flag("--new", o->reset, "Back to not reviewed");
    cmd->add_option("--tone", o->tone, "positive, neutral or negative; auto returns to triage's");
    cmd->add_option("--note", o->note, "Add a note");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run(ctx, *o); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_mark);
}  // namespace presswatch::cli::cmd_mark
