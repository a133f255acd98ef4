// presswatch review [--limit N] [--json] | --interactive
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "briefing/month_report.h"
#include "cli/context.h"
#include "cli/workflow_args.h"
#include "cli/review_terminal.h"
#include "core/error.h"
#include "store/workflow.h"
#include "text/dates.h"

namespace presswatch::cli::cmd_review {
namespace {

struct Options {
    std::size_t limit = 0;
    bool json = false, interactive = false;
};

int run(Context& ctx, const Options& o) {
    store::Store st(ctx.data_dir());
    if (o.interactive) {
        int rc = review_interactively(st, ctx.config(), ctx.user());
        sync_index_or_warn(st);  // the decisions reach search (is:new, review:)
        return rc;
    }
    store::Workflow wf(st, ctx.user());
    // Subject items first; the articles that name the province only in
    // passing follow in a section of their own, so a reader can stop early.
    auto subject = wf.unreviewed(o.limit);
    auto passing = wf.unreviewed_passing(o.limit);
    auto print_section = [&](const std::vector<std::int64_t>& ids, const char* title) {
        if (!o.json && !ids.empty()) std::cout << fmt::format("=== {} ({}) ===\n\n", title, ids.size());
        for (auto id : ids) {
            auto a = st.article(id);
            if (!a) continue;
            auto why = store::review_reasons(*a);
            auto when = a->article.published.value_or(a->fetched);
            if (o.json) {
                std::cout << nlohmann::json{{"id", id}, {"outlet", a->outlet}, {"published", text::iso8601(when)},
                                            {"headline", a->article.headline}, {"lead", a->article.description},
                                            {"url", a->article.url}, {"topics", a->topics}, {"flagged", a->flagged},
                                            {"mention_level", a->mention_level}, {"why", why}}
                                 .dump()
                          << "\n";
                continue;
            }
            std::cout << fmt::format("[{}] {} · {}{}\n{}\n", id,
                                     briefing::outlet_name_kind(ctx.config(), a->outlet).first,
                                     text::vietnamese_datetime(when), a->flagged ? " · CẦN TRẢ LỜI" : "",
                                     a->article.headline);
            if (!a->article.description.empty()) std::cout << a->article.description << "\n";
            std::cout << a->article.url << "\n";
            for (const auto& w : why) std::cout << "  Lý do: " << w << "\n";
            std::cout << "\n";
        }
    };
    print_section(subject, "Tin về tỉnh");
    print_section(passing, "Nhắc qua đến tỉnh");
    if (!o.json)
        std::cerr << fmt::format("{} tin chưa duyệt, {} bài nhắc qua đến tỉnh chưa duyệt.\n", subject.size(),
                                 passing.size());
    return 0;
}

void register_review(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("review", "List clippings not yet reviewed, oldest first; then, apart, articles naming the province in passing");
    cmd->add_option("--limit", o->limit, "At most this many");
    cmd->add_flag("--json", o->json, "One JSON object a line");
    cmd->add_flag("-i,--interactive", o->interactive,
                  "Walk them one at a time on the terminal (keys: r relevant, n not relevant, f flag, t topics, "
                  "c note, o link, q quit)");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run(ctx, *o); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_review);
}  // namespace presswatch::cli::cmd_review
