#pragma once
// Private to triage/: the matching machinery shared by the rule files
// (mentions.cpp, topics_tone.cpp, response_flag.cpp). One pass of one
// phrase automaton over each field's syllables finds every gazetteer name,
// topic phrase, tone word and response signal; FieldText holds the
// verified matches, indexed by role, for the rules to read.
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
// A name inside a comma-separated list of at least this many capitalised
// items (the cities of a route map, a list of localities) is one among
// many: incidental. Four provinces named together (a resolution for four)
// are each a subject; route maps and weather lists run to ten and more.
constexpr int list_min_items = 6;

enum class Role { place, other_province, topic, topic_exclude, tone_positive, tone_negative, signal, signal_exclude, negation, incidental, person, signal_context, agency_cue };
constexpr std::size_t role_count = 13;

struct Pattern {
    Role role;
    int ref = 0;              // index into the owning table (place, topic, signal)
    double weight = 0;
    std::string text;         // as configured
    std::vector<std::string> exact;  // exact key of each syllable
    std::vector<bool> accented;      // whether that syllable has diacritics
    std::vector<bool> capital;       // whether that syllable starts with a capital
};

inline bool starts_with_capital(std::string_view s) {
    if (s.empty()) return false;
    std::size_t i = 0;
    return u_isupper(static_cast<UChar32>(text::decode_utf8(s, i)));
}

// Vietnamese has a few thousand syllables: their exact keys are computed
// once per thread (ICU normalisation is the costly part of matching) and
// kept in a cache of bounded size.
constexpr std::size_t exact_cache_limit = 200'000;

inline std::string cached_exact_key(std::string_view syllable) {
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

// How many items the comma-separated list around [offset, offset+length)
// has, within its sentence, counting only items that start with a capital
// and are at most five words long ("Hải Phòng, Đà Nẵng, Vinh, Thanh Hóa và
// Huế"): 1 when the name stands in no such list.
inline int list_items(std::string_view text, std::size_t offset, std::size_t length) {
    auto stop = [](char c) { return c == '.' || c == '!' || c == '?' || c == '\n' || c == ';' || c == ':'; };
    std::size_t b = offset, e = offset + length;
    while (b > 0 && !stop(text[b - 1])) --b;
    while (e < text.size() && !stop(text[e])) ++e;
    // Items around the name: walk outwards over commas while items look
    // like names.
    auto item_is_name = [&](std::size_t from, std::size_t to) {
        std::string_view it = text.substr(from, to - from);
        while (!it.empty() && it.front() == ' ') it.remove_prefix(1);
        for (std::string_view joiner : {"và ", "hoặc ", "đến ", "đi "})
            if (it.starts_with(joiner)) it.remove_prefix(joiner.size());
        std::size_t words = 0;
        for (std::size_t i = 0; i < it.size(); ++i)
            if (it[i] != ' ' && (i == 0 || it[i - 1] == ' ')) ++words;
        return words >= 1 && words <= 5 && starts_with_capital(it);
    };
    int items = 1;
    std::size_t left = text.rfind(',', offset), right = text.find(',', offset + length);
    // Leftwards: each item between two commas (or the sentence start).
    std::size_t end_of_item = left;
    while (end_of_item != std::string_view::npos && end_of_item >= b) {
        std::size_t start = end_of_item > b ? text.rfind(',', end_of_item - 1) : std::string_view::npos;
        std::size_t from = (start == std::string_view::npos || start < b) ? b : start + 1;
        if (!item_is_name(from, end_of_item)) break;
        ++items;
        if (from == b) break;
        end_of_item = start;
    }
    std::size_t start_of_item = right;
    while (start_of_item != std::string_view::npos && start_of_item < e) {
        std::size_t next = text.find(',', start_of_item + 1);
        std::size_t to = (next == std::string_view::npos || next > e) ? e : next;
        if (!item_is_name(start_of_item + 1, to)) break;
        ++items;
        if (to == e) break;
        start_of_item = next;
    }
    return items;
}

// Sentence and clause marks. The automaton matches syllables across
// punctuation; a phrase holds only where the text has no mark the phrase
// itself lacks ("Thành. Công" is not "thành công", "đất, công" not "đất công",
// "thông (xe" not "thông xe").
inline bool crosses_punctuation(std::string_view span, std::string_view phrase) {
    auto marks = [](std::string_view s) {
        int n = 0;
        for (char c : s)
            n += c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n' || c == '(' ||
                 c == ')';
        return n;
    };
    return marks(span) > marks(phrase);
}

// "Nguyễn Thị Hòa (Thanh Hóa)": a name alone in brackets says where
// someone or something is from, not what the article is about.
inline bool in_parentheses(std::string_view text, std::size_t offset, std::size_t length) {
    std::size_t b = offset, e = offset + length;
    while (b > 0 && text[b - 1] == ' ') --b;
    while (e < text.size() && text[e] == ' ') ++e;
    return b > 0 && text[b - 1] == '(' && e < text.size() && text[e] == ')';
}

inline std::size_t utf8_back(std::string_view s, std::size_t i) {
    while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}

inline std::string snippet(std::string_view text, std::size_t offset, std::size_t length) {
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

struct Triager::Impl {
    const config::Config cfg;  // a copy: the Triager outlives no one's configuration
    PhraseAutomaton automaton;
    std::vector<Pattern> patterns;
    std::vector<std::vector<std::vector<std::string>>> qualifiers;  // per place: folded syllable sequences
    std::vector<std::vector<std::string>> related_markers;           // folded syllables
    std::vector<std::string> range_markers;                          // exact keys of one syllable each

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
        for (std::size_t i = 0; i < t.response.signals.size(); ++i)
            for (const auto& p : t.response.signals[i].context) add(Role::signal_context, static_cast<int>(i), 0, p);
        for (std::size_t i = 0; i < t.response.agency_cues.size(); ++i)
            for (const auto& p : t.response.agency_cues[i].phrases)
                add(Role::agency_cue, static_cast<int>(i), t.response.agency_cues[i].weight, p);
        for (const auto& n : t.response.negations) add(Role::negation, 0, 0, n);
        for (const auto& n : prov.incidental_markers) add(Role::incidental, 0, 0, n);
        for (const auto& n : prov.person_markers) add(Role::person, 0, 0, n);
        for (const auto& m : prov.related_markers) related_markers.push_back(folded_syllables(m));
        for (const auto& m : prov.range_markers) range_markers.push_back(text::exact_key(m));
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
        if (f.plain && m.count == 1 && !names && p.role != Role::incidental && p.role != Role::person &&
            p.accented[0])
            return false;
        for (std::size_t k = 0; k < m.count; ++k) {
            const auto& s = f.syl[m.first + k];
            // Names are written with capitals: "bắt một" is not "Bát Mọt".
            // ("Thị" before a name is a person's middle name; "đô thị" is a city.)
            if ((names || p.role == Role::person) && p.capital[k] &&
                !starts_with_capital(f.text.substr(s.offset, s.length)))
                return false;
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

    // Whether a match of `role` with the same ref as m stands in m's
    // sentence (a full stop, "!" or "?" followed by a space, or a line end
    // between them breaks it; "1.300 tỷ" and "TP.HCM" do not).
    bool in_same_sentence(const FieldText& f, const PhraseAutomaton::Match& m, Role role) const {
        int ref = patterns[static_cast<std::size_t>(m.pattern)].ref;
        for (std::size_t i : f.of(role)) {
            const auto& c = f.matches[i];
            if (patterns[static_cast<std::size_t>(c.pattern)].ref != ref) continue;
            std::size_t b = std::min(f.begin_of(c.first), f.begin_of(m.first));
            std::size_t e = std::max(f.end_of(c.first, c.count), f.end_of(m.first, m.count));
            auto between = f.text.substr(b, e - b);
            bool broken = false;
            for (std::size_t k = 0; k < between.size() && !broken; ++k) {
                char ch = between[k];
                if (ch == '\n') broken = true;
                else if ((ch == '.' || ch == '!' || ch == '?') && k + 1 < between.size() && between[k + 1] == ' ')
                    broken = true;
            }
            if (!broken) return true;
        }
        return false;
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
    // What the response signals that fired in the headline or the lead (or
    // came from the URL) say of the tone, each by its `tone`: the words that
    // tell what the article is about colour it even when they add up to no
    // problem (crime news, a sanction, praise).
    struct LeadingTone {
        double negative = 0, positive = 0;
    };
    // problem: what all the response signals say of the tone when they add
    // up to a problem (a complaint is negative news, a problem handled or
    // praised positive); leading: what those of the headline and lead say
    // otherwise.
    void find_tone(const std::vector<FieldText>& fields, const Problem& problem, const LeadingTone& leading,
                   Decision& d) const;
    // The stage of problem.cpp: the response signals, severity and agency
    // kind, from the text alone; leading, when given, gets their tone.
    Problem find_problem(const Article& a, const std::vector<FieldText>& fields, LeadingTone* leading = nullptr) const;
    std::vector<FieldText> scan_article(const Article& a) const {
        std::vector<FieldText> fields;
        fields.push_back(scan(Field::headline, a.headline));
        fields.push_back(scan(Field::lead, a.description));
        fields.push_back(scan(Field::body, a.body));
        return fields;
    }
    // Flags a problem of a clipping, routes it to agencies, sets the deadline.
    void find_flag(const Article& a, const Problem& problem, const std::vector<std::string>& committees,
                   const std::vector<std::string>& place_agencies, Decision& d, std::int64_t now) const;
    double field_weight(Field f) const {
        const auto& ts = cfg.triage.topic_settings;
        return f == Field::headline ? ts.headline_weight : f == Field::lead ? ts.lead_weight : 1.0;
    }
};

}  // namespace presswatch::triage
