// The daily review (/review): the clippings not yet reviewed, oldest
// first (store::Workflow::unreviewed, as `presswatch review`), each with
// the reasons triage gave (briefing::review_reasons) and buttons that post
// the same decisions as `presswatch mark` / `tag` (review state, tone,
// topics +/-); bulk actions on the ticked items (web/decisions.h); undo of
// one's last decision (a whole bulk action at once). /review/one takes
// them one at a time on the article page.
// Keys (static/app.js): j/k next/previous, r relevant, n not relevant,
// f flag, u undo, ? help.
#include <fmt/format.h>

#include "briefing/labels.h"
#include "store/workflow.h"
#include "text/dates.h"
#include "web/article_view.h"
#include "web/decisions.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/templates.h"

namespace presswatch::web {
namespace {

constexpr std::size_t review_page_size = 50;

void review_page(Site& site, const Caller& c, const httplib::Request&, httplib::Response& res) {
    store::Workflow wf(site.store(), c.name);
    auto ids = wf.unreviewed();
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = 0; i < ids.size() && i < review_page_size; ++i) {
        auto a = site.store().article(ids[i]);
        if (!a) continue;
        nlohmann::json topics = nlohmann::json::array();
        for (const auto& t : a->topics) topics.push_back({{"slug", t}, {"label", briefing::topic_label(site.config(), t)}});
        items.push_back({{"id", a->id},
                         {"href", fmt::format("/articles/{}", a->id)},
                         {"headline", a->article.headline},
                         {"lead", a->article.description},
                         {"outlet", site.outlet_name(a->outlet)},
                         {"date", text::vietnamese_datetime(a->article.published.value_or(a->fetched))},
                         {"link", safe_link(a->article.url)},
                         {"flagged", a->flagged},
                         {"topics", topics},
                         {"tone_label", briefing::tone_label(a->tone)},
                         {"tones", tone_choices(a->tone)},
                         {"why", store::review_reasons(*a)}});
    }
    nlohmann::json view = {{"items", items},
                           {"count", ids.size()},
                           {"shown", items.size()},
                           {"empty", items.empty()},
                           {"all_topics", topic_choices(site.config())},
                           {"agency_choices", agency_choices(site.config())},
                           {"back", "/review"},
                           {"notice", site.take_notice(c)}};
    site.page(res, c, fmt::format("Duyệt tin ({})", ids.size()), "review", view, "review");
}

void undo(Site& site, const Caller& c, const httplib::Request&, httplib::Response& res) {
    auto ids = undo_last(site, c);
    site.remember_notice(c, fmt::format("Đã hoàn tác quyết định vừa rồi ({} tin).", ids.size()));
    redirect(res, "/review");
}

// One at a time: the oldest unreviewed clipping (or the first after
// `after`: the one just skipped or decided), opened as its article page in
// review mode, where the whole text is read and every decision is at hand;
// deciding relevant or not comes back here for the next. Past the last:
// back to the list (skipped items wait there).
void review_one(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    store::Workflow wf(site.store(), c.name);
    std::optional<std::int64_t> next;
    if (req.get_param_value("after").empty()) {
        auto first = wf.unreviewed(1);
        if (!first.empty()) next = first.front();
    } else {
        next = wf.unreviewed_after(static_cast<std::int64_t>(size_param(req, "after", 0)));
    }
    if (!next) {
        site.remember_notice(c, wf.unreviewed(1).empty() ? "Không còn tin nào chờ duyệt."
                                                         : "Đã đến tin cuối; các tin đã bỏ qua vẫn chờ duyệt ở danh sách.");
        return redirect(res, "/review");
    }
    redirect(res, fmt::format("/articles/{}?review=one", *next));
}

// The bulk bar's form: one action on the ticked items, then back to the list.
void bulk(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    auto b = bulk_request(site, req);
    auto n = apply_bulk(site, c, b.ids, b.change);
    site.remember_notice(c, bulk_notice(b, n));
    redirect(res, "/review");
}

}  // namespace

void add_review_routes(httplib::Server& http, Site& site) {
    page_route(http, site, Method::get, "/review", Role::editor, review_page);
    page_route(http, site, Method::get, "/review/one", Role::editor, review_one);
    page_route(http, site, Method::post, "/review/undo", Role::editor, undo);
    page_route(http, site, Method::post, "/review/bulk", Role::editor, bulk);
}

}  // namespace presswatch::web
