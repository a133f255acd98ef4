// presswatch respond ID --sent --agency SLUG --letter NUMBER --date D [--deadline D]
//                       --answered --date D [--reply NUMBER] [--summary TEXT]
//                       --published URL | --close | --reopen | --reassign --agency ... --letter ... --date ...
// Without an action: shows the item's response and its history.
#include <iostream>

#include <fmt/format.h>

#include "briefing/labels.h"
#include "briefing/respond_step.h"
#include "cli/context.h"
#include "cli/workflow_args.h"
#include "core/error.h"
#include "store/workflow.h"
#include "text/dates.h"

namespace presswatch::cli::cmd_respond {
namespace {

struct Options {
    std::int64_t id = 0;
    bool sent = false, answered = false, close = false, reopen = false, reassign = false;
    std::string published;
    std::string agency, letter, date, deadline, reply, summary, reason;
};

int show(store::Store& st, std::int64_t id) {
    store::Workflow wf(st, "viewer");
    auto a = st.article(id);
    std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    std::cout << fmt::format("[{}] {}\n{}\nTình trạng: {}\n", id, a->article.headline, a->article.url,
                             briefing::status_label(store::effective_status(*a, now)));
    if (auto r = wf.response(id)) {
        if (!r->agency.empty()) std::cout << fmt::format("Cơ quan: {}\n", r->agency);
        if (!r->letter_number.empty())
            std::cout << fmt::format("Công văn: số {}, ngày {}\n", r->letter_number,
                                     r->letter_date ? briefing::vietnamese_date(*r->letter_date) : "?");
        if (r->deadline) std::cout << fmt::format("Hạn trả lời: {}\n", briefing::vietnamese_date(*r->deadline));
        if (r->answered_date)
            std::cout << fmt::format("Trả lời: {} {} {}\n", briefing::vietnamese_date(*r->answered_date),
                                     r->reply_number, r->answer_summary);
        if (!r->published_url.empty()) std::cout << fmt::format("Phản hồi đã đăng: {}\n", r->published_url);
    }
    for (const auto& e : wf.audit_log(id))
        std::cout << fmt::format("  {}  {:<10} {:<10} {}\n", text::vietnamese_datetime(e.at), e.user, e.action,
                                 e.detail_json);
    return 0;
}

int run(Context& ctx, const Options& o) {
    int actions = int(o.sent) + int(o.answered) + int(!o.published.empty()) + int(o.close) + int(o.reopen) +
                  int(o.reassign);
    if (actions > 1) throw InputError("give one action at a time: --sent, --answered, --published, --close, --reopen or --reassign");
    store::Store st(ctx.data_dir());
    if (!st.article(o.id)) throw InputError(fmt::format("no article with id {}", o.id));
    if (actions == 0) return show(st, o.id);
    store::Workflow wf(st, ctx.user());
    briefing::RespondStep step{o.sent       ? "sent"
                               : o.answered ? "answered"
                               : !o.published.empty() ? "published"
                               : o.close    ? "close"
                               : o.reopen   ? "reopen"
                                            : "reassign",
                               o.agency, o.letter, o.date, o.deadline, o.reply, o.summary, o.published, o.reason};
    briefing::apply_respond_step(wf, st, ctx.config(), o.id, step);
    sync_index_or_warn(st);  // status: and agency: reach search
    auto a = st.article(o.id);
    std::cout << fmt::format("[{}] {}\n", o.id, briefing::status_label(a->response_status));
    return 0;
}

void register_respond(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("respond", "Follow a flagged item: letter sent, answered, reply published, closed");
    cmd->add_option("id", o->id, "Article id")->required();
    cmd->add_flag("--sent", o->sent, "A letter was sent to the agency (needs --letter and --date)");
    cmd->add_flag("--answered", o->answered, "The agency answered (needs --date)");
    cmd->add_option("--published", o->published, "Link of the published reply or correction");
    cmd->add_flag("--close", o->close, "Nothing more to do");
    cmd->add_flag("--reopen", o->reopen, "Reopen a closed item");
    cmd->add_flag("--reassign", o->reassign, "Send to another agency (needs --agency, --letter, --date)");
    cmd->add_option("--agency", o->agency, "Agency slug, e.g. so-nnmt (default: triage's, when it named one)");
    cmd->add_option("--letter", o->letter, "Letter number, e.g. 125/SKHCN-TTBC");
    cmd->add_option("--date", o->date, "Date of the letter or the answer (YYYY-MM-DD)");
    cmd->add_option("--deadline", o->deadline, "Answer due by (YYYY-MM-DD); default from triage or briefing.toml");
    cmd->add_option("--reply", o->reply, "The agency's reply number");
    cmd->add_option("--summary", o->summary, "What the agency answered");
    cmd->add_option("--reason", o->reason, "Why (for --close and --reopen)");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run(ctx, *o); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_respond);
}  // namespace presswatch::cli::cmd_respond
