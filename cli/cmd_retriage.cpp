// presswatch retriage [--since DATE] [QUERY]: runs triage again over the
// stored articles (after the configuration changed), fetching nothing, and
// reports what changed. QUERY is the search language (docs/search.md),
// run over every article, clippings or not, through the index. A person's
// tags, flag and review are never overridden (Store::save_decision keeps
// rows with source 'user').
#include <iostream>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "cli/output.h"
#include "cli/workflow_args.h"
#include "core/error.h"
#include "store/store.h"
#include "text/dates.h"
#include "triage/decision_json.h"
#include "triage/triage.h"

namespace presswatch::cli::cmd_retriage {
namespace {

struct Options {
    std::string since;
    std::vector<std::string> query;  // words of the query, joined by spaces
    bool dry_run = false;
};

std::string topics_of(const triage::Decision& d) {
    std::string s;
    for (const auto& t : d.topics) s += (s.empty() ? "" : ",") + t.slug;
    return s;
}

std::string flag_of(const triage::Decision& d) {
    if (!d.flag.needed) return "-";
    std::string s = fmt::format("mức {}", d.flag.severity);
    for (const auto& a : d.flag.agencies) s += " " + a;
    return s;
}

// What changed between two decisions, readable ("" when nothing did).
std::string changes(const triage::Decision& before, const triage::Decision& after) {
    std::vector<std::string> parts;
    if (before.clipping != after.clipping)
        parts.push_back(fmt::format("tin về tỉnh: {} -> {}", before.clipping ? "có" : "không", after.clipping ? "có" : "không"));
    if (topics_of(before) != topics_of(after))
        parts.push_back(fmt::format("chủ đề: [{}] -> [{}]", topics_of(before), topics_of(after)));
    if (before.tone != after.tone) parts.push_back(fmt::format("sắc thái: {} -> {}", before.tone, after.tone));
    if (flag_of(before) != flag_of(after)) parts.push_back(fmt::format("cờ: {} -> {}", flag_of(before), flag_of(after)));
    std::string s;
    for (const auto& p : parts) s += (s.empty() ? "" : "; ") + p;
    return s;
}

int retriage(Context& ctx, const Options& o) {
    std::optional<std::int64_t> since;
    if (!o.since.empty()) {
        since = text::parse_iso8601(o.since);
        if (!since) throw InputError(fmt::format("--since \"{}\" is not a date: write YYYY-MM-DD", o.since));
    }
    triage::Triager triager(ctx.config());
    store::Store st(ctx.data_dir());
    // Not only clippings: a changed configuration may make one of them.
    std::string query;
    for (const auto& w : o.query) query += (query.empty() ? "" : " ") + w;
    std::vector<std::int64_t> ids =
        query.empty() ? st.all_article_ids() : query_article_ids(st, query, /*clippings_only=*/false);
    Records out({{"id", "Mã"}, {"headline", "Tít", 50}, {"changes", "Thay đổi"}});
    int seen = 0, changed = 0;
    std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    for (auto id : ids) {
        auto a = st.article(id);
        if (!a) continue;
        std::int64_t when = a->article.published.value_or(a->fetched);
        if (since && when < *since) continue;
        ++seen;
        auto old_json = nlohmann::json::parse(a->decision_json, nullptr, false);
        triage::Decision before = old_json.is_discarded() ? triage::Decision{} : triage::decision_from_json(old_json);
        triage::Decision after = triager.decide(a->article, now);
        std::string what = changes(before, after);
        if (what.empty()) continue;
        ++changed;
        out.add({{"id", id}, {"headline", a->article.headline}, {"changes", what}});
        if (!o.dry_run) st.save_decision(id, after);
    }
    out.print(std::cout, stdout_is_terminal() ? Format::table : Format::json);
    std::cerr << fmt::format("Đã phân loại lại {} bài, {} bài thay đổi{}.\n", seen, changed,
                             o.dry_run ? " (chạy thử: chưa lưu)" : "");
    if (changed && !o.dry_run) {
        sync_index_or_warn(st);  // the new decisions reach search
    }
    return 0;
}

void register_retriage(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("retriage", "Run triage again over stored articles and report what changed");
    auto o = std::make_shared<Options>();
    cmd->add_option("--since", o->since, "Only articles published on or after this date (YYYY-MM-DD)");
    cmd->add_flag("--dry-run", o->dry_run, "Report the changes without saving them");
    cmd->add_option("QUERY", o->query,
                    "Only the articles this search query matches, clippings or not (as in `presswatch search`, "
                    "e.g. 'outlet:vnexpress date:2026-11')");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return retriage(ctx, *o); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_retriage);
}  // namespace presswatch::cli::cmd_retriage
