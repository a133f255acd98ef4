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

using pipeline::shown_date;

}  // namespace

void print_search_table(const SearchPage& page, bool terminal, const config::Config& cfg,
                        const briefing::OutletNames& outlets) {
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
        std::cout << fmt::format("\n{:>6}  {}  {:<12} {}{}\n", a.id, text::vietnamese_datetime(shown_date(a)),
                                 outlets.name(a.outlet), a.article.headline, more);
        if (!row.hit.snippet.empty())
            std::cout << "        " << index::render_snippet(pipeline::single_line(row.hit.snippet), markup) << "\n";
    }
    for (const auto& name : pipeline::facet_order()) {
        auto found = r.facets.find(name);
        if (found == r.facets.end() || found->second.empty()) continue;
        const auto& counts = found->second;
        std::cout << "\n" << pipeline::facet_label(name) << ":";
        for (const auto& c : counts) std::cout << fmt::format("  {} {}", pipeline::facet_value_label(cfg, outlets, name, c.value), c.count);
        std::cout << "\n";
    }
}

void print_search_json(const SearchPage& page) { std::cout << pipeline::search_page_json(page).dump(2) << "\n"; }

void print_search_csv(const SearchPage& page) { std::cout << pipeline::search_page_csv(page); }

void print_saved_searches(const std::vector<store::SavedSearch>& searches, bool json_output) {
    if (json_output) {
        json out = json::array();
        for (const auto& s : searches) out.push_back(pipeline::saved_search_json(s));
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
