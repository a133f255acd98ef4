// The article page (/articles/ID), its archived snapshot
// (/articles/ID/snapshot, served inert) and the decisions taken on it
// (review, flag, note, response steps): the same store::Workflow calls as
// `presswatch mark/flag/respond`, with the account's name in the audit log.
#include <algorithm>
#include <cctype>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "briefing/labels.h"
#include "briefing/respond_step.h"
#include "core/error.h"
#include "store/workflow.h"
#include "text/dates.h"
#include "triage/decision_json.h"
#include "web/article_view.h"
#include "web/decisions.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/templates.h"

namespace presswatch::web {
namespace {

// Splits text into paragraphs of segments, the mentions in [offset,
// offset+length) marked. A mention whose bytes do not match the text (the
// article changed since triage) is left unmarked rather than misplaced.
nlohmann::json marked_paragraphs(const std::string& text, std::vector<std::pair<std::size_t, std::size_t>> spans) {
    std::sort(spans.begin(), spans.end());
    nlohmann::json paragraphs = nlohmann::json::array();
    nlohmann::json segments = nlohmann::json::array();
    auto flush_text = [&](std::size_t from, std::size_t to) {
        while (from < to) {
            std::size_t br = text.find("\n\n", from);
            std::size_t end = br == std::string::npos || br >= to ? to : br;
            if (end > from) segments.push_back({{"text", text.substr(from, end - from)}, {"mark", false}});
            if (end == to) break;
            if (!segments.empty()) paragraphs.push_back({{"segments", segments}});
            segments = nlohmann::json::array();
            from = end + 2;
        }
    };
    std::size_t at = 0;
    for (auto [off, len] : spans) {
        if (off < at || off + len > text.size() || len == 0) continue;
        flush_text(at, off);
        segments.push_back({{"text", text.substr(off, len)}, {"mark", true}});
        at = off + len;
    }
    flush_text(at, text.size());
    if (!segments.empty()) paragraphs.push_back({{"segments", segments}});
    return paragraphs;
}

// The text a person reads in a paragraph of marked_paragraphs().
std::string paragraph_text(const nlohmann::json& paragraph) {
    std::string s;
    for (const auto& seg : paragraph["segments"]) s += seg["text"].get<std::string>();
    return s;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

void article_page(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    std::int64_t id = id_param(req);
    auto view = article_view(site, id);
    auto a = site.store().article(id);
    auto parsed = nlohmann::json::parse(a->decision_json, nullptr, false);
    auto d = triage::decision_from_json(parsed.is_object() ? parsed : nlohmann::json::object());
    std::vector<std::pair<std::size_t, std::size_t>> head, lead, body;
    for (const auto& m : d.mentions) {
        auto& list = m.field == triage::Field::headline ? head : m.field == triage::Field::lead ? lead : body;
        list.push_back({m.offset, m.length});
    }
    view["headline_marked"] = marked_paragraphs(a->article.headline, head);
    view["lead_marked"] = marked_paragraphs(a->article.description, lead);
    // Many outlets print the lead again as the body's first paragraph, and
    // the extracted body keeps it: it is read once, as the lead.
    auto body_marked = marked_paragraphs(a->article.body, body);
    if (!body_marked.empty() && !trimmed(a->article.description).empty() &&
        trimmed(paragraph_text(body_marked[0])) == trimmed(a->article.description))
        body_marked.erase(body_marked.begin());
    view["body_marked"] = std::move(body_marked);
    view["has_snapshot"] = site.store().snapshot(id).has_value();
    view["can_edit"] = c.role != Role::reader;
    view["tones"] = tone_choices(a->tone);
    view["all_topics"] = topic_choices(site.config());
    if (c.role != Role::reader) view["agency_choices"] = agency_choices(site.config());
    // Review mode (from /review/one): "relevant" or "not relevant" goes on
    // to the next unreviewed clipping; the other forms stay on this one.
    if (c.role != Role::reader && req.get_param_value("review") == "one") {
        store::Workflow wf(site.store(), c.name);
        auto ids = wf.unreviewed();
        auto it = std::find(ids.begin(), ids.end(), id);
        view["review_one"] = {{"left", ids.size()},
                              {"position", it == ids.end() ? 0 : static_cast<std::size_t>(it - ids.begin()) + 1},
                              {"next_href", fmt::format("/review/one?after={}", id)}};
        view["back"] = fmt::format("/articles/{}?review=one", id);
    }
    site.page(res, c, a->article.headline, "article", view, view.contains("review_one") ? "review" : "search");
}

void snapshot(Site& site, const Caller&, const httplib::Request& req, httplib::Response& res) {
    auto snap = site.store().snapshot(id_param(req));
    if (!snap) throw HttpError(404, "not_found", "Bài này không có bản lưu trang.");
    send(res, 200, snap->body, "text/html; charset=utf-8", Caching::none, Framing::same_origin_sandboxed);
}

std::string back_to(const httplib::Request& req, std::int64_t id) {
    // Only a path on this server: never an open redirect.
    std::string back = req.get_param_value("back");
    if (back.size() > 1 && back[0] == '/' && back[1] != '/' && back.find('\\') == std::string::npos) return back;
    return fmt::format("/articles/{}", id);
}

void post_review(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    std::int64_t id = id_param(req);
    apply_change(site, c, id, change_of("review", req.get_param_value("state")));
    redirect(res, back_to(req, id));
}

void post_tone(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    std::int64_t id = id_param(req);
    apply_change(site, c, id, change_of("tone", req.get_param_value("tone")));
    redirect(res, back_to(req, id));
}

void post_topics(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    std::int64_t id = id_param(req);
    apply_change(site, c, id, topics_change(req));
    redirect(res, back_to(req, id));
}

void post_flag(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    std::int64_t id = id_param(req);
    apply_flag(site, c, id, req);
    redirect(res, back_to(req, id));
}

void post_note(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    std::int64_t id = id_param(req);
    store::Workflow(site.store(), c.name).add_note(id, req.get_param_value("text"));
    redirect(res, back_to(req, id));
}

void post_respond(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    std::int64_t id = id_param(req);
    apply_respond(site, c, id, req);
    redirect(res, back_to(req, id));
}

}  // namespace

void apply_flag(Site& site, const Caller& c, std::int64_t id, const httplib::Request& req) {
    store::Workflow wf(site.store(), c.name);
    if (req.get_param_value("clear") == "1") {
        wf.clear_flag(id, req.get_param_value("reason"));
    } else {
        auto f = flag_fields(site, req);
        wf.set_flag(id, req.get_param_value("reason"), f.agencies, f.severity);
    }
    site.sync_index();
}

void apply_respond(Site& site, const Caller& c, std::int64_t id, const httplib::Request& req) {
    briefing::RespondStep step{req.get_param_value("step"),    req.get_param_value("agency"),
                               req.get_param_value("letter"),  req.get_param_value("date"),
                               req.get_param_value("deadline"), req.get_param_value("reply"),
                               req.get_param_value("summary"), req.get_param_value("url"),
                               req.get_param_value("reason")};
    store::Workflow wf(site.store(), c.name);
    briefing::apply_respond_step(wf, site.store(), site.config(), id, step);
    site.sync_index();
}

nlohmann::json article_view(Site& site, std::int64_t id) {
    auto a = site.store().article(id);
    if (!a) throw HttpError(404, "not_found", fmt::format("Không có bài số {}.", id));
    const auto& cfg = site.config();
    std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    auto parsed = nlohmann::json::parse(a->decision_json, nullptr, false);
    triage::Decision d = triage::decision_from_json(parsed.is_object() ? parsed : nlohmann::json::object());
    nlohmann::json topics = nlohmann::json::array();
    for (const auto& t : a->topics) topics.push_back({{"slug", t}, {"label", briefing::topic_label(cfg, t)}});
    nlohmann::json agencies = nlohmann::json::array();
    for (const auto& g : a->agencies) agencies.push_back({{"slug", g}, {"label", briefing::agency_label(cfg, g)}});
    nlohmann::json mentions = nlohmann::json::array();
    for (const auto& m : d.mentions)
        mentions.push_back({{"text", m.text}, {"name", m.name}, {"field", triage::field_name(m.field)}});
    nlohmann::json topic_reasons = nlohmann::json::array();
    for (const auto& t : d.topics) {
        std::string evidence;
        for (const auto& e : t.evidence) evidence += (evidence.empty() ? "" : "; ") + e;
        topic_reasons.push_back({{"label", briefing::topic_label(cfg, t.slug)}, {"evidence", evidence}});
    }
    std::string status = store::effective_status(*a, now);
    nlohmann::json v = {
        {"id", a->id},
        {"headline", a->article.headline},
        {"outlet", site.outlet_name(a->outlet)},
        {"outlet_slug", a->outlet},
        {"date", a->article.published ? text::vietnamese_datetime(*a->article.published) : "không rõ ngày"},
        {"author", a->article.author},
        {"url", a->article.url},
        {"link", safe_link(a->article.url)},
        {"clipping", a->clipping},
        {"score", fmt::format("{:.2f}", a->score)},
        {"review", a->review},
        {"review_label", a->review == "relevant"       ? "Đã duyệt: đúng tin về tỉnh"
                         : a->review == "not-relevant" ? "Đã duyệt: không liên quan"
                                                       : "Chưa duyệt"},
        {"tone", a->tone},
        {"tone_label", briefing::tone_label(a->tone)},
        {"topics", topics},
        {"flagged", a->flagged},
        {"severity", a->severity},
        {"agencies", agencies},
        {"deadline", a->deadline ? briefing::vietnamese_date(*a->deadline) : ""},
        {"status", status},
        {"status_label", status.empty() ? "" : briefing::status_label(status)},
        {"reasons", d.reasons},
        {"mentions", mentions},
        {"topic_reasons", topic_reasons},
        {"tone_evidence", d.tone_evidence},
        {"flag_reasons", d.flag.reasons},
    };
    v["has_mentions"] = !mentions.empty();
    v["has_topic_reasons"] = !topic_reasons.empty();
    v["has_tone_evidence"] = !d.tone_evidence.empty();
    v["has_flag_reasons"] = !d.flag.reasons.empty();
    store::Workflow wf(site.store(), "viewer");
    if (auto r = wf.response(id)) {
        v["response"] = {{"agency", briefing::agency_label(cfg, r->agency)},
                         {"letter", r->letter_number},
                         {"letter_date", r->letter_date ? briefing::vietnamese_date(*r->letter_date) : ""},
                         {"answered_date", r->answered_date ? briefing::vietnamese_date(*r->answered_date) : ""},
                         {"reply", r->reply_number},
                         {"summary", r->answer_summary},
                         {"published_link", safe_link(r->published_url)},
                         {"published_url", r->published_url}};
    }
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& n : wf.notes(id))
        notes.push_back({{"at", text::vietnamese_datetime(n.at)}, {"user", n.user}, {"text", n.text}});
    v["notes"] = notes;
    nlohmann::json history = nlohmann::json::array();
    for (const auto& e : wf.audit_log(id))
        history.push_back({{"at", text::vietnamese_datetime(e.at)}, {"user", e.user}, {"action", e.action},
                           {"detail", e.detail_json}});
    v["history"] = history;
    return v;
}

void add_article_routes(httplib::Server& http, Site& site) {
    page_route(http, site, Method::get, R"(/articles/(\d+))", Role::reader, article_page);
    page_route(http, site, Method::get, R"(/articles/(\d+)/snapshot)", Role::reader, snapshot);
    page_route(http, site, Method::post, R"(/articles/(\d+)/review)", Role::editor, post_review);
    page_route(http, site, Method::post, R"(/articles/(\d+)/tone)", Role::editor, post_tone);
    page_route(http, site, Method::post, R"(/articles/(\d+)/topics)", Role::editor, post_topics);
    page_route(http, site, Method::post, R"(/articles/(\d+)/flag)", Role::editor, post_flag);
    page_route(http, site, Method::post, R"(/articles/(\d+)/note)", Role::editor, post_note);
    page_route(http, site, Method::post, R"(/articles/(\d+)/respond)", Role::editor, post_respond);
}

}  // namespace presswatch::web
