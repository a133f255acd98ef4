// `presswatch import FILE...`: WARC files of fetched pages and JSON lines
// of articles, through extract, triage, store and index like a crawl.
#include <iostream>

#include <fmt/format.h>

#include "cli/context.h"
#include "pipeline/archive.h"
#include "store/crawl_lock.h"
#include "store/store.h"

namespace presswatch::cli::cmd_import {
namespace {

void register_import(CLI::App& app, Context& ctx) {
    auto files = std::make_shared<std::vector<std::string>>();
    auto* cmd = app.add_subcommand("import", "Import WARC files (.warc, .warc.gz) or JSON lines of articles");
    cmd->add_option("FILE", *files, "WARC or JSON-lines files")->required()->check(CLI::ExistingFile);
    cmd->footer("Example: presswatch import thang3.warc.gz bai-viet.jsonl\n"
                "Importing the same file again changes nothing.");
    cmd->callback([&ctx, files] {
        ctx.action = [&ctx, files] {
            const auto& cfg = ctx.config();
            auto data = ctx.data_dir();
            store::CrawlLock lock(data);  // one writer at a time, like a crawl
            store::Store st(data);
            std::vector<std::filesystem::path> paths(files->begin(), files->end());
            auto s = pipeline::import_files(cfg, st, paths);
            for (const auto& p : s.problems) std::cerr << "bỏ qua: " << p << "\n";
            std::cout << fmt::format(
                "Đã đọc {} tệp, {} bản ghi: {} bài mới ({} tin về tỉnh), {} bài cập nhật, {} bài đã có, {} bỏ qua; "
                "{} bài được lập chỉ mục.\n",
                s.files, s.records, s.new_articles, s.new_clippings, s.changed_articles, s.unchanged, s.skipped,
                s.indexed);
            return 0;
        };
    });
}

}  // namespace
PRESSWATCH_COMMAND(register_import);
}  // namespace presswatch::cli::cmd_import
