#include "pipeline/search_page.h"

#include <map>
#include <optional>

#include <fmt/format.h>

#include "briefing/labels.h"
#include "briefing/outlet_names.h"
#include "core/error.h"
#include "index/highlight.h"
#include "pipeline/index_sync.h"
#include "text/csv.h"
#include "text/dates.h"

namespace presswatch::pipeline {

using nlohmann::json;

SearchPage run_search(store::Store& store, const SearchRequest& request) {
    std::string query = request.query;
    store::SavedSearch saved;
    if (!query.empty() && query.front() == '@') {
        std::string name = query.substr(1);
        auto found = store::find_saved_search(store, name);
        if (!found)
            throw InputError(fmt::format("there is no saved search named '{}': `presswatch search --list-saved` "
                                         "lists them",
                                         name));
        saved = *found;
        query = saved.query;
    }
    if (query.empty()) throw InputError("give a query, e.g. presswatch search \"thanh hoa\" (see --help)");
    if (request.limit == 0 || request.limit > max_search_limit)
        throw InputError(fmt::format("--limit must be between 1 and {}", max_search_limit));

    SearchPage page;
    page.query = query;
    index::SearchOptions& options = page.options;
    options.offset = request.offset;
    options.limit = request.limit;
    options.exact = request.exact || saved.exact;
    options.collapse = request.collapse || saved.collapse;
    page.sort = !request.sort.empty() ? request.sort : (!saved.sort.empty() ? saved.sort : "relevance");
    options.sort = page.sort == "date" ? index::SortOrder::date : index::SortOrder::relevance;
    options.facets = request.facets;
    options.clippings_only = !request.all;
    // Each hit's article is read once: for its snippet's text here, then
    // kept for its row (reading it twice was a third of a one-word
    // search's CPU: docs/benchmarks.md, "Search cost").
    std::map<std::int64_t, store::StoredArticle> read;
    options.text = [&store, &read](std::int64_t id) {
        auto a = store.article(id);
        if (!a) return std::string();
        std::string text =
            a->article.description.empty() ? a->article.body : a->article.description + "\n\n" + a->article.body;
        read.insert_or_assign(id, std::move(*a));
        return text;
    };

    index::Searcher searcher(index_dir(store));
    page.result = searcher.search(query, options);
    options.text = nullptr;  // borrows store: not to outlive this call
    for (const auto& hit : page.result.hits) {
        auto it = read.find(hit.id);
        std::optional<store::StoredArticle> a;
        if (it != read.end()) a = std::move(it->second);
        else a = store.article(hit.id);
        if (!a) continue;  // deleted since it was indexed; the next sync removes it
        page.rows.push_back({hit, std::move(*a)});
    }
    return page;
}

json search_page_json(const SearchPage& page) {
    json hits = json::array();
    for (const auto& row : page.rows) {
        const auto& a = row.article;
        hits.push_back({{"id", a.id},
                        {"date", text::iso8601(shown_date(a))},
                        {"outlet", a.outlet},
                        {"headline", a.article.headline},
                        {"url", a.article.url},
                        {"snippet", index::render_snippet(row.hit.snippet, index::Markup::plain)},
                        {"snippet_html", index::render_snippet(row.hit.snippet, index::Markup::html)},
                        {"weight", row.hit.weight},
                        {"story", a.story ? json(*a.story) : json(nullptr)},
                        {"collapsed", row.hit.collapsed},
                        {"flagged", a.flagged},
                        {"topics", a.topics}});
    }
    json facets = json::object();
    for (const auto& [name, counts] : page.result.facets) {
        json list = json::array();
        for (const auto& c : counts) list.push_back({{"value", c.value}, {"count", c.count}});
        facets[name] = list;
    }
    json out = {{"query", page.query},
                {"total", page.result.total},
                {"total_exact", page.result.total_exact},
                {"offset", page.options.offset},
                {"limit", page.options.limit},
                {"hits", hits}};
    if (page.options.facets) out["facets"] = facets;
    return out;
}

const char* facet_label(const std::string& name) {
    if (name == "outlet") return "Theo báo";
    if (name == "topic") return "Theo chủ đề";
    if (name == "flagged") return "Cần phản hồi";
    if (name == "month") return "Theo tháng";
    if (name == "agency") return "Theo cơ quan";
    if (name == "status") return "Theo tình trạng phản hồi";
    if (name == "tone") return "Theo sắc thái";
    return "";
}

const std::vector<std::string>& facet_order() {
    static const std::vector<std::string> order{"outlet", "topic", "month", "agency", "status", "tone", "flagged"};
    return order;
}

std::string facet_value_label(const config::Config& cfg, const briefing::OutletNames& outlets,
                              const std::string& facet, const std::string& value) {
    if (facet == "outlet") return outlets.name(value);
    if (facet == "topic") return briefing::topic_label(cfg, value);
    if (facet == "agency") return briefing::agency_label(cfg, value);
    if (facet == "flagged") return value == "1" ? "có" : "không";
    if (facet == "status") return briefing::status_label(value);
    if (facet == "tone") return briefing::tone_label(value);
    return value;
}

std::string single_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    std::string out;
    for (char c : s)
        if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
    return out;
}

std::string search_page_csv(const SearchPage& page) {
    using text::csv_escape;
    std::string out = "id,date,outlet,headline,url,snippet,collapsed\n";
    for (const auto& row : page.rows) {
        const auto& a = row.article;
        out += fmt::format("{},{},{},{},{},{},{}\n", a.id, text::iso8601(shown_date(a)), csv_escape(a.outlet),
                           csv_escape(a.article.headline), csv_escape(a.article.url),
                           csv_escape(single_line(index::render_snippet(row.hit.snippet, index::Markup::plain))),
                           row.hit.collapsed);
    }
    return out;
}

json saved_search_json(const store::SavedSearch& s) {
    return {{"name", s.name},     {"query", s.query},           {"exact", s.exact},
            {"collapse", s.collapse}, {"sort", s.sort},          {"created_by", s.created_by},
            {"updated_at", text::iso8601(s.updated_at)}};
}

}  // namespace presswatch::pipeline
