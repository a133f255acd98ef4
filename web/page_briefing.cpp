// The monthly briefing (/briefing?month=YYYY-MM): the figures of
// briefing::build_month_report, as `presswatch briefing --month` computes
// them, each linked to the search behind it, and the downloads
// (/briefing/download?month=...&format=docx|html|csv|json).
#include <ctime>

#include <fmt/format.h>

#include "briefing/month_report.h"
#include "briefing/render.h"
#include "core/error.h"
#include "text/dates.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/url.h"

namespace presswatch::web {
namespace {

std::string month_param(const httplib::Request& req) {
    std::string m = req.get_param_value("month");
    if (m.empty()) m = text::iso_date(static_cast<std::int64_t>(std::time(nullptr))).substr(0, 7);
    return m;
}

nlohmann::json counts(const std::vector<briefing::Count>& list, const std::string& filter_prefix,
                      const std::string& month) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : list) {
        nlohmann::json row = {{"label", c.label}, {"count", c.count}, {"previous", c.previous}};
        if (!filter_prefix.empty())
            row["href"] = "/search?q=" + url_encode(filter_prefix + c.key + " date:" + month);
        out.push_back(row);
    }
    return out;
}

void briefing_page(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    std::string month = month_param(req);
    std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    auto r = briefing::build_month_report(site.store(), site.config(), month, now);
    nlohmann::json searches = nlohmann::json::array();
    for (const auto& s : r.searches)
        searches.push_back({{"figure", s.figure}, {"query", s.query}, {"href", "/search?q=" + url_encode(s.query)}});
    nlohmann::json downloads = nlohmann::json::array();
    for (const char* f : {"docx", "html", "csv", "json"})
        downloads.push_back({{"format", f},
                             {"label", std::string(f) == "docx" ? "Word" : std::string(f) == "html" ? "HTML"
                                                                        : std::string(f) == "csv"  ? "CSV"
                                                                                                   : "JSON"},
                             {"href", fmt::format("/briefing/download?month={}&format={}", url_encode(month), f)}});
    nlohmann::json view = {{"month", r.period.label},
                           {"rule", r.rule.describe()},
                           {"clippings", r.clippings},
                           {"previous_clippings", r.previous_clippings},
                           {"stories", r.stories},
                           {"previous_stories", r.previous_stories},
                           {"central", r.central},
                           {"local", r.local},
                           {"issues", r.issues.size()},
                           {"waiting", r.waiting.size()},
                           {"by_outlet", counts(r.by_outlet, "outlet:", r.period.label)},
                           {"by_topic", counts(r.by_topic, "topic:", r.period.label)},
                           {"by_tone", counts(r.by_tone, "tone:", r.period.label)},
                           {"searches", searches},
                           {"downloads", downloads},
                           {"month_href", "/search?q=" + url_encode("date:" + r.period.label)}};
    site.page(res, c, "Báo cáo tháng " + r.period.label, "briefing", view, "briefing");
}

void briefing_download(Site& site, const Caller&, const httplib::Request& req, httplib::Response& res) {
    std::string month = month_param(req);
    std::string format = req.get_param_value("format");
    std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    auto r = briefing::build_month_report(site.store(), site.config(), month, now);
    std::string body, type;
    if (format == "docx") {
        body = briefing::report_docx(r, site.config());
        type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    } else if (format == "html") {
        body = briefing::report_html(r, site.config());
        type = "text/html; charset=utf-8";
    } else if (format == "csv") {
        body = "\xEF\xBB\xBF" + briefing::report_csv(r);
        type = "text/csv; charset=utf-8";
    } else if (format == "json") {
        body = briefing::report_json(r).dump(2);
        type = json_type;
    } else {
        throw InputError(fmt::format("format=\"{}\" is not a report format: use docx, html, csv or json", format));
    }
    // A download, never rendered here: the HTML report carries its own styles.
    res.set_header("Content-Disposition",
                   fmt::format("attachment; filename=\"bao-cao-bao-chi-{}.{}\"", r.period.label, format));
    send(res, 200, std::move(body), type);
}

}  // namespace

void add_briefing_routes(httplib::Server& http, Site& site) {
    page_route(http, site, Method::get, "/briefing", Role::reader, briefing_page);
    page_route(http, site, Method::get, "/briefing/download", Role::reader, briefing_download);
}

}  // namespace presswatch::web
