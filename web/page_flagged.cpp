// Flagged items (/flagged?status=...&agency=...): the clippings that need
// an agency's answer, found with the search query `is:flagged` (plus
// `status:`/`agency:`), the same query language the CLI takes; overdue
// first, then by the chain's order and the deadline. Each row links to the
// article, whose forms take the response-chain steps; editors select items
// and download their letters (.docx, a .zip for several agencies).
#include <algorithm>
#include <charconv>
#include <climits>
#include <ctime>
#include <map>
#include <set>

#include <fmt/format.h>

#include "briefing/labels.h"
#include "briefing/letters.h"
#include "briefing/zip_pack.h"
#include "core/error.h"
#include "pipeline/search_page.h"
#include "store/workflow.h"
#include "text/dates.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/url.h"

namespace presswatch::web {
namespace {

constexpr const char* status_order[] = {"overdue", "pending", "sent", "answered", "published", "closed"};

int rank(const std::string& status) {
    for (int i = 0; i < 6; ++i)
        if (status == status_order[i]) return i;
    return 6;
}

bool is_slug(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

void flagged_page(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    std::string status = req.get_param_value("status"), agency = req.get_param_value("agency");
    if (!is_slug(status) || !is_slug(agency)) throw InputError("status and agency are slugs (a-z, 0-9, -)");
    pipeline::SearchRequest sr;
    sr.query = "is:flagged";
    if (!status.empty()) sr.query += " status:" + status;
    if (!agency.empty()) sr.query += " agency:" + agency;
    sr.sort = "date";
    sr.limit = pipeline::max_search_limit;
    auto page = pipeline::run_search(site.store(), sr);
    std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));

    struct Row {
        int rank;
        std::int64_t deadline;
        nlohmann::json view;
    };
    std::vector<Row> rows;
    std::map<std::string, std::size_t> agencies;
    for (const auto& r : page.rows) {
        const auto& a = r.article;
        std::string st = store::effective_status(a, now);
        nlohmann::json names = nlohmann::json::array();
        for (const auto& g : a.agencies) {
            names.push_back(briefing::agency_label(site.config(), g));
            ++agencies[g];
        }
        nlohmann::json v = {{"id", a.id},
                            {"letter_due", a.response_status == "pending" && !a.agencies.empty()},
                            {"href", fmt::format("/articles/{}", a.id)},
                            {"headline", a.article.headline},
                            {"outlet", site.outlet_name(a.outlet)},
                            {"agencies", names},
                            {"severity", a.severity > 0 ? nlohmann::json(a.severity) : nlohmann::json()},
                            {"status_label", briefing::status_label(st.empty() ? "pending" : st)},
                            {"deadline", a.deadline ? briefing::vietnamese_date(*a.deadline) : ""}};
        if (a.deadline && st != "closed" && st != "published") {
            std::int64_t days = (*a.deadline - now) / 86400;
            v["days_left"] = days >= 0 ? fmt::format("còn {} ngày", days) : fmt::format("quá {} ngày", -days);
            v["late"] = days < 0;
        }
        rows.push_back({rank(st), a.deadline.value_or(INT64_MAX), v});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& x, const Row& y) { return std::tie(x.rank, x.deadline) < std::tie(y.rank, y.deadline); });
    nlohmann::json items = nlohmann::json::array();
    for (auto& r : rows) items.push_back(std::move(r.view));

    auto link = [&](const std::string& s, const std::string& g) {
        std::string href = "/flagged";
        std::string sep = "?";
        if (!s.empty()) href += sep + "status=" + url_encode(s), sep = "&";
        if (!g.empty()) href += sep + "agency=" + url_encode(g);
        return href;
    };
    nlohmann::json statuses = nlohmann::json::array();
    statuses.push_back({{"label", "Tất cả"}, {"href", link("", agency)}, {"current", status.empty()}});
    for (const char* s : status_order)
        statuses.push_back({{"label", briefing::status_label(s)}, {"href", link(s, agency)}, {"current", status == s}});
    nlohmann::json agency_links = nlohmann::json::array();
    agency_links.push_back({{"label", "Mọi cơ quan"}, {"href", link(status, "")}, {"current", agency.empty()}});
    for (const auto& [g, n] : agencies)
        agency_links.push_back({{"label", fmt::format("{} ({})", briefing::agency_label(site.config(), g), n)},
                                {"href", link(status, g)},
                                {"current", agency == g}});
    nlohmann::json view = {{"items", items},
                           {"count", items.size()},
                           {"statuses", statuses},
                           {"agencies", agency_links},
                           {"empty", items.empty()},
                           {"can_edit", c.role != Role::reader},
                           {"query", sr.query},
                           {"query_href", "/search?q=" + url_encode(sr.query)}};
    site.page(res, c, "Tin cần trả lời", "flagged", view, "flagged");
}

// POST /flagged/letters with id=N (repeated): the letters for the selected
// items whose letter has not been sent, one .docx per agency as
// `presswatch letters` drafts them; several agencies come as one .zip.
void letters_download(Site& site, const Caller&, const httplib::Request& req, httplib::Response& res) {
    std::set<std::int64_t> ids;
    for (std::size_t i = 0; i < req.get_param_value_count("id"); ++i) {
        std::string v = req.get_param_value("id", i);
        std::int64_t id = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
        if (ec != std::errc() || end != v.data() + v.size() || id <= 0)
            throw HttpError(400, "bad_request", fmt::format("Mã tin «{}» không hợp lệ.", v));
        ids.insert(id);
    }
    if (ids.empty()) throw HttpError(400, "bad_request", "Hãy chọn ít nhất một tin cần gửi công văn.");
    std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    auto plan = briefing::plan_letters(site.store(), site.config(), 0, INT64_MAX, now, &ids);
    if (plan.letters.empty())
        throw HttpError(409, "no_letter_due",
                        "Không tin nào đã chọn đang chờ gửi công văn (đã gửi, chưa có cơ quan trả lời, hoặc "
                        "được đánh dấu không liên quan).");
    // The letter's period: the selected items' own publication days.
    std::int64_t from = INT64_MAX, to = 0;
    for (const auto& l : plan.letters)
        for (const auto& a : l.items) {
            std::int64_t t = a.article.published.value_or(a.fetched);
            from = std::min(from, t);
            to = std::max(to, t + 1);
        }
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& l : plan.letters)
        files.emplace_back(fmt::format("cong-van-{}.docx", l.agency),
                           briefing::letter_docx(l, site.config(), from, to, now));
    std::string day = text::iso_date(now);
    if (files.size() == 1) {
        res.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}\"", files[0].first));
        send(res, 200, std::move(files[0].second),
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        return;
    }
    std::vector<std::pair<std::string, const std::string*>> parts;
    for (const auto& [name, bytes] : files) parts.emplace_back(name, &bytes);
    res.set_header("Content-Disposition", fmt::format("attachment; filename=\"cong-van-{}.zip\"", day));
    send(res, 200, briefing::zip_pack(parts), "application/zip");
}

}  // namespace

void add_flagged_routes(httplib::Server& http, Site& site) {
    page_route(http, site, Method::get, "/flagged", Role::reader, flagged_page);
    page_route(http, site, Method::post, "/flagged/letters", Role::editor, letters_download);
}

}  // namespace presswatch::web
