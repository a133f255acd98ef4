// The extension points of config/loaders.h: province.toml's extra keys and
// the triage files (topics.toml, response.toml, agencies.toml). Each reader
// is strict: an unknown key or a wrong value names file, line and key.
#include <algorithm>
#include <set>
#include <map>

#include <fmt/format.h>

#include "config/loaders.h"
#include "text/dates.h"
#include "text/normalize.h"

namespace presswatch::config {
namespace {

std::vector<WeightedPhrase> weighted_phrases(TableReader& r, const std::string& key) {
    std::vector<WeightedPhrase> out;
    auto t = r.table(key);
    if (!t) return out;
    for (const auto& k : t->keys()) {
        auto w = t->number(k);
        if (!w) t->fail(k, "must be a number (the phrase's weight), like \"ô nhiễm\" = 2.0");
        if (text::fold(k).find_first_not_of(' ') == std::string::npos) t->fail(k, "an empty phrase matches nothing");
        out.push_back({k, *w});
    }
    t->finish();
    return out;
}

double positive_number(TableReader& r, const std::string& key, double dflt) {
    auto v = r.number(key);
    if (!v) return dflt;
    if (*v < 0) r.fail(key, "must not be negative");
    return *v;
}

std::int64_t date_value(TableReader& r, const std::string& key, const std::string& value) {
    if (value.size() != 10) r.fail(key, fmt::format("\"{}\" is not a date; write YYYY-MM-DD", value));
    auto t = text::parse_iso8601(value);
    if (!t) r.fail(key, fmt::format("\"{}\" is not a date; write YYYY-MM-DD", value));
    return *t;
}

// The slug of a [[topic]] or [[agency]]: required, ASCII, not seen before.
std::string unique_slug(TableReader& e, std::set<std::string>& seen) {
    std::string slug = e.required_str("slug");
    check_slug(e, "slug", slug);
    if (!seen.insert(slug).second) e.fail("slug", fmt::format("\"{}\" is defined twice", slug));
    return slug;
}

void load_scoring(TableReader& r, ProvinceScoring& s) {
    s.headline = positive_number(r, "headline", s.headline);
    s.lead = positive_number(r, "lead", s.lead);
    s.body_first = positive_number(r, "body_first", s.body_first);
    s.body_more = positive_number(r, "body_more", s.body_more);
    s.body_max = positive_number(r, "body_max", s.body_max);
    s.early_bonus = positive_number(r, "early_bonus", s.early_bonus);
    s.early_share = positive_number(r, "early_share", s.early_share);
    s.late_factor = positive_number(r, "late_factor", s.late_factor);
    s.roundup_factor = positive_number(r, "roundup_factor", s.roundup_factor);
    s.incidental = positive_number(r, "incidental", s.incidental);
    s.other_focus_factor = positive_number(r, "other_focus_factor", s.other_focus_factor);
    if (auto v = r.integer("roundup_min_others")) {
        if (*v < 1) r.fail("roundup_min_others", "must be at least 1");
        s.roundup_min_others = static_cast<int>(*v);
    }
    if (s.early_share > 1) r.fail("early_share", "is a share of the body: between 0 and 1");
    r.finish();
}

void load_topics(TableReader& r, TriageTables& t) {
    std::set<std::string> slugs;
    for (auto& e : r.tables("topic")) {
        Topic topic;
        topic.line = e.line();
        topic.slug = unique_slug(e, slugs);
        topic.name = e.required_str("name");
        topic.phrases = weighted_phrases(e, "phrases");
        if (topic.phrases.empty()) e.fail("phrases", "list at least one phrase, like { \"ô nhiễm\" = 2.0 }");
        topic.exclude = e.strings("exclude");
        topic.min_score = positive_number(e, "min_score", 0);
        e.finish();
        t.topics.push_back(std::move(topic));
    }
    if (auto s = r.table("settings")) {
        auto& ts = t.topic_settings;
        ts.min_score = positive_number(*s, "min_score", ts.min_score);
        ts.relative_min = positive_number(*s, "relative_min", ts.relative_min);
        ts.headline_weight = positive_number(*s, "headline_weight", ts.headline_weight);
        ts.lead_weight = positive_number(*s, "lead_weight", ts.lead_weight);
        if (auto v = s->integer("max_topics")) {
            if (*v < 1) s->fail("max_topics", "must be at least 1");
            ts.max_topics = static_cast<int>(*v);
        }
        s->finish();
    }
    if (auto tone = r.table("tone")) {
        t.tone.positive = weighted_phrases(*tone, "positive");
        t.tone.negative = weighted_phrases(*tone, "negative");
        t.tone.margin = positive_number(*tone, "margin", t.tone.margin);
        t.tone.body_weight = positive_number(*tone, "body_weight", t.tone.body_weight);
        t.tone.headline_weight = positive_number(*tone, "headline_weight", t.tone.headline_weight);
        t.tone.lead_weight = positive_number(*tone, "lead_weight", t.tone.lead_weight);
        t.tone.signal_share = positive_number(*tone, "signal_share", t.tone.signal_share);
        tone->finish();
    }
    r.finish();
}

// The level of government a flagged problem goes to, as the press office
// counts them (the guideline of the labelled set uses the same words).
void check_agency_kind(TableReader& r, const std::string& key, const std::string& kind) {
    if (kind != "commune" && kind != "department" && kind != "province")
        r.fail(key, fmt::format("\"{}\" is not a level; use commune, department or province", kind));
}

void load_response(TableReader& r, TriageTables& t) {
    auto& rr = t.response;
    rr.threshold = positive_number(r, "threshold", rr.threshold);
    rr.severity2 = positive_number(r, "severity2", rr.severity2);
    rr.severity3 = positive_number(r, "severity3", rr.severity3);
    if (rr.severity2 < rr.threshold || rr.severity3 < rr.severity2)
        r.fail("severity3", "thresholds must grow: threshold <= severity2 <= severity3");
    rr.negations = r.strings("negations");
    rr.strong_weight = positive_number(r, "strong_weight", rr.strong_weight);
    if (auto v = r.integer("min_signals")) {
        if (*v < 1 || *v > 10) r.fail("min_signals", "must be between 1 and 10");
        rr.min_signals = static_cast<int>(*v);
    }
    if (auto v = r.integer("negation_window")) {
        if (*v < 0 || *v > 10) r.fail("negation_window", "must be between 0 and 10 syllables");
        rr.negation_window = static_cast<int>(*v);
    }
    for (auto& e : r.tables("signal")) {
        ResponseSignal s;
        s.line = e.line();
        s.name = e.required_str("name");
        s.kind = e.str_or("kind", "raise");
        if (s.kind != "raise" && s.kind != "lower") e.fail("kind", "must be \"raise\" or \"lower\"");
        s.weight = positive_number(e, "weight", s.weight);
        if (auto v = e.integer("severity")) {
            if (*v < 0 || *v > 3) e.fail("severity", "must be 0 (none), 1, 2 or 3");
            s.severity = static_cast<int>(*v);
        }
        s.phrases = e.strings("phrases");
        s.url_parts = e.strings("url_parts");
        s.exclude = e.strings("exclude");
        s.context = e.strings("context");
        s.agency_kind = e.str_or("agency_kind", "");
        if (!s.agency_kind.empty()) check_agency_kind(e, "agency_kind", s.agency_kind);
        s.fields = e.strings("fields");
        for (const auto& f : s.fields)
            if (f != "headline" && f != "lead" && f != "opening" && f != "body")
                e.fail("fields", fmt::format("\"{}\" is not a field; use headline, lead, opening or body", f));
        s.tone = e.str_or("tone", "");
        if (!s.tone.empty() && s.tone != "positive" && s.tone != "negative" && s.tone != "neutral")
            e.fail("tone", fmt::format("\"{}\" is not a tone; use positive, negative or neutral", s.tone));
        if (s.phrases.empty() && s.url_parts.empty())
            e.fail("phrases", "give phrases or url_parts: a signal with neither never fires");
        e.finish();
        rr.signals.push_back(std::move(s));
    }
    if (auto v = r.str("default_agency_kind")) {
        check_agency_kind(r, "default_agency_kind", *v);
        rr.default_agency_kind = *v;
    }
    rr.both_share = positive_number(r, "both_share", rr.both_share);
    rr.headline_weight = positive_number(r, "headline_weight", rr.headline_weight);
    rr.lead_weight = positive_number(r, "lead_weight", rr.lead_weight);
    rr.body_weight = positive_number(r, "body_weight", rr.body_weight);
    for (auto& e : r.tables("agency_cue")) {
        AgencyCue c;
        c.line = e.line();
        c.kind = e.required_str("kind");
        check_agency_kind(e, "kind", c.kind);
        c.weight = positive_number(e, "weight", c.weight);
        c.phrases = e.strings("phrases");
        if (c.phrases.empty()) e.fail("phrases", "give the words that name this level of government");
        e.finish();
        rr.agency_cues.push_back(std::move(c));
    }
    for (auto& e : r.tables("deadline")) {
        DeadlineRule d;
        d.line = e.line();
        d.trigger = e.str_or("trigger", d.trigger);
        if (d.trigger != "flag" && d.trigger != "severity-2" && d.trigger != "severity-3")
            e.fail("trigger", fmt::format("\"{}\" is not a trigger; use flag, severity-2 or severity-3", d.trigger));
        d.clock = e.required_str("clock");
        if (d.clock != "hours" && d.clock != "calendar-days" && d.clock != "working-days")
            e.fail("clock", fmt::format("\"{}\" is not a clock; use hours, calendar-days or working-days", d.clock));
        auto dur = e.integer("duration");
        if (!dur || *dur < 1 || *dur > 10000) e.fail("duration", "give a whole number from 1 to 10000");
        d.duration = static_cast<int>(*dur);
        d.agency_kind = e.str_or("agency_kind", d.agency_kind);
        if (auto f = e.str("valid_from")) d.valid_from = date_value(e, "valid_from", *f);
        if (auto to = e.str("valid_to")) d.valid_to = date_value(e, "valid_to", *to);
        if (d.valid_from && d.valid_to && *d.valid_to <= *d.valid_from)
            e.fail("valid_to", "must be after valid_from");
        e.finish();
        rr.deadlines.push_back(d);
    }
    for (const auto& h : r.strings("holidays")) rr.holidays.push_back(date_value(r, "holidays", h));
    std::sort(rr.holidays.begin(), rr.holidays.end());
    r.finish();
}

void load_agencies(TableReader& r, TriageTables& t) {
    static const std::set<std::string> kinds = {"province", "department", "police", "inspectorate", "board",
                                                "committee"};
    std::set<std::string> slugs;
    for (auto& e : r.tables("agency")) {
        Agency a;
        a.line = e.line();
        a.slug = unique_slug(e, slugs);
        a.name = e.required_str("name");
        a.kind = e.required_str("kind");
        if (!kinds.count(a.kind))
            e.fail("kind", fmt::format("\"{}\" is not a kind; use province, department, police, inspectorate, "
                                       "board or committee", a.kind));
        a.topics = e.strings("topics");
        e.finish();
        t.agencies.push_back(std::move(a));
    }
    t.fallback_agency = r.str_or("fallback", t.fallback_agency);
    r.finish();
}

// The People's Committee of a commune or ward, by the convention
// ubnd-<xa|phuong>-<ascii name>. These are not listed in agencies.toml: the
// gazetteer is their list.
std::string committee_slug(const PlaceName& p) {
    return "ubnd-" + std::string(p.kind == "ward" ? "phuong" : "xa") + "-" + text::ascii_slug(p.name);
}

}  // namespace

const Agency* TriageTables::agency(const std::string& slug) const {
    for (const auto& a : agencies)
        if (a.slug == slug) return &a;
    return nullptr;
}

void extend_outlet(TableReader& r, Outlet& o) { read_outlet_crawl_keys(r, o); }

void extend_place(TableReader& r, PlaceName& p) {
    p.line = r.line();
    if (p.agency.empty() && (p.kind == "ward" || p.kind == "commune")) p.agency = committee_slug(p);
    p.became = r.strings("became");
    if (!p.became.empty() && !p.kind.starts_with("former"))
        r.fail("became", "only a former unit (kind former-...) became other units");
}

namespace {

// Resolves each former unit's `became` to the current units' committees.
void resolve_became(TableReader& r, Province& p) {
    std::map<std::string, const PlaceName*> units;
    for (const auto& n : p.names)
        if (n.kind == "ward" || n.kind == "commune") units.emplace(n.name, &n);
    for (auto& n : p.names)
        for (const auto& b : n.became) {
            auto it = units.find(b);
            if (it == units.end())
                r.fail("place", fmt::format("line {}: \"{}\" became \"{}\", which is no ward or commune of this file; "
                                            "list it as a [[place]] of kind ward or commune, or correct the name",
                                            n.line, n.name, b));
            n.became_agencies.push_back(it->second->agency);
            if (n.agency.empty()) n.agency = it->second->agency;
        }
}

}  // namespace

void extend_province(TableReader& r, Province& p) {
    p.related_markers = r.strings("related_markers");
    p.default_qualifiers = r.strings("default_qualifiers");
    p.incidental_markers = r.strings("incidental_markers");
    p.person_markers = r.strings("person_markers");
    p.range_markers = r.strings("range_markers");
    if (auto v = r.integer("incidental_window")) {
        if (*v < 0 || *v > 10) r.fail("incidental_window", "must be between 0 and 10 syllables");
        p.incidental_window = static_cast<int>(*v);
    }
    if (auto s = r.table("scoring")) load_scoring(*s, p.scoring);
    resolve_became(r, p);
}

void load_other_file(const std::string& name, TableReader r, Config& cfg) {
    if (name == "briefing.toml") load_briefing(std::move(r), cfg.briefing);
    else if (name == "topics.toml") load_topics(r, cfg.triage);
    else if (name == "response.toml") load_response(r, cfg.triage);
    else if (name == "agencies.toml") load_agencies(r, cfg.triage);
    else r.fail("", "is not a configuration file presswatch knows (" + name + ")");
}

void validate(const Config& cfg) {
    std::set<std::string> topics;
    for (const auto& t : cfg.triage.topics) topics.insert(t.slug);
    std::set<std::string> kinds = {"committee"};
    std::set<std::string> committees;
    for (const auto& p : cfg.province.names)
        if (p.kind == "ward" || p.kind == "commune") committees.insert(committee_slug(p));
    for (const auto& a : cfg.triage.agencies) {
        kinds.insert(a.kind);
        for (const auto& t : a.topics)
            if (!topics.count(t))
                throw ConfigError(fmt::format("agencies.toml:{}: topics: \"{}\" is not a topic of topics.toml",
                                              a.line, t));
    }
    for (const auto& p : cfg.province.names)
        if (!p.agency.empty() && !cfg.triage.agency(p.agency) && !committees.count(p.agency))
            throw ConfigError(fmt::format("province.toml:{}: agency: \"{}\" is not an agency of agencies.toml "
                                          "nor a commune or ward of province.toml",
                                          p.line, p.agency));
    for (const auto& d : cfg.triage.response.deadlines)
        if (d.agency_kind != "any" && !kinds.count(d.agency_kind))
            throw ConfigError(fmt::format("response.toml:{}: agency_kind: no agency has kind \"{}\"", d.line,
                                          d.agency_kind));
    if (!cfg.triage.agencies.empty() && !cfg.triage.agency(cfg.triage.fallback_agency))
        throw ConfigError(fmt::format("agencies.toml: fallback: \"{}\" is not an agency",
                                      cfg.triage.fallback_agency));
}

}  // namespace presswatch::config
