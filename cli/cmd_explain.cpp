// presswatch explain ID: why a stored article is (or is not) a clipping,
// its topics, tone and flag: every rule that fired, with its weight and the
// text it matched. Reads the store; changes nothing.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "briefing/labels.h"
#include "cli/context.h"
#include "core/error.h"
#include "store/store.h"
#include "text/dates.h"
#include "triage/decision_json.h"

namespace presswatch::cli::cmd_explain {
namespace {

void print_list(const char* title, const std::vector<std::string>& lines) {
    std::cout << title << "\n";
    if (lines.empty()) std::cout << "  (không có)\n";
    for (const auto& l : lines) std::cout << "  - " << l << "\n";
}

int explain(Context& ctx, std::int64_t id) {
    store::Store st(ctx.data_dir());
    auto a = st.article(id);
    if (!a) throw InputError(fmt::format("no article {} in {}: list them with `presswatch search`", id,
                                         ctx.data_dir().string()));
    auto j = nlohmann::json::parse(a->decision_json, nullptr, false);
    if (j.is_discarded()) throw RuntimeFailure(fmt::format("article {}: the stored decision is not valid JSON", id));
    triage::Decision d = triage::decision_from_json(j);
    std::cout << fmt::format("Bài {}: {}\n{}\n\n", id, a->article.headline, a->article.url);
    std::cout << fmt::format("Tin về tỉnh: {} (điểm {})\n", d.clipping ? "CÓ" : "KHÔNG", d.score);
    // The stored level: decisions older than the levels carry none.
    std::cout << fmt::format("Mức nhắc đến tỉnh: {} ({})\n", briefing::mention_level_label(a->mention_level), a->mention_level);
    print_list("Lý do:", d.reasons);
    std::cout << "Các lần nhắc tên:\n";
    if (d.mentions.empty()) std::cout << "  (không có)\n";
    for (const auto& m : d.mentions)
        std::cout << fmt::format("  - \"{}\" = {} ({}), {} @{}{}: {}\n", m.text, m.name, m.kind,
                                 triage::field_name(m.field), m.offset, m.passing ? ", nhắc qua" : "", m.snippet);
    std::cout << "Chủ đề:\n";
    if (d.topics.empty()) std::cout << "  (không có)\n";
    for (const auto& t : d.topics) {
        std::cout << fmt::format("  - {} ({:.2f})\n", t.slug, t.score);
        for (const auto& e : t.evidence) std::cout << "      " << e << "\n";
    }
    std::cout << fmt::format("Sắc thái: {}\n", d.tone);
    for (const auto& e : d.tone_evidence) std::cout << "  - " << e << "\n";
    std::cout << fmt::format("Cần trả lời: {}", d.flag.needed ? "CÓ" : "KHÔNG");
    if (d.flag.needed) {
        std::string agencies;
        for (const auto& s : d.flag.agencies) agencies += (agencies.empty() ? "" : ", ") + s;
        std::cout << fmt::format(", mức {}, cơ quan: {}, hạn: {}", d.flag.severity, agencies,
                                 d.flag.deadline ? text::vietnamese_datetime(*d.flag.deadline) : "chưa có quy tắc");
    }
    std::cout << "\n";
    print_list("Dấu hiệu:", d.flag.reasons);
    if (a->flagged != d.flag.needed || a->topics.size() != d.topics.size())
        std::cout << "\nLưu ý: người dùng đã sửa chủ đề hoặc cờ của bài này; quyết định của người dùng được giữ.\n";
    return 0;
}

void register_explain(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("explain", "Explain triage's decision on a stored article: rules, weights, matched text");
    auto id = std::make_shared<std::int64_t>(0);
    cmd->add_option("ID", *id, "Article id")->required();
    cmd->callback([&ctx, id] { ctx.action = [&ctx, id] { return explain(ctx, *id); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_explain);
}  // namespace presswatch::cli::cmd_explain
