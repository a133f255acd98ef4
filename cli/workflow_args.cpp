#include "cli/workflow_args.h"

#include <algorithm>

#include <fmt/format.h>

#include "config/error.h"
#include "text/dates.h"

namespace presswatch::cli {

std::vector<std::int64_t> resolve_articles(Context&, store::Store& store, const std::vector<std::string>& words) {
    if (words.empty()) throw InputError("give the article ids (as `presswatch search` shows them) or a search query");
    bool all_ids = std::all_of(words.begin(), words.end(), [](const std::string& w) {
        return !w.empty() && w.size() < 19 && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    });
    if (!all_ids) {
        std::string query;
        for (const auto& w : words) query += (query.empty() ? "" : " ") + w;
        // Queries go through index::Searcher once the index stage lands.
        throw InputError(fmt::format(
            "\"{}\" is not a list of article ids, and this build cannot search yet: give ids as `presswatch review` "
            "shows them",
            query));
    }
    std::vector<std::int64_t> ids;
    for (const auto& w : words) {
        std::int64_t id = std::stoll(w);
        if (!store.article(id)) throw InputError(fmt::format("no article with id {}: nothing was changed", id));
        ids.push_back(id);
    }
    return ids;
}

std::int64_t parse_when(const std::string& option, const std::string& value) {
    if (auto t = text::parse_iso8601(value)) return *t;
    throw InputError(fmt::format("{} \"{}\" is not a date: write YYYY-MM-DD, like 2026-11-26", option, value));
}

}  // namespace presswatch::cli
