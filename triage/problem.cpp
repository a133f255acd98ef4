// The problem stage: does the text report a problem that a public agency
// must verify and answer (phản ánh), how severe, and which level of
// government answers. It reads the text only, never the article's place:
// a problem is a problem wherever it happens, and Triager::problem() runs
// it alone (bench_triage measures it so on real articles of any province).
#include "triage/triager_impl.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "text/normalize.h"

namespace presswatch::triage {

namespace {

// An article imported without its lead (no description) still opens with
// one: the body's first paragraph, up to this many bytes, weighs as the
// lead.
constexpr std::size_t opening_max = 600;

std::size_t paragraph_end(std::string_view body, std::size_t from) {
    return std::min(body.find('\n', from), body.size());
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Where the body's parts are: pages and imports often repeat the lead as
// the body's first paragraph ([0, lead_copy) is then the lead again), and
// the paragraph after it opens the running text ([lead_copy, opening)).
struct BodyParts {
    std::size_t lead_copy = 0, opening = 0;
};

BodyParts body_parts(const Article& a) {
    std::string_view body = a.body;
    BodyParts p;
    std::size_t first = paragraph_end(body, 0);
    if (!a.description.empty() && trimmed(body.substr(0, first)) == trimmed(a.description)) p.lead_copy = first;
    std::size_t start = p.lead_copy;
    while (start < body.size() && (body[start] == '\n' || body[start] == ' ')) ++start;
    p.opening = std::min(paragraph_end(body, start), start + opening_max);
    return p;
}

// A signal's `fields` as the reader of `explain` says them.
std::string vietnamese_parts(const std::vector<std::string>& fields) {
    std::string out;
    for (const auto& f : fields) {
        if (!out.empty()) out += ", ";
        out += f == "headline" ? "tiêu đề" : f == "lead" ? "sapo" : f == "opening" ? "đoạn mở đầu" : "thân bài";
    }
    return out;
}

constexpr std::array<const char*, 3> kinds = {"commune", "department", "province"};

std::size_t kind_index(const std::string& kind) {
    for (std::size_t i = 0; i < kinds.size(); ++i)
        if (kind == kinds[i]) return i;
    return 1;
}

}  // namespace

Problem Triager::Impl::find_problem(const Article& a, const std::vector<FieldText>& fields, LeadingTone* leading) const {
    const auto& rr = cfg.triage.response;
    // A problem the article is about is told in its headline and lead; a
    // word deep in a long body is weaker evidence.
    const BodyParts parts = body_parts(a);
    // Without a lead, the body's first paragraph weighs as the lead.
    auto in_opening = [&](const FieldText& f, const PhraseAutomaton::Match& m) {
        return a.description.empty() && f.field == Field::body && f.begin_of(m.first) < parts.opening;
    };
    // The part of the article a match stands in, as a signal's `fields` names it.
    auto part_of = [&](const FieldText& f, const PhraseAutomaton::Match& m) -> std::string_view {
        if (f.field != Field::body) return field_name(f.field);
        std::size_t at = f.begin_of(m.first);
        return at < parts.lead_copy ? "lead" : at < parts.opening ? "opening" : "body";
    };
    auto counts_here = [&](const config::ResponseSignal& s, const FieldText& f, const PhraseAutomaton::Match& m) {
        return s.fields.empty() || std::find(s.fields.begin(), s.fields.end(), part_of(f, m)) != s.fields.end();
    };
    auto field_factor = [&](const FieldText& f, const PhraseAutomaton::Match& m) {
        if (in_opening(f, m)) return rr.lead_weight;
        return f.field == Field::headline ? rr.headline_weight : f.field == Field::lead ? rr.lead_weight : rr.body_weight;
    };
    Problem pr;
    double score = 0;
    int floor = 0, strong = 0;
    bool from_url = false;
    std::set<int> fired, out_of_place;
    std::array<double, 3> kind_score{};
    auto count = [&](const config::ResponseSignal& s, double w, bool in_lead, std::string reason) {
        score += w;
        const std::string tone = s.tone.empty() ? (s.kind == "raise" ? "negative" : "positive") : s.tone;
        if (tone == "negative") {
            pr.tone_negative += std::abs(w);
            if (leading && in_lead) leading->negative += std::abs(w);
        } else if (tone == "positive") {
            pr.tone_positive += std::abs(w);
            if (leading && in_lead) leading->positive += std::abs(w);
        }
        if (s.kind == "raise") {
            floor = std::max(floor, s.severity);
            if (s.weight >= rr.strong_weight) ++strong;
            if (!s.agency_kind.empty()) kind_score[kind_index(s.agency_kind)] += w;
        }
        pr.reasons.push_back(std::move(reason));
    };
    std::string url = text::fold(a.url);
    for (std::size_t i = 0; i < rr.signals.size(); ++i) {
        const auto& s = rr.signals[i];
        for (const auto& part : s.url_parts)
            if (url.find(text::fold(part)) != std::string::npos && fired.insert(static_cast<int>(i)).second) {
                double w = s.kind == "raise" ? s.weight : -s.weight;
                from_url = from_url || s.kind == "raise";
                count(s, w, true, fmt::format("{} ({:+.1f}): địa chỉ chứa \"{}\"", s.name, w, part));
            }
    }
    for (const auto& f : fields)
        for (std::size_t i : f.of(Role::signal)) {
            const auto& m = f.matches[i];
            const Pattern& p = patterns[static_cast<std::size_t>(m.pattern)];
            const auto& s = rr.signals[static_cast<std::size_t>(p.ref)];
            if (fired.count(p.ref) || excluded(f, m, Role::signal_exclude) || crosses_punctuation(f.span(m), p.text))
                continue;
            if (!s.context.empty() && !in_same_sentence(f, m, Role::signal_context)) continue;
            if (!counts_here(s, f, m)) {
                // Said once a signal: a long body may name the nation often.
                if (out_of_place.insert(p.ref).second)
                    pr.reasons.push_back(fmt::format("bỏ qua \"{}\" ({}): {} chỉ tính ở {}", f.span(m),
                                                     part_of(f, m), s.name, vietnamese_parts(s.fields)));
                continue;
            }
            if (negated(f, m)) {
                pr.reasons.push_back(fmt::format("bỏ qua \"{}\" ({}): có từ phủ định trước", f.span(m), field_name(f.field)));
                continue;
            }
            fired.insert(p.ref);
            double w = (s.kind == "raise" ? s.weight : -s.weight) * field_factor(f, m);
            std::string_view part = part_of(f, m);
            bool in_lead = part == "headline" || part == "lead" || in_opening(f, m);
            count(s, w, in_lead, fmt::format("{} ({:+.1f}): \"{}\" ({})", s.name, w, f.span(m),
                                             in_opening(f, m) ? "body, first paragraph" : field_name(f.field)));
        }
    bool enough = strong >= rr.min_signals || from_url;
    pr.score = score;
    pr.reported = score >= rr.threshold && enough;
    pr.reasons.push_back(fmt::format("điểm phản ánh {:.1f}, ngưỡng {:.1f}; {} dấu hiệu mạnh, cần {}", score,
                                     rr.threshold, strong, rr.min_signals));
    if (!pr.reported) return pr;
    pr.severity = score >= rr.severity3 ? 3 : score >= rr.severity2 ? 2 : 1;
    pr.severity = std::max(pr.severity, std::min(floor, 3));

    // Agency kind: the kinds of the problems found, and the words naming a
    // level of government ("UBND xã", "Sở", "UBND tỉnh"), each phrase once.
    std::set<int> cue_seen;
    for (const auto& f : fields)
        for (std::size_t i : f.of(Role::agency_cue)) {
            const auto& m = f.matches[i];
            const Pattern& p = patterns[static_cast<std::size_t>(m.pattern)];
            if (crosses_punctuation(f.span(m), p.text) || !cue_seen.insert(m.pattern).second) continue;
            const auto& cue = rr.agency_cues[static_cast<std::size_t>(p.ref)];
            kind_score[kind_index(cue.kind)] += p.weight * field_factor(f, m);
        }
    std::size_t best = kind_index(rr.default_agency_kind);
    for (std::size_t k = 0; k < kinds.size(); ++k)
        if (kind_score[k] > kind_score[best]) best = k;
    pr.agency_kind = kinds[best];
    const std::size_t commune = 0, department = 1;
    if ((best == commune || best == department) && kind_score[best] > 0 &&
        kind_score[best == commune ? department : commune] >= rr.both_share * kind_score[best])
        pr.agency_kind = "both";
    pr.reasons.push_back(fmt::format("cấp trả lời: {} (xã/phường {:.1f}, sở/ngành {:.1f}, tỉnh {:.1f})", pr.agency_kind,
                                     kind_score[0], kind_score[1], kind_score[2]));
    return pr;
}

Problem Triager::problem(const Article& a) const { return impl_->find_problem(a, impl_->scan_article(a)); }

}  // namespace presswatch::triage
