#include "cli/search_output.h"

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/output.h"
#include "index/highlight.h"
#include "text/dates.h"

namespace presswatch::cli {
namespace {

using nlohmann::json;

std::int64_t when(const store::StoredArticle& a) { return a.article.published.value_or(a.fetched); }

// Snippets span paragraphs; one line reads better in a table and in CSV.
std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    std::string out;
    for (char c : s)
        if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
    return out;
}

const char* facet_label(const std::string& name) {
    if (name == "outlet") return "Theo báo";
    if (name == "topic") return "Theo chủ đề";
    if (name == "flagged") return "Cần phản hồi";
    if (name == "month") return "Theo tháng";
    return "";
}

std::string facet_value(const std::string& facet, const std::string& value) {
    if (facet == "flagged") return value == "1" ? "có" : "không";
    return value;
}

}  // namespace

void print_search_table(const SearchPage& page, bool terminal) {
    const auto& r = page.result;
    std::string total = r.total_exact ? std::to_string(r.total) : "khoảng " + std::to_string(r.total);
    std::cout << fmt::format("{} kết quả cho «{}»", total, page.query);
    if (!page.rows.empty())
        std::cout << fmt::format(" (hiển thị {}–{})", page.options.offset + 1, page.options.offset + page.rows.size());
    std::cout << "\n";
    index::Markup markup = terminal ? index::Markup::terminal : index::Markup::plain;
    for (const auto& row : page.rows) {
        const auto& a = row.article;
        std::string more = row.hit.collapsed ? fmt::format("  (+{} báo khác)", row.hit.collapsed) : "";
        std::cout << fmt::format("\n{:>6}  {}  {:<12} {}{}\n", a.id, text::vietnamese_datetime(when(a)), a.outlet,
                                 a.article.headline, more);
        if (!row.hit.snippet.empty())
            std::cout << "        " << index::render_snippet(one_line(row.hit.snippet), markup) << "\n";
    }
    for (const auto& [name, counts] : r.facets) {
        std::cout << "\n" << facet_label(name) << ":";
        for (const auto& c : counts) std::cout << fmt::format("  {} {}", facet_value(name, c.value), c.count);
        std::cout << "\n";
    }
}

void print_search_json(const SearchPage& page) {
    json hits = json::array();
    for (const auto& row : page.rows) {
        const auto& a = row.article;
        hits.push_back({{"id", a.id},
                        {"date", text::iso8601(when(a))},
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
    std::cout << out.dump(2) << "\n";
}

void print_search_csv(const SearchPage& page) {
    std::cout << "id,date,outlet,headline,url,snippet,collapsed\n";
    for (const auto& row : page.rows) {
        const auto& a = row.article;
        std::cout << a.id << ',' << text::iso8601(when(a)) << ',' << csv_escape(a.outlet) << ','
                  << csv_escape(a.article.headline) << ',' << csv_escape(a.article.url) << ','
                  << csv_escape(one_line(index::render_snippet(row.hit.snippet, index::Markup::plain))) << ','
                  << row.hit.collapsed << "\n";
    }
}

void print_saved_searches(const std::vector<store::SavedSearch>& searches, bool json_output) {
    if (json_output) {
        json out = json::array();
        for (const auto& s : searches)
            out.push_back({{"name", s.name}, {"query", s.query}, {"exact", s.exact}, {"collapse", s.collapse},
                           {"sort", s.sort}, {"created_by", s.created_by},
                           {"updated_at", text::iso8601(s.updated_at)}});
        std::cout << out.dump(2) << "\n";
        return;
    }
    if (searches.empty()) {
        std::cout << "Chưa có tìm kiếm nào được lưu (lưu bằng presswatch search --save TÊN \"truy vấn\").\n";
        return;
    }
    for (const auto& s : searches) std::cout << fmt::format("@{:<20} {}\n", s.name, s.query);
}

}  // namespace presswatch::cli
