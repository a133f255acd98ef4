#include "web/decisions.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "briefing/labels.h"
#include "config/agency_check.h"
#include "config/topic_check.h"
#include "core/error.h"
#include "store/workflow.h"

namespace presswatch::web {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// Checked before the first write, with a message the person can act on
// (the library's own checks stay behind it).
void check_change(const Site& site, const Change& ch) {
    if (ch.what == "review") {
        if (ch.value != "new" && ch.value != "relevant" && ch.value != "not-relevant")
            throw HttpError(400, "bad_state", "Trạng thái duyệt không hợp lệ: chọn «Đúng tin về tỉnh» hoặc «Không liên quan».");
    } else if (ch.what == "tone") {
        if (ch.value != "positive" && ch.value != "neutral" && ch.value != "negative" && ch.value != "auto")
            throw HttpError(400, "bad_tone", "Sắc thái không hợp lệ: chọn tích cực, trung tính, tiêu cực hoặc theo máy.");
    } else if (ch.what == "topics") {
        if (ch.add.empty() && ch.remove.empty())
            throw HttpError(400, "bad_topic", "Chưa chọn lĩnh vực nào để thêm hoặc bỏ.");
        auto all = ch.add;
        all.insert(all.end(), ch.remove.begin(), ch.remove.end());
        for (const auto& t : all) {
            try {
                config::check_topics(site.config(), {t});
            } catch (const InputError&) {
                throw HttpError(400, "bad_topic", fmt::format("Không có lĩnh vực «{}»: chọn một lĩnh vực trong danh sách.", t));
            }
            if (contains(ch.add, t) && contains(ch.remove, t))
                throw HttpError(400, "bad_topic", fmt::format("Lĩnh vực «{}» vừa được thêm vừa bị bỏ.", t));
        }
    } else if (ch.what != "flag") {
        throw HttpError(400, "bad_action", "Thao tác không hợp lệ.");
    }
}

// One item's change, and what undoes it. Inside the caller's transaction.
Site::UndoStep decide(Site& site, store::Workflow& wf, std::int64_t id, const Change& ch) {
    auto a = site.store().article(id);
    if (!a) throw HttpError(404, "not_found", fmt::format("Không có bài số {}; không tin nào được thay đổi.", id));
    Site::UndoStep u;
    u.article = id;
    u.what = ch.what;
    if (ch.what == "review") {
        u.before = a->review;
        wf.set_review(id, ch.value);
    } else if (ch.what == "tone") {
        u.before = wf.person_tone(id);
        wf.set_tone(id, ch.value == "auto" ? "" : ch.value);
    } else if (ch.what == "topics") {
        for (const auto& t : ch.add)
            if (!contains(a->topics, t)) u.added.push_back(t);
        for (const auto& t : ch.remove)
            if (contains(a->topics, t)) u.removed.push_back(t);
        wf.change_topics(id, ch.add, ch.remove);
    } else {
        u.before = a->flagged ? "flagged" : "";
        // What the undo puts back on an item that was flagged already
        // (a flagged item's severity is at least 1: the marker).
        if (a->flagged && (!ch.agencies.empty() || ch.severity)) {
            u.agencies = a->agencies;
            u.severity = std::max(a->severity, 1);
        }
        wf.set_flag(id, ch.reason, ch.agencies, ch.severity);
    }
    return u;
}

std::int64_t parse_id(const std::string& v) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n <= 0)
        throw HttpError(400, "bad_id", fmt::format("Mã tin «{}» không hợp lệ: không tin nào được thay đổi.", v));
    return n;
}

}  // namespace

FlagFields flag_fields(const Site& site, const httplib::Request& req) {
    FlagFields f;
    for (std::size_t i = 0; i < req.get_param_value_count("agency"); ++i)
        if (auto v = req.get_param_value("agency", i); !v.empty() && !contains(f.agencies, v)) f.agencies.push_back(v);
    for (const auto& g : f.agencies) {
        try {
            config::check_agencies(site.config(), {g});
        } catch (const InputError&) {
            throw HttpError(400, "bad_agency",
                            fmt::format("Cơ quan không có trong danh sách: «{}». Chọn một cơ quan trong danh sách; "
                                        "không tin nào được thay đổi.",
                                        g));
        }
    }
    if (auto s = req.get_param_value("severity"); !s.empty()) {
        if (s != "1" && s != "2" && s != "3") throw HttpError(400, "bad_severity", "Mức phải là 1, 2 hoặc 3.");
        f.severity = s[0] - '0';
    }
    return f;
}

void apply_change(Site& site, const Caller& c, std::int64_t id, const Change& change) {
    apply_bulk(site, c, {id}, change);
}

std::size_t apply_bulk(Site& site, const Caller& c, const std::vector<std::int64_t>& ids, const Change& change) {
    check_change(site, change);
    if (ids.empty()) throw HttpError(400, "no_selection", "Chưa chọn tin nào: đánh dấu ô bên cạnh các tin cần xử lý.");
    if (ids.size() > max_bulk_items)
        throw HttpError(400, "too_many", fmt::format("Chọn nhiều nhất {} tin một lần.", max_bulk_items));
    // Every id exists before anything is written: a stale list changes nothing.
    for (auto id : ids)
        if (!site.store().article(id))
            throw HttpError(404, "not_found", fmt::format("Không có bài số {}; không tin nào được thay đổi.", id));
    store::Workflow wf(site.store(), c.name);
    std::vector<Site::UndoStep> steps;
    site.store().db().transaction([&] {
        for (auto id : ids) steps.push_back(decide(site, wf, id, change));
    });
    site.remember_decision(c.name, std::move(steps));
    site.sync_index();
    return ids.size();
}

std::vector<std::int64_t> undo_last(Site& site, const Caller& c) {
    auto batch = site.take_last_decision(c.name);
    if (!batch || batch->empty()) throw HttpError(409, "nothing_to_undo", "Không có quyết định nào để hoàn tác.");
    store::Workflow wf(site.store(), c.name);
    std::vector<std::int64_t> ids;
    try {
        site.store().db().transaction([&] {
            for (auto it = batch->rbegin(); it != batch->rend(); ++it) {
                const auto& u = *it;
                if (u.what == "review") wf.set_review(u.article, u.before);
                else if (u.what == "tone") wf.set_tone(u.article, u.before);
                else if (u.what == "topics" && !(u.added.empty() && u.removed.empty()))
                    wf.change_topics(u.article, u.removed, u.added);
                else if (u.what == "flag" && u.before.empty()) wf.clear_flag(u.article, "Hoàn tác đánh dấu hàng loạt");
                else if (u.what == "flag" && u.severity > 0)
                    wf.set_flag(u.article, "Hoàn tác đánh dấu hàng loạt", u.agencies, u.severity);
                ids.push_back(u.article);
            }
        });
    } catch (...) {
        site.remember_decision(c.name, std::move(*batch));  // nothing was undone: it can be tried again
        throw;
    }
    site.sync_index();
    return ids;
}

Change topics_change(const httplib::Request& req) {
    auto ch = change_of("topics");
    for (std::size_t i = 0; i < req.get_param_value_count("add"); ++i)
        if (auto v = req.get_param_value("add", i); !v.empty()) ch.add.push_back(v);
    for (std::size_t i = 0; i < req.get_param_value_count("remove"); ++i)
        if (auto v = req.get_param_value("remove", i); !v.empty()) ch.remove.push_back(v);
    return ch;
}

BulkRequest bulk_request(const Site& site, const httplib::Request& req) {
    BulkRequest b;
    // Without JavaScript "select all" cannot tick the boxes: it sends all=1
    // and the form carries the ids the list showed.
    const char* field = req.get_param_value("all") == "1" ? "shown" : "id";
    for (std::size_t i = 0; i < req.get_param_value_count(field); ++i) b.ids.push_back(parse_id(req.get_param_value(field, i)));
    std::sort(b.ids.begin(), b.ids.end());
    b.ids.erase(std::unique(b.ids.begin(), b.ids.end()), b.ids.end());
    b.action = req.get_param_value("action");
    std::string topic = req.get_param_value("topic");
    if (b.action == "relevant" || b.action == "not-relevant" || b.action == "new") b.change = change_of("review", b.action);
    else if (b.action == "tone") b.change = change_of("tone", req.get_param_value("tone"));
    else if (b.action == "topic-add" || b.action == "topic-remove") {
        b.change = change_of("topics");
        (b.action == "topic-add" ? b.change.add : b.change.remove).push_back(topic);
    }
    else if (b.action == "flag") {
        auto f = flag_fields(site, req);
        b.change = change_of("flag");
        b.change.reason = req.get_param_value("reason");
        b.change.agencies = f.agencies;
        b.change.severity = f.severity;
    }
    else throw HttpError(400, "bad_action", "Thao tác không hợp lệ: chọn một nút trong thanh thao tác hàng loạt.");
    if (b.change.what == "topics" && topic.empty())
        throw HttpError(400, "bad_topic", "Chưa chọn lĩnh vực nào để thêm hoặc bỏ.");
    check_change(site, b.change);
    return b;
}

std::string bulk_notice(const BulkRequest& b, std::size_t count) {
    std::string what = b.action == "relevant"       ? "Đúng tin về tỉnh"
                       : b.action == "not-relevant" ? "Không liên quan"
                       : b.action == "new"          ? "Chưa duyệt"
                       : b.action == "tone"         ? "Sắc thái: " + (b.change.value == "auto" ? std::string("theo máy")
                                                                                            : briefing::tone_label(b.change.value))
                       : b.action == "topic-add"    ? "Thêm lĩnh vực " + b.change.add.front()
                       : b.action == "topic-remove" ? "Bỏ lĩnh vực " + b.change.remove.front()
                                                    : std::string("Cần trả lời");
    return fmt::format("Đã ghi «{}» cho {} tin. Nút «Hoàn tác» trả lại cả {} tin.", what, count, count);
}

nlohmann::json tone_choices(const std::string& current_tone) {
    nlohmann::json out = nlohmann::json::array();
    for (const char* t : {"positive", "neutral", "negative"})
        out.push_back({{"value", t}, {"label", briefing::tone_label(t)}, {"current", current_tone == t}});
    out.push_back({{"value", "auto"}, {"label", "Theo máy"}, {"current", false}});
    return out;
}

nlohmann::json agency_choices(const config::Config& cfg, const std::string& selected) {
    // A press office answers mostly through the province and its
    // departments: those first, the hundreds of communes last.
    const std::vector<std::pair<std::string, std::vector<std::string>>> groups = {
        {"Tỉnh", {"province"}},
        {"Sở, ngành", {"department", "police", "inspectorate", "board"}},
        {"Ủy ban nhân dân xã, phường", {"committee"}}};
    auto all = config::answering_agencies(cfg);
    nlohmann::json out = nlohmann::json::array();
    std::vector<bool> placed(all.size(), false);
    auto group = [&](const std::string& label, auto&& belongs) {
        nlohmann::json items = nlohmann::json::array();
        for (std::size_t i = 0; i < all.size(); ++i)
            if (!placed[i] && belongs(all[i])) {
                placed[i] = true;
                items.push_back({{"slug", all[i].slug}, {"label", all[i].name}, {"selected", all[i].slug == selected}});
            }
        if (!items.empty()) out.push_back({{"group", label}, {"agencies", items}});
    };
    for (const auto& [label, kinds] : groups)
        group(label, [&](const config::AnsweringAgency& a) { return contains(kinds, a.kind); });
    group("Cơ quan khác", [](const config::AnsweringAgency&) { return true; });
    return out;
}

nlohmann::json topic_choices(const config::Config& cfg) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : cfg.triage.topics) out.push_back({{"slug", t.slug}, {"label", briefing::topic_label(cfg, t.slug)}});
    return out;
}

}  // namespace presswatch::web
