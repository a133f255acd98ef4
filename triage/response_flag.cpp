// Does the article need an agency's answer: signals, severity, agencies,
// deadline.
#include "triage/triager_impl.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "text/normalize.h"
#include "triage/deadline.h"

namespace presswatch::triage {

void Triager::Impl::find_flag(const Article& a, const std::vector<FieldText>& fields,
                              const std::vector<std::string>& committees,
                              const std::vector<std::string>& place_agencies, Decision& d, std::int64_t now,
                              double& raised, double& lowered) const {
    const auto& rr = cfg.triage.response;
    Flag& flag = d.flag;
    double score = 0;
    int floor = 0, strong = 0;
    bool from_url = false;
    std::set<int> fired;
    std::string url = text::fold(a.url);
    for (std::size_t i = 0; i < rr.signals.size(); ++i) {
        const auto& s = rr.signals[i];
        for (const auto& part : s.url_parts)
            if (url.find(text::fold(part)) != std::string::npos && fired.insert(static_cast<int>(i)).second) {
                double w = s.kind == "raise" ? s.weight : -s.weight;
                score += w;
                (w >= 0 ? raised : lowered) += std::abs(w);
                if (s.kind == "raise") {
                    floor = std::max(floor, s.severity);
                    from_url = true;
                    if (s.weight >= rr.strong_weight) ++strong;
                }
                flag.reasons.push_back(fmt::format("{} ({:+.1f}): địa chỉ chứa \"{}\"", s.name, w, part));
            }
    }
    for (const auto& f : fields)
        for (std::size_t i : f.of(Role::signal)) {
            const auto& m = f.matches[i];
            const Pattern& p = patterns[static_cast<std::size_t>(m.pattern)];
            const auto& s = rr.signals[static_cast<std::size_t>(p.ref)];
            if (fired.count(p.ref) || excluded(f, m, Role::signal_exclude)) continue;
            if (negated(f, m)) {
                flag.reasons.push_back(fmt::format("bỏ qua \"{}\" ({}): có từ phủ định trước", f.span(m), field_name(f.field)));
                continue;
            }
            fired.insert(p.ref);
            double w = (s.kind == "raise" ? s.weight : -s.weight) * (f.field == Field::headline ? 1.5 : 1.0);
            score += w;
            (w >= 0 ? raised : lowered) += std::abs(w);
            if (s.kind == "raise") {
                floor = std::max(floor, s.severity);
                if (s.weight >= rr.strong_weight) ++strong;
            }
            flag.reasons.push_back(fmt::format("{} ({:+.1f}): \"{}\" ({})", s.name, w, f.span(m), field_name(f.field)));
        }
    bool enough = strong >= rr.min_signals || from_url;
    flag.needed = d.clipping && score >= rr.threshold && enough;
    flag.reasons.push_back(fmt::format("điểm phản ánh {:.1f}, ngưỡng {:.1f}; {} dấu hiệu mạnh, cần {}{}", score,
                                       rr.threshold, strong, rr.min_signals,
                                       d.clipping ? "" : " (không phải tin về tỉnh: không cần trả lời)"));
    if (!flag.needed) return;
    flag.severity = score >= rr.severity3 ? 3 : score >= rr.severity2 ? 2 : 1;
    flag.severity = std::max(flag.severity, std::min(floor, 3));

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
