// The Triager: one pass of one phrase automaton over each field's
// syllables finds every gazetteer name, topic phrase, tone word and
// response signal; the rules below turn those matches into a Decision
// whose every part names the text that caused it.
#include "triage/triage.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>
#include <unicode/uchar.h>

#include "text/normalize.h"
#include "text/syllables.h"
#include "text/tone_marks.h"
#include "triage/deadline.h"
#include "triage/phrase_automaton.h"

namespace presswatch::triage {
namespace {

// Bytes of context on each side of a mention in its snippet.
constexpr std::size_t snippet_context = 80;
// Below this share of syllables with diacritics a field counts as written
// without them, and accent-free text may match accented phrases.
constexpr double plain_text_share = 0.05;
// A repeated topic phrase adds this share of its weight each further time.
constexpr double repeat_factor = 0.3;
// A second topic routes to its agency too when it scores at least this
// share of the leading routed topic.
constexpr double second_topic_share = 0.6;
// Share of the response signals' weights that counts towards the tone.
constexpr double signal_tone_share = 0.5;

enum class Role { place, other_province, topic, topic_exclude, tone_positive, tone_negative, signal, signal_exclude, negation, incidental };
constexpr std::size_t role_count = 10;

struct Pattern {
    Role role;
    int ref = 0;              // index into the owning table (place, topic, signal)
    double weight = 0;
    std::string text;         // as configured
    std::vector<std::string> exact;  // exact key of each syllable
    std::vector<bool> accented;      // whether that syllable has diacritics
    std::vector<bool> capital;       // whether that syllable starts with a capital
};

bool starts_with_capital(std::string_view s) {
    if (s.empty()) return false;
    std::size_t i = 0;
    return u_isupper(static_cast<UChar32>(text::decode_utf8(s, i)));
}

// Vietnamese has a few thousand syllables: their exact keys are computed
// once per thread (ICU normalisation is the costly part of matching) and
// kept in a cache of bounded size.
constexpr std::size_t exact_cache_limit = 200'000;

std::string cached_exact_key(std::string_view syllable) {
    thread_local std::unordered_map<std::string, std::string> cache;
    auto it = cache.find(std::string(syllable));
    if (it != cache.end()) return it->second;
    if (cache.size() >= exact_cache_limit) cache.clear();
    return cache.emplace(std::string(syllable), text::exact_key(syllable)).first->second;
}

struct FieldText {
    Field field;
    std::string_view text;
    std::vector<text::Syllable> syl;
    std::vector<PhraseAutomaton::Match> matches;
    // Indexes into matches, by the role of the pattern: each rule looks
    // only at its own kind, so the cost stays linear in the matches.
    std::array<std::vector<std::size_t>, role_count> by_role;
    const std::vector<std::size_t>& of(Role r) const { return by_role[static_cast<std::size_t>(r)]; }
    bool plain = false;  // written without diacritics
    mutable std::vector<std::string> exact_cache;
    const std::string& exact(std::size_t i) const {
        if (exact_cache[i].empty()) exact_cache[i] = cached_exact_key(text.substr(syl[i].offset, syl[i].length));
        return exact_cache[i];
    }
    std::size_t begin_of(std::size_t first) const { return syl[first].offset; }
    std::size_t end_of(std::size_t first, std::size_t count) const {
        const auto& l = syl[first + count - 1];
        return l.offset + l.length;
    }
    std::string_view span(const PhraseAutomaton::Match& m) const {
        std::size_t b = begin_of(m.first);
        return text.substr(b, end_of(m.first, m.count) - b);
    }
};

// "Nguyễn Thị Hòa (Thanh Hóa)": a name alone in brackets says where
// someone or something is from, not what the article is about.
bool in_parentheses(std::string_view text, std::size_t offset, std::size_t length) {
    std::size_t b = offset, e = offset + length;
    while (b > 0 && text[b - 1] == ' ') --b;
    while (e < text.size() && text[e] == ' ') ++e;
    return b > 0 && text[b - 1] == '(' && e < text.size() && text[e] == ')';
}

std::size_t utf8_back(std::string_view s, std::size_t i) {
    while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}

std::string snippet(std::string_view text, std::size_t offset, std::size_t length) {
    std::size_t b = offset > snippet_context ? utf8_back(text, offset - snippet_context) : 0;
    std::size_t e = std::min(text.size(), offset + length + snippet_context);
    if (e < text.size()) e = utf8_back(text, e);
    // Prefer to cut at a space, so words stay whole.
    if (b > 0) {
        auto sp = text.find(' ', b);
        if (sp != std::string_view::npos && sp < offset) b = sp + 1;
    }
    if (e < text.size()) {
        auto sp = text.rfind(' ', e);
        if (sp != std::string_view::npos && sp > offset + length) e = sp;
    }
    std::string out;
    if (b > 0) out += "…";
    for (char c : text.substr(b, e - b)) out += (c == '\n' ? ' ' : c);
    if (e < text.size()) out += "…";
    return out;
}

}  // namespace

struct Triager::Impl {
    const config::Config cfg;  // a copy: the Triager outlives no one's configuration
    PhraseAutomaton automaton;
    std::vector<Pattern> patterns;
    std::vector<std::vector<std::vector<std::string>>> qualifiers;  // per place: folded syllable sequences
    std::vector<std::vector<std::string>> related_markers;           // folded syllables

    explicit Impl(const config::Config& c) : cfg(c) {
        const auto& prov = cfg.province;
        for (std::size_t i = 0; i < prov.names.size(); ++i) {
            add(Role::place, static_cast<int>(i), 0, prov.names[i].name);
            const auto& qs = prov.names[i].qualifiers.empty() ? prov.default_qualifiers : prov.names[i].qualifiers;
            std::vector<std::vector<std::string>> folded;
            for (const auto& q : qs) folded.push_back(folded_syllables(q));
            qualifiers.push_back(std::move(folded));
        }
        for (std::size_t i = 0; i < prov.other_provinces.size(); ++i)
            add(Role::other_province, static_cast<int>(i), 0, prov.other_provinces[i]);
        const auto& t = cfg.triage;
        for (std::size_t i = 0; i < t.topics.size(); ++i) {
            for (const auto& p : t.topics[i].phrases) add(Role::topic, static_cast<int>(i), p.weight, p.phrase);
            for (const auto& p : t.topics[i].exclude) add(Role::topic_exclude, static_cast<int>(i), 0, p);
        }
        for (const auto& p : t.tone.positive) add(Role::tone_positive, 0, p.weight, p.phrase);
        for (const auto& p : t.tone.negative) add(Role::tone_negative, 0, p.weight, p.phrase);
        for (std::size_t i = 0; i < t.response.signals.size(); ++i)
            for (const auto& p : t.response.signals[i].phrases)
                add(Role::signal, static_cast<int>(i), t.response.signals[i].weight, p);
        for (std::size_t i = 0; i < t.response.signals.size(); ++i)
            for (const auto& p : t.response.signals[i].exclude) add(Role::signal_exclude, static_cast<int>(i), 0, p);
        for (const auto& n : t.response.negations) add(Role::negation, 0, 0, n);
        for (const auto& n : prov.incidental_markers) add(Role::incidental, 0, 0, n);
        for (const auto& m : prov.related_markers) related_markers.push_back(folded_syllables(m));
        automaton.build();
    }

    static std::vector<std::string> folded_syllables(std::string_view s) {
        std::vector<std::string> out;
        for (auto& syl : text::syllables(s)) out.push_back(syl.folded);
        return out;
    }

    void add(Role role, int ref, double weight, const std::string& phrase) {
        Pattern p{role, ref, weight, phrase, {}, {}, {}};
        std::vector<std::string> folded;
        for (auto& syl : text::syllables(phrase)) {
            folded.push_back(syl.folded);
            p.exact.push_back(text::exact_key(phrase.substr(syl.offset, syl.length)));
            p.accented.push_back(!syl.ascii);
            p.capital.push_back(starts_with_capital(std::string_view(phrase).substr(syl.offset, syl.length)));
        }
        if (folded.empty()) return;
        int id = automaton.add(folded);
        if (static_cast<std::size_t>(id) != patterns.size()) throw std::logic_error("pattern ids out of step");
        patterns.push_back(std::move(p));
    }

    // Whether a match found on folded syllables also holds with the
    // diacritics: accented text must carry the pattern's tones and marks
    // ("cháy" is not "chạy"); text without diacritics matches a place name
    // always, and any phrase when the whole field is written without them.
    bool verified(const FieldText& f, const PhraseAutomaton::Match& m) const {
        const Pattern& p = patterns[static_cast<std::size_t>(m.pattern)];
        bool names = p.role == Role::place || p.role == Role::other_province;
        // Without diacritics one syllable means too many things ("bao" is
        // bão, bao, báo...): only names and longer phrases match there.
        if (f.plain && m.count == 1 && !names && p.role != Role::incidental && p.accented[0]) return false;
        for (std::size_t k = 0; k < m.count; ++k) {
            const auto& s = f.syl[m.first + k];
            // Names are written with capitals: "bắt một" is not "Bát Mọt".
            if (names && p.capital[k] && !starts_with_capital(f.text.substr(s.offset, s.length))) return false;
            if (s.ascii && !p.accented[k]) continue;
            if (s.ascii) {
                if (f.plain) continue;
                return false;
            }
            if (f.exact(m.first + k) != p.exact[k]) return false;
        }
        return true;
    }

    FieldText scan(Field field, std::string_view text) const {
        FieldText f{field, text, text::syllables(text), {}, {}, false, {}};
        f.exact_cache.resize(f.syl.size());
        std::vector<int> symbols;
        symbols.reserve(f.syl.size());
        std::size_t accented = 0;
        for (const auto& s : f.syl) {
            symbols.push_back(automaton.symbol(s.folded));
            if (!s.ascii) ++accented;
        }
        f.plain = f.syl.empty() || accented < plain_text_share * static_cast<double>(f.syl.size());
        std::vector<PhraseAutomaton::Match> raw;
        automaton.match(symbols, raw);
        for (const auto& m : raw)
            if (verified(f, m)) {
                f.by_role[static_cast<std::size_t>(patterns[static_cast<std::size_t>(m.pattern)].role)].push_back(
                    f.matches.size());
                f.matches.push_back(m);
            }
        return f;
    }

    bool syllables_equal(const FieldText& f, std::size_t first, const std::vector<std::string>& seq) const {
        if (seq.empty() || first + seq.size() > f.syl.size()) return false;
        for (std::size_t k = 0; k < seq.size(); ++k)
            if (f.syl[first + k].folded != seq[k]) return false;
        return true;
    }

    bool qualified(const FieldText& f, const PhraseAutomaton::Match& m, int place) const {
        for (const auto& q : qualifiers[static_cast<std::size_t>(place)])
            if (m.first >= q.size() && syllables_equal(f, m.first - q.size(), q)) return true;
        return false;
    }

    // Whether the paragraph holding byte `offset` is a "related news" line.
    bool in_related_line(const FieldText& f, std::size_t offset) const {
        std::size_t start = f.text.rfind('\n', offset == 0 ? 0 : offset - 1);
        start = (start == std::string_view::npos || offset == 0) ? 0 : start + 1;
        auto it = std::lower_bound(f.syl.begin(), f.syl.end(), start,
                                   [](const text::Syllable& x, std::size_t off) { return x.offset < off; });
        auto first = static_cast<std::size_t>(it - f.syl.begin());
        for (const auto& marker : related_markers)
            if (syllables_equal(f, first, marker)) return true;
        return false;
    }

    // Whether an exclusion phrase of the same topic or signal contains m
    // ("xử lý nước thải" is not a complaint about "nước thải").
    bool excluded(const FieldText& f, const PhraseAutomaton::Match& m, Role exclusion) const {
        int ref = patterns[static_cast<std::size_t>(m.pattern)].ref;
        return std::any_of(f.of(exclusion).begin(), f.of(exclusion).end(), [&](std::size_t i) {
            const auto& x = f.matches[i];
            return patterns[static_cast<std::size_t>(x.pattern)].ref == ref && x.first <= m.first &&
                   x.first + x.count >= m.first + m.count;
        });
    }

    bool negated(const FieldText& f, const PhraseAutomaton::Match& m) const {
        return preceded_by(f, m, Role::negation, cfg.triage.response.negation_window);
    }

    // Whether a match of `role` ends at most `window` syllables before m,
    // in the same sentence.
    bool preceded_by(const FieldText& f, const PhraseAutomaton::Match& m, Role role, int window_in) const {
        std::size_t window = static_cast<std::size_t>(window_in);
        std::size_t from = m.first > window ? m.first - window : 0;
        for (std::size_t i : f.of(role)) {
            const auto& n = f.matches[i];
            if (n.first >= from && n.first + n.count <= m.first) {
                // A sentence end between them breaks the link.
                auto between = f.text.substr(f.end_of(n.first, n.count), f.begin_of(m.first) - f.end_of(n.first, n.count));
                if (between.find_first_of(".!?;:\n") == std::string_view::npos) return true;
            }
        }
        return false;
    }

    Decision decide(const Article& a, std::int64_t now) const;
    // committees: the People's Committees of the places named with their
    // qualifier ("xã Hoằng Tiến"), in order of appearance.
    // place_agencies: agencies of other named places (an industrial park's board).
    void find_mentions(const std::vector<FieldText>& fields, Decision& d, std::vector<std::string>& committees,
                       std::vector<std::string>& place_agencies) const;
    void find_topics(const std::vector<FieldText>& fields, Decision& d) const;
    // raised / lowered: what the response signals added and took away; a
    // complaint is negative news, a problem handled or praised is positive.
    void find_tone(const std::vector<FieldText>& fields, double raised, double lowered, Decision& d) const;
    void find_flag(const Article& a, const std::vector<FieldText>& fields, const std::vector<std::string>& committees,
                   const std::vector<std::string>& place_agencies, Decision& d, std::int64_t now, double& raised,
                   double& lowered) const;
    double field_weight(Field f) const {
        const auto& ts = cfg.triage.topic_settings;
        return f == Field::headline ? ts.headline_weight : f == Field::lead ? ts.lead_weight : 1.0;
    }
};

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
            c.related = f.field == Field::body && in_related_line(f, c.m.offset);
            c.incidental = preceded_by(f, *m, Role::incidental, cfg.province.incidental_window) ||
                           in_parentheses(f.text, c.m.offset, c.m.length);
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
        if (!place.agency.empty() && committee && c.qualified) committees.push_back(place.agency);
        if (!place.agency.empty() && !committee) place_agencies.push_back(place.agency);
        if (c.incidental) {
            // A hometown, a direction, a label: a trace, not a subject.
            body += sc.incidental;
            d.reasons.push_back(fmt::format("\"{}\" ({}) chỉ nhắc qua (quê, hướng đi, nhãn hàng...): +{}", c.m.text,
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
    d.reasons.push_back(fmt::format("điểm {} {} ngưỡng {}: {}", d.score, d.clipping ? ">=" : "<",
                                    cfg.settings.clipping_threshold, d.clipping ? "là tin về tỉnh" : "không phải tin về tỉnh"));
}

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

void Triager::Impl::find_tone(const std::vector<FieldText>& fields, double raised, double lowered, Decision& d) const {
    double pos = signal_tone_share * lowered, neg = signal_tone_share * raised;
    if (raised > 0 || lowered > 0)
        d.tone_evidence.push_back(fmt::format("dấu hiệu phản ánh: -{:.1f}, dấu hiệu đã xử lý/khen: +{:.1f}",
                                              signal_tone_share * raised, signal_tone_share * lowered));
    std::set<int> seen;
    for (const auto& f : fields)
        for (Role r : {Role::tone_positive, Role::tone_negative})
        for (std::size_t i : f.of(r)) {
            const auto& m = f.matches[i];
            const Pattern& p = patterns[static_cast<std::size_t>(m.pattern)];
            if (!seen.insert(m.pattern).second) continue;
            if (p.role == Role::tone_negative && negated(f, m)) continue;
            double w = p.weight * field_weight(f.field);
            (p.role == Role::tone_positive ? pos : neg) += w;
            d.tone_evidence.push_back(fmt::format("{} \"{}\" ({}, {:.1f})", p.role == Role::tone_positive ? "+" : "-",
                                                  f.span(m), field_name(f.field), w));
        }
    double margin = cfg.triage.tone.margin;
    d.tone = pos - neg >= margin ? "positive" : neg - pos >= margin ? "negative" : "neutral";
    d.tone_evidence.push_back(fmt::format("tích cực {:.1f}, tiêu cực {:.1f}, chênh lệch cần {:.1f}", pos, neg, margin));
}

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

Decision Triager::Impl::decide(const Article& a, std::int64_t now) const {
    std::vector<FieldText> fields;
    fields.push_back(scan(Field::headline, a.headline));
    fields.push_back(scan(Field::lead, a.description));
    fields.push_back(scan(Field::body, a.body));
    Decision d;
    std::vector<std::string> committees, place_agencies;
    find_mentions(fields, d, committees, place_agencies);
    find_topics(fields, d);
    double raised = 0, lowered = 0;
    find_flag(a, fields, committees, place_agencies, d, now, raised, lowered);
    find_tone(fields, raised, lowered, d);
    return d;
}

Triager::Triager(const config::Config& cfg) : impl_(std::make_unique<Impl>(cfg)) {}
Triager::~Triager() = default;

Decision Triager::decide(const Article& a, std::int64_t now) const { return impl_->decide(a, now); }

}  // namespace presswatch::triage
