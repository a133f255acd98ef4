#include "briefing/month_report.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "briefing/labels.h"
#include "briefing/outlet_names.h"
#include "briefing/stories.h"
#include "core/error.h"
#include "text/dates.h"

namespace presswatch::briefing {
namespace {

std::int64_t when(const store::StoredArticle& a) { return a.article.published.value_or(a.fetched); }

std::vector<store::StoredArticle> counted(store::Store& s, const Period& p, const CountingRule& rule) {
    auto all = s.clippings(p.from, p.to);
    std::vector<store::StoredArticle> out;
    for (auto& a : all)
        if (rule.counts(a)) out.push_back(std::move(a));
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
        return when(x) != when(y) ? when(x) < when(y) : x.id < y.id;
    });
    return out;
}

// Counts by a key into the rows of `rows` (current) or their previous field.
template <class KeyFn>
void tally(std::map<std::string, Count>& rows, const std::vector<store::StoredArticle>& articles, bool previous,
           KeyFn keys) {
    for (const auto& a : articles)
        for (const auto& k : keys(a)) {
            auto& c = rows[k];
            c.key = k;
            ++(previous ? c.previous : c.count);
        }
}

// Most clippings first, then by key: a stable order for golden files.
std::vector<Count> sorted(std::map<std::string, Count> rows) {
    std::vector<Count> out;
    for (auto& [k, c] : rows) out.push_back(std::move(c));
    std::stable_sort(out.begin(), out.end(), [](const Count& a, const Count& b) { return a.count > b.count; });
    return out;
}

Issue make_issue(store::Workflow& wf, const OutletNames& outlets, store::StoredArticle a, std::int64_t as_of) {
    Issue i;
    i.outlet_name = outlets.name(a.outlet);
    i.response = wf.response(a.id);
    i.status = store::effective_status(a, as_of);
    i.agencies = a.response_agency.empty() ? a.agencies : std::vector<std::string>{a.response_agency};
    i.article = std::move(a);
    return i;
}

// Passing mentions of the period, apart from the clippings: those a person
// marked not relevant are left out, as for clippings.
std::int64_t count_passing(store::Store& s, const Period& p) {
    auto all = s.passing_mentions(p.from, p.to);
    return std::count_if(all.begin(), all.end(), [](const auto& a) { return a.review != "not-relevant"; });
}

}  // namespace

Period month_period(const std::string& month) {
    int y = 0, m = 0;
    char dash = 0;
    bool shape = month.size() == 7 && std::sscanf(month.c_str(), "%4d%c%2d", &y, &dash, &m) == 3 && dash == '-';
    auto from = shape ? text::vietnam_midnight(y, m, 1) : std::nullopt;
    if (!from) throw InputError("month \"" + month + "\" is not a month: write it as YYYY-MM, like 2026-11");
    auto to = m == 12 ? text::vietnam_midnight(y + 1, 1, 1) : text::vietnam_midnight(y, m + 1, 1);
    return {month, *from, *to};
}

Period previous_month(const Period& p) {
    int y = std::stoi(p.label.substr(0, 4)), m = std::stoi(p.label.substr(5, 2));
    if (--m == 0) m = 12, --y;
    return month_period(fmt::format("{:04}-{:02}", y, m));
}

bool CountingRule::counts(const store::StoredArticle& a) const {
    if (!a.clipping || a.review == "not-relevant") return false;
    if (a.review == "relevant") return true;
    return name == "relevant+unreviewed" && a.score >= min_score;
}

std::string CountingRule::describe() const {
    if (name == "relevant") return "Chỉ tính tin đã được duyệt là liên quan.";
    return fmt::format(
        "Tính tin đã được duyệt là liên quan và tin chưa duyệt có điểm liên quan từ {:.1f} trở lên; "
        "không tính tin đã duyệt là không liên quan.",
        min_score);
}

CountingRule counting_rule(const config::Config& cfg) {
    return {cfg.briefing.report.counting, cfg.briefing.report.unreviewed_min_score};
}

std::pair<std::string, std::string> outlet_name_kind(const config::Config& cfg, const std::string& slug) {
    auto o = OutletNames(cfg)(slug);
    return {o.name, o.kind};
}

MonthReport build_month_report(store::Store& s, const config::Config& cfg, const std::string& month,
                               std::int64_t as_of) {
    MonthReport r;
    r.period = month_period(month);
    r.previous = previous_month(r.period);
    r.rule = counting_rule(cfg);
    r.as_of = as_of;
    const int window = cfg.briefing.report.story_window_hours;
    const OutletNames outlet_names(cfg, s);

    auto cur = counted(s, r.period, r.rule);
    auto prev = counted(s, r.previous, r.rule);
    auto story_of = group_stories(cur, window);
    auto prev_stories = group_stories(prev, window);
    r.clippings = static_cast<std::int64_t>(cur.size());
    r.previous_clippings = static_cast<std::int64_t>(prev.size());
    r.passing = count_passing(s, r.period);
    r.previous_passing = count_passing(s, r.previous);
    r.stories = cur.empty() ? 0 : static_cast<std::int64_t>(*std::max_element(story_of.begin(), story_of.end()) + 1);
    r.previous_stories =
        prev.empty() ? 0 : static_cast<std::int64_t>(*std::max_element(prev_stories.begin(), prev_stories.end()) + 1);

    std::map<std::string, Count> outlets, topics, tones;
    auto outlet_key = [](const store::StoredArticle& a) { return std::vector<std::string>{a.outlet}; };
    auto topic_keys = [](const store::StoredArticle& a) {
        return a.topics.empty() ? std::vector<std::string>{"khac"} : a.topics;
    };
    auto tone_key = [](const store::StoredArticle& a) { return std::vector<std::string>{a.tone}; };
    tally(outlets, cur, false, outlet_key);
    tally(outlets, prev, true, outlet_key);
    tally(topics, cur, false, topic_keys);
    tally(topics, prev, true, topic_keys);
    for (const char* t : {"positive", "neutral", "negative"}) tones[t].key = t;
    tally(tones, cur, false, tone_key);
    tally(tones, prev, true, tone_key);
    r.by_outlet = sorted(outlets);
    for (auto& c : r.by_outlet) c.label = outlet_names.name(c.key);
    r.by_topic = sorted(topics);
    for (auto& c : r.by_topic) c.label = c.key == "khac" ? "Chưa phân loại" : topic_label(cfg, c.key);
    for (const char* t : {"positive", "neutral", "negative"}) {
        auto c = tones[t];
        c.label = tone_label(t);
        r.by_tone.push_back(c);
    }
    for (std::int64_t day = r.period.from; day < r.period.to; day += 86400) {
        Count c;
        c.key = text::iso_date(day);
        c.label = vietnamese_date(day).substr(0, 5);
        c.count = std::count_if(cur.begin(), cur.end(),
                                [&](const auto& a) { return when(a) >= day && when(a) < day + 86400; });
        r.per_day.push_back(c);
    }

    std::vector<Story> stories(static_cast<std::size_t>(r.stories));
    for (std::size_t i = 0; i < cur.size(); ++i) {
        auto& st = stories[story_of[i]];
        auto outlet = outlet_names(cur[i].outlet);
        if (st.articles.empty())
            st.headline = cur[i].article.headline, st.url = cur[i].article.url, st.first = when(cur[i]);
        st.articles.push_back(cur[i].id);
        if (std::find(st.outlets.begin(), st.outlets.end(), outlet.name) == st.outlets.end())
            st.outlets.push_back(outlet.name);
        (outlet.kind == "local" ? r.local : r.central)++;
        r.annex.push_back({cur[i], outlet.name, outlet.kind, story_of[i]});
    }
    std::vector<Story> ranked;
    for (auto& st : stories)
        if (st.articles.size() > 1) ranked.push_back(st);
    std::stable_sort(ranked.begin(), ranked.end(), [](const Story& a, const Story& b) {
        return a.outlets.size() != b.outlets.size() ? a.outlets.size() > b.outlets.size()
                                                    : a.articles.size() > b.articles.size();
    });
    if (ranked.size() > static_cast<std::size_t>(cfg.briefing.report.main_stories))
        ranked.resize(static_cast<std::size_t>(cfg.briefing.report.main_stories));
    r.main_stories = std::move(ranked);

    store::Workflow wf(s, "report");
    for (const auto& a : cur)
        if (a.flagged || !a.response_status.empty()) r.issues.push_back(make_issue(wf, outlet_names, a, as_of));
    // Unanswered items up to the end of the month, whenever they were raised.
    auto q = s.db().prepare(
        "SELECT a.id FROM article a JOIN flag f ON f.article_id = a.id LEFT JOIN response rs ON rs.article_id = a.id "
        "WHERE a.clipping = 1 AND f.needed = 1 AND COALESCE(rs.status, 'sent') = 'sent' "
        "AND COALESCE(a.published, a.fetched) < ?1 ORDER BY COALESCE(a.published, a.fetched), a.id");
    q.bind(1, r.period.to);
    std::vector<std::int64_t> waiting_ids;
    while (q.step()) waiting_ids.push_back(q.int64(0));
    for (auto id : waiting_ids)
        if (auto a = s.article(id); a && a->review != "not-relevant")
            r.waiting.push_back(make_issue(wf, outlet_names, std::move(*a), as_of));
    std::stable_sort(r.waiting.begin(), r.waiting.end(),
                     [](const Issue& a, const Issue& b) { return (a.status == "overdue") > (b.status == "overdue"); });

    // The searches behind each figure, so that anyone can reproduce it.
    std::string base = fmt::format("date:{}..{} is:clipping {}", text::iso_date(r.period.from),
                                   text::iso_date(r.period.to - 1),
                                   r.rule.name == "relevant" ? "review:relevant" : "NOT review:not-relevant");
    r.searches.push_back({"Tổng số tin", base});
    for (const auto& c : r.by_outlet) r.searches.push_back({"Cơ quan báo chí: " + c.label, base + " outlet:" + c.key});
    for (const auto& c : r.by_topic)
        if (c.key != "khac") r.searches.push_back({"Lĩnh vực: " + c.label, base + " topic:" + c.key});
    for (const auto& c : r.by_tone) r.searches.push_back({"Sắc thái: " + c.label, base + " tone:" + c.key});
    r.searches.push_back({"Vấn đề báo chí phản ánh", base + " is:flagged"});
    r.searches.push_back({"Quá hạn trả lời", "is:flagged status:overdue"});
    return r;
}

}  // namespace presswatch::briefing
