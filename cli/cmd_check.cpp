// presswatch check [--repair]: does the search index match the store?
// Exit 0 when it does (or was mended), 1 when differences remain.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "core/error.h"
#include "pipeline/index_check.h"
#include "store/store.h"

namespace presswatch::cli::cmd_check {
namespace {

// Ids listed per kind of difference; the count says how many in all.
constexpr std::size_t max_listed_ids = 20;

std::string id_list(const std::vector<std::int64_t>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size() && i < max_listed_ids; ++i) out += (i ? ", " : "") + std::to_string(ids[i]);
    if (ids.size() > max_listed_ids) out += fmt::format(", … (+{})", ids.size() - max_listed_ids);
    return out;
}

void print(const pipeline::IndexCheck& c, bool json) {
    if (json) {
        std::cout << nlohmann::json{{"articles", c.articles},   {"documents", c.documents}, {"missing", c.missing},
                                    {"extra", c.extra},         {"stale", c.stale},         {"pending", c.pending},
                                    {"consistent", c.consistent()}}
                         .dump(2)
                  << "\n";
        return;
    }
    std::cout << fmt::format("Kho: {} bài · chỉ mục: {} bài · chờ lập chỉ mục: {}\n", c.articles, c.documents,
                             c.pending.size());
    auto line = [](const char* what, const std::vector<std::int64_t>& ids) {
        if (!ids.empty()) std::cout << fmt::format("{}: {} ({})\n", what, ids.size(), id_list(ids));
    };
    line("Thiếu trong chỉ mục", c.missing);
    line("Thừa trong chỉ mục (đã xoá khỏi kho)", c.extra);
    line("Chỉ mục đã cũ", c.stale);
    std::cout << (c.consistent() ? "Chỉ mục khớp với kho.\n" : "Chỉ mục KHÔNG khớp với kho: chạy presswatch check --repair.\n");
}

int run(Context& ctx, bool repair, bool json) {
    std::filesystem::path data = ctx.data_dir();
    if (!std::filesystem::exists(data / "presswatch.db"))
        throw InputError(fmt::format("there is no presswatch data in {}: nothing to check", data.string()));
    store::Store store(data);
    auto c = pipeline::check_index(store);
    if (repair && (!c.consistent() || !c.pending.empty())) {
        std::size_t n = pipeline::repair_index(store, c);
        if (!json) std::cout << fmt::format("Đã sửa: lập lại chỉ mục cho {} bài.\n", n);
        c = pipeline::check_index(store);
    }
    print(c, json);
    return c.consistent() ? 0 : 1;
}

void register_check(CLI::App& app, Context& ctx) {
    auto repair = std::make_shared<bool>(false), json = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("check", "Compare the search index with the store; --repair mends it");
    cmd->add_flag("--repair", *repair, "Re-index whatever differs (and whatever is still queued)");
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([&ctx, repair, json] { ctx.action = [&ctx, repair, json] { return run(ctx, *repair, *json); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_check);
}  // namespace presswatch::cli::cmd_check
