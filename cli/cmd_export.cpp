// `presswatch export --warc FILE [QUERY]` and `--jsonl FILE [QUERY]`: the
// clippings (those matching QUERY, else all) as a WARC file of their
// stored snapshots, or as JSON lines of articles.
#include <fstream>
#include <iostream>
#include <limits>

#include <fmt/format.h>

#include "cli/context.h"
#include "core/error.h"
#include "index/index.h"
#include "pipeline/archive.h"
#include "pipeline/index_sync.h"
#include "store/store.h"

namespace presswatch::cli::cmd_export {
namespace {

std::vector<std::int64_t> selected(store::Store& st, const std::string& query) {
    std::vector<std::int64_t> ids;
    if (query.empty()) {
        for (const auto& a : st.clippings(std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()))
            ids.push_back(a.id);
        return ids;
    }
    index::Searcher searcher(pipeline::index_dir(st));
    index::SearchOptions opt;
    opt.limit = std::numeric_limits<std::size_t>::max() / 2;
    opt.sort = index::SortOrder::date;
    opt.clippings_only = true;
    for (const auto& h : searcher.search(query, opt).hits) ids.push_back(h.id);
    return ids;
}

void register_export(CLI::App& app, Context& ctx) {
    struct Opts {
        std::string warc, jsonl, query;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand("export", "Write clippings as a WARC file (their pages as fetched) or JSON lines");
    auto* w = cmd->add_option("--warc", o->warc, "WARC file to write (gzip-compressed when it ends in .gz)");
    auto* j = cmd->add_option("--jsonl", o->jsonl, "JSON-lines file of articles to write");
    w->excludes(j);
    cmd->add_option("QUERY", o->query, "Only clippings matching this search (default: all clippings)");
    cmd->footer("Example: presswatch export --warc thang3.warc.gz 'date:2026-03'");
    cmd->callback([&ctx, o] {
        ctx.action = [&ctx, o] {
            if (o->warc.empty() && o->jsonl.empty()) throw InputError("export: give --warc FILE or --jsonl FILE");
            store::Store st(ctx.data_dir());
            auto ids = selected(st, o->query);
            const std::string& path = o->warc.empty() ? o->jsonl : o->warc;
            std::ofstream out(path, std::ios::binary | std::ios::trunc);
            if (!out) throw InputError("cannot write " + path + ": check the folder exists and is writable");
            std::size_t n = o->warc.empty() ? pipeline::export_jsonl(st, ids, out)
                                            : pipeline::export_warc(st, ids, out, path.ends_with(".gz"));
            out.close();
            if (!out) throw RuntimeFailure("writing " + path + " failed (disk full?)");
            std::cout << fmt::format("Đã ghi {} bài vào {}\n", n, path);
            return 0;
        };
    });
}

}  // namespace
PRESSWATCH_COMMAND(register_export);
}  // namespace presswatch::cli::cmd_export
