#include "cli/workflow_args.h"

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "core/error.h"
#include "index/index.h"
#include "pipeline/index_sync.h"
#include "text/dates.h"

namespace presswatch::cli {
namespace {

// A query that matches more clippings than this is almost surely a
// mistake for a bulk change; narrow it (date:, outlet:, is:new).
constexpr std::size_t max_query_matches = 20000;
constexpr std::size_t page = 1000;

bool is_id(const std::string& w) {
    return !w.empty() && w.size() < 19 && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::int64_t> search_ids(store::Store& store, const std::string& query) {
    auto ids = query_article_ids(store, query, true, max_query_matches);
    if (ids.empty()) throw InputError(fmt::format("no clipping matches \"{}\": nothing was changed", query));
    return ids;
}

}  // namespace

std::vector<std::int64_t> query_article_ids(store::Store& store, const std::string& query, bool clippings_only,
                                           std::size_t max_matches) {
    // Bring the index up to date first, so that the query sees every
    // decision already made (the index is derived and may lag).
    pipeline::sync_index(store);
    index::Searcher searcher(pipeline::index_dir(store));
    index::SearchOptions options;
    options.clippings_only = clippings_only;
    options.sort = index::SortOrder::date;  // a stable order to page through
    options.limit = page;
    std::vector<std::int64_t> ids;
    while (true) {
        auto r = searcher.search(query, options);
        for (const auto& h : r.hits) ids.push_back(h.id);
        if (r.hits.size() < page) break;
        if (max_matches && ids.size() > max_matches)
            throw InputError(fmt::format("\"{}\" matches more than {} clippings: narrow it (date:, outlet:, is:new)",
                                         query, max_matches));
        options.offset += page;
    }
    return ids;
}

void sync_index_or_warn(store::Store& store) {
    try {
        pipeline::sync_index(store);
    } catch (const std::exception& e) {
        std::cerr << fmt::format("Cảnh báo: chỉ mục tìm kiếm chưa cập nhật lần này ({}); các bài vẫn chờ trong "
                                 "hàng đợi chỉ mục (search index not updated; queued for the next sync)\n",
                                 e.what());
    }
}

std::vector<std::int64_t> resolve_articles(Context&, store::Store& store, const std::vector<std::string>& words) {
    if (words.empty()) throw InputError("give the article ids (as `presswatch search` shows them) or a search query");
    if (!std::all_of(words.begin(), words.end(), is_id)) {
        std::string query;
        for (const auto& w : words) query += (query.empty() ? "" : " ") + w;
        return search_ids(store, query);
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
