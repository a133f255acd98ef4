// Today (/today, the readers' landing page): the daily digest, built by
// briefing::build_digest as `presswatch digest` builds it.
#include <ctime>

#include <fmt/format.h>

#include "briefing/digest.h"
#include "briefing/labels.h"
#include "core/error.h"
#include "text/dates.h"
#include "web/routes.h"
#include "web/templates.h"

namespace presswatch::web {
namespace {

void today_page(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    std::string date = req.has_param("date") && !req.get_param_value("date").empty() ? req.get_param_value("date")
                                                                                    : text::iso_date(now);
    auto parsed = text::parse_iso8601(date);
    if (!parsed) throw InputError(fmt::format("date=\"{}\" is not a date: write YYYY-MM-DD", date));
    std::int64_t day = *text::parse_iso8601(text::iso_date(*parsed));  // midnight of that day
    auto d = briefing::build_digest(site.store(), site.config(), day);
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& g : d.groups) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& it : g.items) {
            const auto& a = it.article;
            items.push_back({{"href", fmt::format("/articles/{}", a.id)},
                             {"headline", a.article.headline},
                             {"outlet", it.outlet_name},
                             {"time", text::vietnamese_datetime(a.article.published.value_or(a.fetched)).substr(11)},
                             {"lead", a.article.description},
                             {"flagged", a.flagged}});
        }
        groups.push_back({{"title", g.title}, {"items", items}, {"count", g.items.size()}});
    }
    nlohmann::json view = {{"day", briefing::vietnamese_date(day)},
                           {"iso_day", text::iso_date(day)},
                           {"prev", text::iso_date(day - 86400)},
                           {"next", text::iso_date(day + 86400)},
                           {"total", d.total},
                           {"rule", d.rule},
                           {"groups", groups},
                           {"empty", d.total == 0}};
    site.page(res, c, "Điểm tin ngày " + briefing::vietnamese_date(day), "today", view, "today");
}

}  // namespace

void add_today_routes(httplib::Server& http, Site& site) {
    page_route(http, site, Method::get, "/today", Role::reader, today_page);
}

}  // namespace presswatch::web
