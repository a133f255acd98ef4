// A clipping that reports a problem (problem.cpp) is flagged: which
// agencies answer, and by when.
#include "triage/triager_impl.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "text/normalize.h"
#include "triage/deadline.h"

namespace presswatch::triage {

void Triager::Impl::find_flag(const Article& a, const Problem& problem, const std::vector<std::string>& committees,
                              const std::vector<std::string>& place_agencies, Decision& d, std::int64_t now) const {
    const auto& rr = cfg.triage.response;
    Flag& flag = d.flag;
    flag.reasons = problem.reasons;
    flag.problem = problem.reported;
    flag.needed = d.clipping && problem.reported;
    if (problem.reported && !d.clipping)
        flag.reasons.push_back("không phải tin về tỉnh: không cần trả lời");
    if (!flag.needed) return;
    flag.severity = problem.severity;
    flag.agency_kind = problem.agency_kind;

    // Agencies: by topic (the leading topic that some agency answers for,
    // and a second one close to it), where an institution named in the
    // article has its own agency for that topic (an industrial park's
    // board) that one; the agency of the first institution named; and the
    // People's Committee of the commune or ward named with its qualifier
    // ("xã Hoằng Tiến").
    const auto& t = cfg.triage;
    std::vector<std::string> agencies;
    auto answers = [](const config::Agency& ag, const std::string& topic) {
        return ag.kind != "committee" && std::find(ag.topics.begin(), ag.topics.end(), topic) != ag.topics.end();
    };
    double lead_score = 0;
    for (const auto& topic : d.topics) {
        const config::Agency* found = nullptr;
        for (const auto& slug : place_agencies)
            if (const auto* ag = t.agency(slug); ag && answers(*ag, topic.slug)) found = found ? found : ag;
        for (const auto& ag : t.agencies)
            if (!found && answers(ag, topic.slug)) found = &ag;
        if (!found) continue;
        if (lead_score > 0 && topic.score < second_topic_share * lead_score) break;
        if (std::find(agencies.begin(), agencies.end(), found->slug) == agencies.end()) agencies.push_back(found->slug);
        if (lead_score > 0) break;
        lead_score = topic.score;
    }
    // The institution's own agency answers for what happens there.
    if (!place_agencies.empty() &&
        std::find(agencies.begin(), agencies.end(), place_agencies.front()) == agencies.end())
        agencies.push_back(place_agencies.front());
    if (!committees.empty()) agencies.push_back(committees.front());
    // A problem the province itself must answer (its own projects, its
    // officials) goes to the provincial People's Committee as well.
    if (flag.agency_kind == "province" &&
        std::none_of(agencies.begin(), agencies.end(), [&](const std::string& slug) {
            const auto* ag = t.agency(slug);
            return ag && ag->kind == "province";
        }))
        for (const auto& ag : t.agencies)
            if (ag.kind == "province") {
                agencies.push_back(ag.slug);
                break;
            }
    if (agencies.empty() && !t.fallback_agency.empty()) agencies.push_back(t.fallback_agency);
    flag.agencies = agencies;

    // Deadline: the earliest over the agencies, each by its own rule.
    std::int64_t start = a.published.value_or(now);
    for (const auto& slug : agencies) {
        const config::Agency* ag = t.agency(slug);
        std::string kind = ag ? ag->kind : "committee";
        const config::DeadlineRule* rule = applicable_rule(rr.deadlines, flag.severity, kind, start);
        if (!rule) continue;
        std::int64_t due = add_clock(start, rule->clock, rule->duration, rr.holidays);
        if (!flag.deadline || due < *flag.deadline) flag.deadline = due;
        flag.reasons.push_back(fmt::format("hạn trả lời cho {}: {} {} (quy tắc dòng {})", slug, rule->duration,
                                           rule->clock, rule->line));
    }
}

}  // namespace presswatch::triage
