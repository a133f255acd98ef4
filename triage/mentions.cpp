// Where the article names the province: mentions, the ambiguity rule and
// the relevance score.
#include "triage/triager_impl.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

namespace presswatch::triage {

void Triager::Impl::find_mentions(const std::vector<FieldText>& fields, Decision& d, std::vector<std::string>& committees,
                                  std::vector<std::string>& place_agencies) const {
    const auto& sc = cfg.province.scoring;
    struct Candidate {
        Mention m;
        int place;
        bool ambiguous, qualified, related, incidental;
        std::string_view field_text;  // for the snippet, made only for mentions that count
    };
    std::vector<Candidate> cands;
    std::map<int, int> others;  // other province -> times named
    for (const auto& f : fields) {
        // Leftmost-longest: "Lọc hóa dầu Nghi Sơn" wins over "Nghi Sơn" inside it.
        std::vector<const PhraseAutomaton::Match*> names;
        std::unordered_map<std::uint64_t, int> other_spans;  // (first, count) -> other province
        auto span_key = [](const PhraseAutomaton::Match* m) { return (std::uint64_t{m->first} << 16) | m->count; };
        for (std::size_t i : f.of(Role::place)) names.push_back(&f.matches[i]);
        for (std::size_t i : f.of(Role::other_province)) {
            names.push_back(&f.matches[i]);
            other_spans.emplace(span_key(&f.matches[i]), patterns[static_cast<std::size_t>(f.matches[i].pattern)].ref);
        }
        auto role = [&](const PhraseAutomaton::Match* m) { return patterns[static_cast<std::size_t>(m->pattern)].role; };
        std::sort(names.begin(), names.end(), [&](auto* x, auto* y) {
            if (x->first != y->first) return x->first < y->first;
            if (x->count != y->count) return x->count > y->count;
            return role(x) == Role::place && role(y) != Role::place;
        });
        // A name that is both one of ours and another province's ("Quảng
        // Ninh" is a commune here) is the other province unless qualified.
        auto other_at = [&](const PhraseAutomaton::Match* m) -> int {
            auto it = other_spans.find(span_key(m));
            return it == other_spans.end() ? -1 : it->second;
        };
        // A region between this province and another ("từ Thanh Hóa đến
        // Hà Tĩnh", "Hà Tĩnh tới Thanh Hóa"): a weather or traffic area.
        std::set<std::size_t> other_first, other_end;
        for (std::size_t i : f.of(Role::other_province)) {
            other_first.insert(f.matches[i].first);
            other_end.insert(f.matches[i].first + f.matches[i].count);
        }
        auto range_word = [&](std::size_t k) {
            return k < f.syl.size() &&
                   std::find(range_markers.begin(), range_markers.end(), f.exact(k)) != range_markers.end();
        };
        auto in_range = [&](const PhraseAutomaton::Match* m) {
            std::size_t after = m->first + m->count;
            return (range_word(after) && other_first.count(after + 1)) ||
                   (m->first >= 1 && range_word(m->first - 1) && other_end.count(m->first - 1));
        };
        // Mentions after a club's or the province's media's name in the same
        // sentence are passing too (an outlet's closing line about itself).
        std::size_t passing_until = 0;
        std::size_t covered = 0;
        for (auto* m : names) {
            if (m->first < covered) continue;
            covered = m->first + m->count;
            const Pattern& p = patterns[static_cast<std::size_t>(m->pattern)];
            if (p.role == Role::other_province) {
                ++others[p.ref];
                continue;
            }
            const auto& place = cfg.province.names[static_cast<std::size_t>(p.ref)];
            Candidate c;
            c.place = p.ref;
            c.m.text = std::string(f.span(*m));
            c.m.name = place.name;
            c.m.kind = place.kind;
            c.m.field = f.field;
            c.m.offset = f.begin_of(m->first);
            c.m.length = c.m.text.size();
            c.field_text = f.text;
            c.ambiguous = place.ambiguous;
            c.qualified = qualified(f, *m, p.ref);
            if (c.ambiguous && !c.qualified) {
                if (int o = other_at(m); o >= 0) {
                    ++others[o];
                    continue;
                }
            }
            if (preceded_by(f, *m, Role::person, 1)) {
                d.reasons.push_back(fmt::format("bỏ qua \"{}\" ({}): tên người, tên phố", c.m.text, field_name(f.field)));
                continue;
            }
            c.related = f.field == Field::body && in_related_line(f, c.m.offset);
            bool carrier = place.kind == "club" || place.kind == "media";
            c.incidental = preceded_by(f, *m, Role::incidental, cfg.province.incidental_window) ||
                           in_parentheses(f.text, c.m.offset, c.m.length) || carrier ||
                           c.m.offset < passing_until || (f.field != Field::headline && in_range(m)) ||
                           list_items(f.text, c.m.offset, c.m.length) >= list_min_items;
            if (carrier) {
                std::size_t end = f.text.find_first_of(".!?\n", c.m.offset + c.m.length);
                passing_until = end == std::string_view::npos ? f.text.size() : end;
            }
            cands.push_back(std::move(c));
        }
    }
    // An ambiguous name counts when a certain name of the province stands
    // in the article, or when it is qualified and no other province is named.
    bool anchored = std::any_of(cands.begin(), cands.end(), [](auto& c) { return !c.ambiguous && !c.related; });
    double head = 0, lead = 0, body = 0;
    int body_count = 0, counted = 0, weighty = 0;
    std::size_t body_size = 0;
    for (const auto& f : fields)
        if (f.field == Field::body) body_size = f.text.size();
    std::set<std::string> places;
    for (auto& c : cands) {
        if (c.related) {
            d.reasons.push_back(fmt::format("bỏ qua \"{}\" ({}): dòng tin liên quan", c.m.text, field_name(c.m.field)));
            continue;
        }
        if (c.ambiguous && !anchored && !(c.qualified && others.empty())) {
            d.reasons.push_back(fmt::format("bỏ qua \"{}\" ({}): tên dễ nhầm, bài không nêu tên tỉnh{}", c.m.text,
                                            field_name(c.m.field),
                                            c.qualified ? " và có nêu tỉnh, thành khác" : ", không có từ xác định (xã, phường...)"));
            continue;
        }
        ++counted;
        c.m.snippet = snippet(c.field_text, c.m.offset, c.m.length);
        places.insert(c.m.name);
        const auto& place = cfg.province.names[static_cast<std::size_t>(c.place)];
        bool committee = place.kind == "ward" || place.kind == "commune" || place.kind.starts_with("former");
        // A former unit split between several routes to each of them.
        if (committee && c.qualified) {
            if (!place.became_agencies.empty())
                committees.insert(committees.end(), place.became_agencies.begin(), place.became_agencies.end());
            else if (!place.agency.empty())
                committees.push_back(place.agency);
        }
        if (!place.agency.empty() && !committee) place_agencies.push_back(place.agency);
        if (c.incidental) {
            // A hometown, a direction, a label: a trace, not a subject.
            body += sc.incidental;
            c.m.passing = true;
            d.reasons.push_back(fmt::format("\"{}\" ({}) chỉ nhắc qua (quê, hướng đi, vùng, câu lạc bộ, nhãn hàng...): +{}", c.m.text,
                                            field_name(c.m.field), sc.incidental));
            d.mentions.push_back(std::move(c.m));
            continue;
        }
        ++weighty;
        if (c.m.field == Field::headline) head = sc.headline;
        else if (c.m.field == Field::lead) lead = sc.lead;
        else {
            double w = body_count == 0 ? sc.body_first : sc.body_more;
            if (body_count == 0 && body_size > 0 && c.m.offset < sc.early_share * static_cast<double>(body_size))
                w += sc.early_bonus;
            body += w;
            ++body_count;
        }
        d.mentions.push_back(std::move(c.m));
    }
    // A lone body mention near the end (a byline, an aside) counts less.
    if (body_count == 1 && head == 0 && lead == 0) {
        for (const auto& m : d.mentions)
            if (m.field == Field::body && body_size > 0 &&
                static_cast<double>(m.offset) > 0.7 * static_cast<double>(body_size)) {
                body *= sc.late_factor;
                d.reasons.push_back(fmt::format("một lần nhắc ở cuối bài (x{})", sc.late_factor));
                break;
            }
    }
    body = std::min(body, sc.body_max);
    double score = head + lead + body;
    if (head > 0) d.reasons.push_back(fmt::format("tít (+{})", head));
    if (lead > 0) d.reasons.push_back(fmt::format("sapo (+{})", lead));
    if (body > 0) d.reasons.push_back(fmt::format("thân bài: {} lần (+{:.2f})", body_count, body));
    int n_others = static_cast<int>(others.size());
    int most_named_other = 0;
    for (auto [o, n] : others) most_named_other = std::max(most_named_other, n);
    if (n_others >= sc.roundup_min_others && head == 0 && counted < n_others) {
        score *= sc.roundup_factor;
        d.reasons.push_back(fmt::format("bài tổng hợp: nêu {} tỉnh, thành khác (x{})", n_others, sc.roundup_factor));
    } else if (head == 0 && lead == 0 && most_named_other > weighty) {
        score *= sc.other_focus_factor;
        d.reasons.push_back(fmt::format("bài chủ yếu về tỉnh, thành khác (nêu {} lần) (x{})", most_named_other,
                                        sc.other_focus_factor));
    }
    d.score = std::round(score * 100) / 100;
    d.places.assign(places.begin(), places.end());
    d.clipping = counted > 0 && d.score >= cfg.settings.clipping_threshold;
    // Below the threshold a counted name is still a passing mention: the
    // article is kept and searchable at that level, never a clipping.
    d.mention_level = d.clipping ? MentionLevel::subject : counted > 0 ? MentionLevel::passing : MentionLevel::none;
    d.reasons.push_back(fmt::format("điểm {} {} ngưỡng {}: {}", d.score, d.clipping ? ">=" : "<",
                                    cfg.settings.clipping_threshold, level_label(d.mention_level)));
}

}  // namespace presswatch::triage
