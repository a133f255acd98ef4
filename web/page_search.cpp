// The search page (/search), its exports (/search.csv, and the report as
// Word /search.docx or HTML /search.html) and saved
// searches (/search/saved): thin over pipeline::run_search, the function
// `presswatch search` calls.
#include <fmt/format.h>

#include "briefing/labels.h"
#include "briefing/outlet_names.h"
#include "core/error.h"
#include "index/highlight.h"
#include "pipeline/search_page.h"
#include "pipeline/search_report.h"
#include "text/dates.h"
#include "store/saved_search.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/templates.h"
#include "web/url.h"

namespace presswatch::web {
namespace {

constexpr std::size_t page_size = 20;
// The export takes the whole result set up to the search's own page limit.
constexpr std::size_t export_limit = pipeline::max_search_limit;

// The query a facet value filters by, in the query language itself, so a
// filter is part of the URL and of what the CLI would accept.
std::string facet_filter(const std::string& facet, const std::string& value) {
    if (facet == "outlet") return "outlet:" + value;
    if (facet == "topic") return "topic:" + value;
    if (facet == "month") return "date:" + value;
    if (facet == "flagged") return value == "1" ? "is:flagged" : "-is:flagged";
    if (facet == "agency") return "agency:" + value;
    if (facet == "status") return "status:" + value;
    if (facet == "tone") return "tone:" + value;
    return "";
}

std::string search_href(const SearchForm& f, std::size_t offset) {
    std::string href = "/search?q=" + url_encode(f.query);
    if (f.sort == "date") href += "&sort=date";
    if (f.exact) href += "&exact=1";
    if (f.collapse) href += "&collapse=1";
    if (f.all) href += "&all=1";
    if (offset) href += fmt::format("&offset={}", offset);
    return href;
}

nlohmann::json hit_view(Site& site, const pipeline::SearchRow& row) {
    const auto& a = row.article;
    nlohmann::json h = {{"id", a.id},
                        {"href", fmt::format("/articles/{}", a.id)},
                        {"headline", a.article.headline},
                        {"outlet", site.outlet_name(a.outlet)},
                        {"date", briefing::vietnamese_date(pipeline::shown_date(a))},
                        {"snippet_html", index::render_snippet(pipeline::single_line(row.hit.snippet),
                                                               index::Markup::html)},
                        {"link", safe_link(a.article.url)},
                        {"flagged", a.flagged},
                        {"is_new", a.review == "new"}};
    if (row.hit.collapsed) h["more"] = fmt::format("và {} bài cùng câu chuyện ở báo khác", row.hit.collapsed);
    return h;
}

void search_page(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    SearchForm form = search_form(req, page_size);
    nlohmann::json view = {{"q", form.query},          {"sort_date", form.sort == "date"},
                           {"exact", form.exact},       {"collapse", form.collapse},
                           {"all", form.all},           {"can_edit", c.role != Role::reader}};
    nlohmann::json saved = nlohmann::json::array();
    for (const auto& s : store::saved_searches(site.store()))
        saved.push_back({{"name", s.name}, {"query", s.query}, {"href", "/search?q=" + url_encode("@" + s.name)}});
    view["saved"] = saved;
    view["has_saved"] = !saved.empty();
    std::string title = "Tìm kiếm";
    if (!form.query.empty()) {
        title = "Tìm: " + form.query;
        try {
            pipeline::SearchPage page = pipeline::run_search(site.store(), form.request(true));
            nlohmann::json hits = nlohmann::json::array();
            for (const auto& row : page.rows) hits.push_back(hit_view(site, row));
            view["hits"] = hits;
            view["searched"] = true;
            view["total"] = page.result.total;
            if (!page.rows.empty())
                view["range"] = fmt::format("{}–{}", form.offset + 1, form.offset + page.rows.size());
            if (form.offset > 0) view["prev_href"] = search_href(form, form.offset > page_size ? form.offset - page_size : 0);
            if (form.offset + page.rows.size() < page.result.total)
                view["next_href"] = search_href(form, form.offset + page_size);
            nlohmann::json facets = nlohmann::json::array();
            const briefing::OutletNames outlets(site.config(), site.store());
            for (const auto& name : pipeline::facet_order()) {
                auto found = page.result.facets.find(name);
                if (found == page.result.facets.end() || found->second.empty()) continue;
                const auto& counts = found->second;
                nlohmann::json values = nlohmann::json::array();
                for (const auto& fc : counts) {
                    std::string label = pipeline::facet_value_label(site.config(), outlets, name, fc.value);
                    SearchForm narrowed = form;
                    narrowed.query = form.query + " " + facet_filter(name, fc.value);
                    values.push_back({{"label", label}, {"count", fc.count}, {"href", search_href(narrowed, 0)}});
                }
                facets.push_back({{"label", pipeline::facet_label(name)}, {"values", values}});
            }
            view["facets"] = facets;
            std::string csv = search_href(form, 0);
            std::string params = csv.substr(csv.find('?'));
            view["csv_href"] = "/search.csv" + params;
            view["docx_href"] = "/search.docx" + params;
            view["html_href"] = "/search.html" + params;
        } catch (const InputError& e) {
            // A bad query is shown in place, with the CLI's message and column.
            view["error"] = e.what();
        }
    }
    site.page(res, c, title, "search", view, "search");
}

void search_csv(Site& site, const Caller&, const httplib::Request& req, httplib::Response& res) {
    SearchForm form = search_form(req, export_limit);
    form.offset = 0;
    form.limit = export_limit;
    pipeline::SearchPage page = pipeline::run_search(site.store(), form.request(false));
    res.set_header("Content-Disposition", "attachment; filename=\"presswatch-tim-kiem.csv\"");
    // A byte-order mark, so that Excel on Windows reads the CSV as UTF-8.
    send(res, 200, "\xEF\xBB\xBF" + pipeline::search_page_csv(page), "text/csv; charset=utf-8");
}

// The result set as the Word or HTML report (pipeline/search_report.h),
// for the same query and options as the page shows.
void search_report(Site& site, const Caller&, const httplib::Request& req, httplib::Response& res,
                   const std::string& format) {
    SearchForm form = search_form(req, export_limit);
    form.offset = 0;
    form.limit = export_limit;
    pipeline::SearchPage page = pipeline::run_search(site.store(), form.request(false));
    auto now = static_cast<std::int64_t>(std::time(nullptr));
    std::string day = text::iso_date(now);
    res.set_header("Content-Disposition", attachment(fmt::format("ket-qua-tim-kiem-{}.{}", day, format),
                                                     fmt::format("Kết quả tìm kiếm {}.{}", day, format)));
    send(res, 200, pipeline::search_report(page, site.config(), site.store(), format, now),
         format == "docx" ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                          : "text/html; charset=utf-8");
}

void save_search(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    SearchForm form = search_form(req, page_size);
    store::SavedSearch s{req.get_param_value("name"), form.query, form.exact, form.collapse, form.sort, c.name};
    // Checked by running it first, as `search --save` does.
    pipeline::run_search(site.store(), form.request(false));
    store::save_search(site.store(), s);
    redirect(res, "/search?q=" + url_encode("@" + s.name));
}

void delete_search(Site& site, const Caller&, const httplib::Request& req, httplib::Response& res) {
    std::string name = req.get_param_value("name");
    if (!store::delete_saved_search(site.store(), name))
        throw HttpError(404, "not_found", fmt::format("Không có tìm kiếm đã lưu tên «{}».", name));
    redirect(res, "/search");
}

}  // namespace

SearchForm search_form(const httplib::Request& req, std::size_t default_limit) {
    SearchForm f;
    f.query = req.get_param_value("q");
    f.sort = req.get_param_value("sort");
    if (!f.sort.empty() && f.sort != "date" && f.sort != "relevance")
        throw InputError(fmt::format("sort=\"{}\" is not an order: use relevance or date", f.sort));
    f.exact = flag_param(req, "exact");
    f.collapse = flag_param(req, "collapse");
    f.all = flag_param(req, "all");
    f.offset = size_param(req, "offset", 0);
    f.limit = size_param(req, "limit", default_limit);
    return f;
}

pipeline::SearchRequest SearchForm::request(bool facets) const {
    pipeline::SearchRequest r;
    r.query = query;
    r.sort = sort;
    r.exact = exact;
    r.collapse = collapse;
    r.all = all;
    r.facets = facets;
    r.offset = offset;
    r.limit = limit;
    return r;
}

void add_search_routes(httplib::Server& http, Site& site) {
    page_route(http, site, Method::get, "/search", Role::reader, search_page);
    page_route(http, site, Method::get, "/search.csv", Role::reader, search_csv);
    page_route(http, site, Method::get, "/search.docx", Role::reader,
               [](Site& s, const Caller& c, const httplib::Request& q, httplib::Response& r) { search_report(s, c, q, r, "docx"); });
    page_route(http, site, Method::get, "/search.html", Role::reader,
               [](Site& s, const Caller& c, const httplib::Request& q, httplib::Response& r) { search_report(s, c, q, r, "html"); });
    page_route(http, site, Method::post, "/search/saved", Role::editor, save_search);
    page_route(http, site, Method::post, "/search/saved/delete", Role::editor, delete_search);
}

}  // namespace presswatch::web
