// `presswatch search QUERY`: keyword search over the clippings. The index
// finds and ranks; headlines, dates and snippet text come from the store
// (the truth) by id. Saved searches: --save NAME, then @NAME.
#include <ctime>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "briefing/render.h"
#include "cli/context.h"
#include "cli/output.h"
#include "cli/search_output.h"
#include "core/error.h"
#include "pipeline/search_page.h"
#include "pipeline/search_report.h"
#include "store/saved_search.h"
#include "store/store.h"

namespace presswatch::cli::cmd_search {
namespace {

struct SearchArgs {
    std::vector<std::string> words;
    bool exact = false, collapse = false, facets = false, all = false;
    std::string sort;            // empty: the saved search's, else relevance
    std::size_t offset = 0, limit = 20;
    bool json = false, csv = false;
    std::string save;
    bool list_saved = false;
    std::string delete_saved;
    std::string report;          // --report FILE.docx|FILE.html
    bool limit_given = false;
};

// The hits a report holds when --limit is not given: as many as a search
// may return, as in the web search page's Word and HTML downloads.
constexpr std::size_t report_limit = pipeline::max_search_limit;

// The report's format from the file's extension, checked before searching.
std::string report_format(const std::string& file) {
    auto ext = std::filesystem::path(file).extension().string();
    if (ext == ".docx" || ext == ".html") return ext.substr(1);
    throw InputError(fmt::format("--report {}: the file must end in .docx (Word) or .html", file));
}

std::string joined(const std::vector<std::string>& words) {
    std::string q;
    for (const auto& w : words) q += (q.empty() ? "" : " ") + w;
    return q;
}

int run(Context& ctx, SearchArgs& args) {
    std::filesystem::path data = ctx.data_dir();
    if (!std::filesystem::exists(data / "presswatch.db"))
        throw InputError(fmt::format("there is no presswatch data in {}: run `presswatch crawl` or `presswatch demo` "
                                     "first, or give --data DIR",
                                     data.string()));
    std::string format = args.report.empty() ? "" : report_format(args.report);
    store::Store store(data);

    if (args.list_saved) {
        print_saved_searches(store::saved_searches(store), args.json);
        return 0;
    }
    if (!args.delete_saved.empty()) {
        if (!store::delete_saved_search(store, args.delete_saved))
            throw InputError(fmt::format("there is no saved search named '{}'", args.delete_saved));
        std::cout << fmt::format("Đã xoá tìm kiếm đã lưu «{}».\n", args.delete_saved);
        return 0;
    }

    pipeline::SearchRequest request;
    request.query = joined(args.words);
    request.exact = args.exact;
    request.collapse = args.collapse;
    request.facets = args.facets;
    request.all = args.all;
    request.sort = args.sort;
    request.offset = args.offset;
    request.limit = !args.report.empty() && !args.limit_given ? report_limit : args.limit;
    pipeline::SearchPage page = pipeline::run_search(store, request);

    if (!args.save.empty()) {
        store::SavedSearch s{args.save, page.query, page.options.exact, page.options.collapse, page.sort, ctx.user()};
        store::save_search(store, s);
    }

    if (!args.report.empty()) {
        briefing::write_file(args.report, pipeline::search_report(page, ctx.config(), store, format,
                                                                  static_cast<std::int64_t>(std::time(nullptr))));
        std::cerr << fmt::format("{} kết quả cho «{}», {} trong báo cáo -> {}\n", page.result.total, page.query,
                                 page.rows.size(), args.report);
        return 0;
    }
    if (args.json) print_search_json(page);
    else if (args.csv) print_search_csv(page);
    else print_search_table(page, stdout_is_terminal(), ctx.config(), briefing::OutletNames(ctx.config(), store));
    if (!args.save.empty() && !args.json && !args.csv)
        std::cout << fmt::format("Đã lưu tìm kiếm «{}»: dùng lại bằng presswatch search @{}\n", args.save, args.save);
    return 0;
}

void register_search(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<SearchArgs>();
    CLI::App* cmd = app.add_subcommand("search", "Search the clippings (Vietnamese, with or without diacritics)");
    cmd->footer(
        "Query language: words (all must match), \"a phrase\", OR, NOT or -word, ( ), nghi*,\n"
        "fields title: lead: author: outlet: topic: tag: place: agency: review: status: tone:,\n"
        "is:flagged is:new is:clipping, date:2026-11-01..2026-11-30 date:2026-11 date:today date:7d.\n"
        "A query starting with '-' goes after --, e.g. presswatch search -- -lu thanh hoa.\n"
        "@NAME runs a saved search. See docs/search.md.");
    cmd->add_option("query", args->words, "The query (several words are joined with spaces), or @NAME");
    cmd->add_flag("--exact", args->exact, "Diacritics must match as typed (Hóa finds Hóa and Hoá, not Hòa or hoa)");
    cmd->add_option("--sort", args->sort, "Order: relevance (default) or date (newest first)")
        ->check(CLI::IsMember({"relevance", "date"}));
    cmd->add_flag("--collapse", args->collapse, "One hit per story (the same story in several outlets)");
    cmd->add_flag("--facets", args->facets, "Counts by outlet, topic, month, agency, response status, tone and flag");
    cmd->add_flag("--all", args->all, "Search every stored article, not only clippings");
    cmd->add_option("--offset", args->offset, "Skip this many hits (pagination)");
    auto* limit = cmd->add_option("--limit", args->limit, "Hits per page (default 20; 1,000 with --report)");
    auto* json = cmd->add_flag("--json", args->json, "Print JSON");
    auto* csv = cmd->add_flag("--csv", args->csv, "Print CSV")->excludes(json);
    cmd->add_option("--report", args->report,
                    "Write the hits as a report to FILE.docx (Word) or FILE.html, laid out as the briefing's list")
        ->excludes(json)
        ->excludes(csv);
    cmd->add_option("--save", args->save, "Save the query under NAME (then: presswatch search @NAME)");
    cmd->add_flag("--list-saved", args->list_saved, "List the saved searches");
    cmd->add_option("--delete-saved", args->delete_saved, "Delete the saved search NAME");
    cmd->callback([&ctx, args, limit] {
        args->limit_given = limit->count() > 0;
        ctx.action = [&ctx, args] { return run(ctx, *args); };
    });
}

}  // namespace

PRESSWATCH_COMMAND(register_search);

}  // namespace presswatch::cli::cmd_search
