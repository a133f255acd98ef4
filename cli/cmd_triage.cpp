// presswatch triage FILE: the decision on one article, as JSON. FILE is an
// article as `presswatch extract` prints it (JSON) or an HTML page (then it
// is extracted first). Touches no data folder, so anyone can check a
// decision on any text. "-" reads standard input.
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "core/error.h"
#include "extract/article_json.h"
#include "extract/extract.h"
#include "triage/decision_json.h"
#include "triage/triage.h"

namespace presswatch::cli::cmd_triage {
namespace {

std::string read_input(const std::string& path) {
    std::ostringstream ss;
    if (path == "-") {
        ss << std::cin.rdbuf();
        return ss.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("cannot read {}: check that the file exists", path));
    ss << in.rdbuf();
    return ss.str();
}

Article article_from_input(const std::string& text, const std::string& path) {
    auto first = text.find_first_not_of(" \t\r\n\xef\xbb\xbf");
    if (first != std::string::npos && text[first] == '{') {
        auto j = nlohmann::json::parse(text, nullptr, false);
        if (j.is_discarded())
            throw InputError(fmt::format("{}: starts like JSON but is not valid JSON; give an article as "
                                         "`presswatch extract` prints it, or an HTML page", path));
        return article_from_json(j);
    }
    extract::ExtractOptions opt;
    opt.url = "file://" + path;
    return extract::extract_article(text, opt);
}

int triage_file(Context& ctx, const std::string& path) {
    Article a = article_from_input(read_input(path), path);
    triage::Triager t(ctx.config());
    auto d = t.decide(a, static_cast<std::int64_t>(std::time(nullptr)));
    std::cout << triage::to_json(d).dump(2) << "\n";
    return 0;
}

void register_triage(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("triage", "Print triage's decision on one article (JSON or HTML file) as JSON");
    auto path = std::make_shared<std::string>();
    cmd->add_option("FILE", *path, "Article JSON (as `presswatch extract` prints it) or an HTML page; - for stdin")
        ->required();
    cmd->callback([&ctx, path] { ctx.action = [&ctx, path] { return triage_file(ctx, *path); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_triage);
}  // namespace presswatch::cli::cmd_triage
