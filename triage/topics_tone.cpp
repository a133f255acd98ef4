// Topics (weighted phrases, exclusions, multi-label) and tone.
#include "triage/triager_impl.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

namespace presswatch::triage {

void Triager::Impl::find_topics(const std::vector<FieldText>& fields, Decision& d) const {
    const auto& topics = cfg.triage.topics;
    std::vector<double> score(topics.size(), 0);
    std::vector<std::vector<std::string>> evidence(topics.size());
    std::map<int, int> seen;  // pattern -> times counted
    for (const auto& f : fields) {
        for (std::size_t i : f.of(Role::topic)) {
            const auto& m = f.matches[i];
            const Pattern& p = patterns[static_cast<std::size_t>(m.pattern)];
            if (excluded(f, m, Role::topic_exclude)) continue;
            int times = seen[m.pattern]++;
            double w = p.weight * field_weight(f.field) * (times == 0 ? 1.0 : repeat_factor);
            if (times >= 3) continue;  // a phrase repeated many times is one piece of evidence
            score[static_cast<std::size_t>(p.ref)] += w;
            if (times == 0)
                evidence[static_cast<std::size_t>(p.ref)].push_back(
                    fmt::format("\"{}\" ({}, +{:.1f})", f.span(m), field_name(f.field), w));
        }
    }
    const auto& ts = cfg.triage.topic_settings;
    double best = score.empty() ? 0 : *std::max_element(score.begin(), score.end());
    std::vector<std::size_t> order(topics.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return score[x] > score[y]; });
    for (auto i : order) {
        double min = topics[i].min_score > 0 ? topics[i].min_score : ts.min_score;
        if (score[i] < min || score[i] < ts.relative_min * best) continue;
        if (static_cast<int>(d.topics.size()) >= ts.max_topics) break;
        d.topics.push_back({topics[i].slug, std::round(score[i] * 100) / 100, evidence[i]});
    }
}

void Triager::Impl::find_tone(const std::vector<FieldText>& fields, const Problem& problem, const LeadingTone& leading,
                              Decision& d) const {
    const auto& tone = cfg.triage.tone;
    // Signals that add up to a problem colour the tone wherever they stand;
    // otherwise only those of the headline and lead do: a stray complaint
    // word deep in a feature is no more negative than its other words.
    double pos = tone.signal_share * (problem.reported ? problem.tone_positive : leading.positive);
    double neg = tone.signal_share * (problem.reported ? problem.tone_negative : leading.negative);
    if (pos > 0 || neg > 0)
        d.tone_evidence.push_back(fmt::format("dấu hiệu phản ánh{}: -{:.1f}, dấu hiệu đã xử lý/khen: +{:.1f}",
                                              problem.reported ? "" : " (tiêu đề, sapo)", neg, pos));
    std::set<int> seen;
    for (const auto& f : fields) {
        for (Role r : {Role::tone_positive, Role::tone_negative}) {
            for (std::size_t i : f.of(r)) {
                const auto& m = f.matches[i];
                const Pattern& p = patterns[static_cast<std::size_t>(m.pattern)];
                if (crosses_punctuation(f.span(m), p.text) || !seen.insert(m.pattern).second) continue;
                // "không thành công" is no success, "không vi phạm" no offence.
                if (negated(f, m)) continue;
                double w = p.weight * (f.field == Field::headline ? tone.headline_weight
                                       : f.field == Field::lead   ? tone.lead_weight
                                                                  : tone.body_weight);
                (r == Role::tone_positive ? pos : neg) += w;
                d.tone_evidence.push_back(fmt::format("{} \"{}\" ({}, {:.1f})", r == Role::tone_positive ? "+" : "-",
                                                      f.span(m), field_name(f.field), w));
            }
        }
    }
    double margin = tone.margin;
    d.tone = pos - neg >= margin ? "positive" : neg - pos >= margin ? "negative" : "neutral";
    d.tone_evidence.push_back(fmt::format("tích cực {:.1f}, tiêu cực {:.1f}, chênh lệch cần {:.1f}", pos, neg, margin));
}

}  // namespace presswatch::triage
