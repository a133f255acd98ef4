// Sources (/sources): each outlet's feeds, sitemaps and listing pages with
// their health, from pipeline::source_report as `presswatch sources`
// prints them. For editors and admins.
#include <ctime>

#include <fmt/format.h>

#include "pipeline/source_report.h"
#include "text/dates.h"
#include "web/routes.h"
#include "web/templates.h"

namespace presswatch::web {
namespace {

const char* kind_label(const std::string& kind) {
    if (kind == "feed") return "RSS";
    if (kind == "sitemap") return "Sitemap";
    if (kind == "listing") return "Chuyên mục";
    return "";
}

void sources_page(Site& site, const Caller& c, const httplib::Request&, httplib::Response& res) {
    std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    nlohmann::json rows = nlohmann::json::array();
    std::size_t warnings = 0;
    for (const auto& r : pipeline::source_report(site.config(), site.store(), now)) {
        nlohmann::json v = {{"outlet", site.outlet_name(r.outlet)},
                            {"kind", kind_label(r.kind)},
                            {"url", r.url},
                            {"link", safe_link(r.url)}};
        if (!r.status) {
            v["warning"] = "chưa đọc lần nào";
        } else {
            const auto& s = *r.status;
            v["last_success"] = s.last_success ? text::vietnamese_datetime(*s.last_success) : "chưa lần nào";
            v["last_error"] = s.last_error;
            v["per_day"] = fmt::format("{:.0f} ({:.1f})", s.new_last_day, s.usual_per_day);
            v["warning"] = pipeline::source_warning_text(s);
            if (!s.warning.empty()) ++warnings;
        }
        rows.push_back(v);
    }
    site.page(res, c, "Nguồn tin", "sources", {{"rows", rows}, {"warnings", warnings}, {"has_warnings", warnings > 0}}, "sources");
}

}  // namespace

void add_sources_routes(httplib::Server& http, Site& site) {
    page_route(http, site, Method::get, "/sources", Role::editor, sources_page);
}

}  // namespace presswatch::web
