// presswatch show ID: one stored article with its triage and review state.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "briefing/labels.h"
#include "cli/context.h"
#include "core/error.h"
#include "extract/article_json.h"
#include "store/store.h"
#include "text/dates.h"

namespace presswatch::cli::cmd_show {
namespace {

struct Options {
    std::int64_t id = 0;
    bool json = false;
    bool snapshot = false;
};

int run(Context& ctx, const Options& o) {
    store::Store st(ctx.data_dir());
    auto a = st.article(o.id);
    if (!a) throw InputError(fmt::format("không có bài số {} (no article with id {}); try `presswatch search`", o.id, o.id));
    if (o.snapshot) {
        auto snap = st.snapshot(o.id);
        if (!snap) throw InputError(fmt::format("bài số {} không có bản lưu trang (no snapshot)", o.id));
        std::cout << snap->body;
        return 0;
    }
    nlohmann::json decision = nlohmann::json::parse(a->decision_json, nullptr, false);
    if (o.json) {
        nlohmann::json j = article_to_json(a->article);
        j["id"] = a->id;
        j["outlet"] = a->outlet;
        j["fetched"] = text::iso8601(a->fetched);
        j["review"] = a->review;
        j["mention_level"] = a->mention_level;
        j["topics"] = a->topics;
        j["triage"] = decision;
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    const auto& art = a->article;
    std::cout << art.headline << "\n";
    std::cout << fmt::format("{} · {} · {}\n", a->outlet,
                             art.published ? text::vietnamese_datetime(*art.published) : "không rõ ngày",
                             art.author.empty() ? "không rõ tác giả" : art.author);
    std::cout << art.url << "\n\n";
    if (!art.description.empty()) std::cout << art.description << "\n\n";
    std::cout << art.body << "\n\n";
    std::cout << fmt::format("Tin về tỉnh: {} (điểm {:.2f}) · Mức nhắc đến tỉnh: {} · Duyệt: {}\n",
                             a->clipping ? "có" : "không", a->score, briefing::mention_level_label(a->mention_level), a->review);
    if (!a->topics.empty()) {
        std::string t;
        for (const auto& s : a->topics) t += (t.empty() ? "" : ", ") + s;
        std::cout << "Chủ đề: " << t << "\n";
    }
    std::cout << "Sắc thái: " << a->tone << "\n";
    if (a->flagged) {
        std::string ag;
        for (const auto& s : a->agencies) ag += (ag.empty() ? "" : ", ") + s;
        std::cout << fmt::format("Cần trả lời: mức {} · cơ quan: {} · hạn: {}\n", a->severity, ag,
                                 a->deadline ? text::vietnamese_datetime(*a->deadline) : "chưa định");
    }
    if (decision.is_object() && decision.contains("mentions")) {
        std::cout << "Nhắc đến:\n";
        for (const auto& m : decision["mentions"])
            std::cout << fmt::format("  [{}] {}{}: …{}…\n", m.value("field", ""), m.value("text", ""),
                                     m.value("passing", false) ? " (nhắc qua)" : "", m.value("snippet", ""));
    }
    return 0;
}

void register_show(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("show", "Show one stored article: text, triage, review state");
    cmd->add_option("ID", o->id, "Article id, as `presswatch search` lists it")->required();
    cmd->add_flag("--json", o->json, "Print JSON");
    cmd->add_flag("--snapshot", o->snapshot, "Print the page as it was fetched");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run(ctx, *o); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_show);
}  // namespace presswatch::cli::cmd_show
