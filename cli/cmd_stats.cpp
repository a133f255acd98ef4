// presswatch stats: what the archive holds.
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "cli/output.h"
#include "store/store.h"

namespace presswatch::cli::cmd_stats {
namespace {

int run(Context& ctx, bool json) {
    store::Store st(ctx.data_dir());
    auto s = st.stats();
    if (json) {
        nlohmann::json j = {{"articles", s.articles}, {"clippings", s.clippings}, {"flagged", s.flagged},
                            {"unreviewed", s.unreviewed}, {"urls", s.urls}, {"urls_queued", s.urls_queued},
                            {"urls_failed", s.urls_failed}, {"snapshots", s.snapshots}};
        for (const auto& o : s.outlets)
            j["outlets"].push_back({{"slug", o.slug}, {"name", o.name}, {"articles", o.articles}, {"clippings", o.clippings}});
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::cout << fmt::format("Dữ liệu: {}\n", st.data_dir().string());
    std::cout << fmt::format("Bài đã lưu: {}  ·  tin về tỉnh: {}  ·  cần trả lời: {}  ·  chưa duyệt: {}\n", s.articles,
                             s.clippings, s.flagged, s.unreviewed);
    std::cout << fmt::format("Địa chỉ đã biết: {}  ·  đang chờ: {}  ·  lỗi: {}  ·  bản lưu trang: {}\n\n", s.urls,
                             s.urls_queued, s.urls_failed, s.snapshots);
    Records r({{"outlet", "Báo"}, {"articles", "Bài"}, {"clippings", "Tin về tỉnh"}});
    for (const auto& o : s.outlets) r.add({{"outlet", o.name}, {"articles", o.articles}, {"clippings", o.clippings}});
    r.print(std::cout, Format::table);
    return 0;
}

void register_stats(CLI::App& app, Context& ctx) {
    auto json = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("stats", "Count what the archive holds, by outlet");
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([&ctx, json] { ctx.action = [&ctx, json] { return run(ctx, *json); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_stats);
}  // namespace presswatch::cli::cmd_stats
