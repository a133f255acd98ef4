// `presswatch extract FILE|- [--url URL] [--fetch-time ISO]`: the article
// one saved page holds, as the crawler would store it, printed as one JSON
// object (schema.org NewsArticle names).
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/context.h"
#include "core/error.h"
#include "extract/article_json.h"
#include "extract/extract.h"
#include "text/dates.h"

namespace presswatch::cli::cmd_extract {
namespace {

struct ExtractArgs {
    std::string file;
    std::string url;
    std::string fetch_time;
};

std::string read_input(const std::string& file) {
    if (file == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        return ss.str();
    }
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    if (!in) throw InputError("cannot read " + file + ": no such file or not readable");
    std::string data(static_cast<std::size_t>(in.tellg()), '\0');
    in.seekg(0);
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    return data;
}

std::string host_of(const std::string& url) {
    auto p = url.find("://");
    if (p == std::string::npos) return {};
    auto start = p + 3;
    auto end = url.find_first_of("/?#", start);
    return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

int run_extract(Context& ctx, const ExtractArgs& args) {
    std::string html = read_input(args.file);
    extract::ExtractOptions options;
    options.url = args.url;
    if (!args.fetch_time.empty()) {
        auto t = text::parse_iso8601(args.fetch_time);
        if (!t)
            throw InputError("--fetch-time \"" + args.fetch_time +
                             "\" is not an ISO 8601 time (e.g. 2026-03-07T09:00:00+07:00)");
        options.fetch_time = *t;
    }
    if (std::string host = host_of(args.url); !host.empty()) options.outlet = ctx.config().outlet_for_host(host);
    extract::ExtractedPage page = extract::extract_page(html, options);
    const Article& a = page.article;
    std::cout << article_to_json(a).dump(2) << "\n";
    if (page.kind == extract::PageKind::listing) {
        std::cerr << "presswatch: " << (args.file == "-" ? "standard input" : args.file)
                  << " is a listing page (home, section or tag page), not an article: the crawler takes only its "
                     "links\n";
        return 1;
    }
    if (a.body.empty()) {
        std::cerr << "presswatch: no article body found in " << (args.file == "-" ? "standard input" : args.file)
                  << " (is it an article page?)\n";
        return 1;
    }
    return 0;
}

void register_extract(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<ExtractArgs>();
    CLI::App* cmd = app.add_subcommand("extract", "Extract the article from a saved HTML page and print it as JSON");
    cmd->add_option("file", args->file, "HTML file, or - for standard input")->required();
    cmd->add_option("--url", args->url, "Where the page was fetched (used when it names no canonical URL)");
    cmd->add_option("--fetch-time", args->fetch_time,
                    "When the page was fetched, ISO 8601 (relative dates such as \"2 giờ trước\" count from it; "
                    "default: now)");
    cmd->footer("Exit codes: 0 article found, 1 no article body found or a listing page, 2 bad input.");
    cmd->callback([&ctx, args]() { ctx.action = [&ctx, args]() { return run_extract(ctx, *args); }; });
}

}  // namespace

PRESSWATCH_COMMAND(register_extract);

}  // namespace presswatch::cli::cmd_extract
