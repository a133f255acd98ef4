#include "triage/decision_json.h"

#include "text/dates.h"

namespace presswatch::triage {

using nlohmann::json;

const char* field_name(Field f) {
    switch (f) {
        case Field::headline: return "headline";
        case Field::lead: return "lead";
        case Field::body: return "body";
    }
    return "body";
}

const char* level_name(MentionLevel l) {
    switch (l) {
        case MentionLevel::subject: return "subject";
        case MentionLevel::passing: return "passing";
        case MentionLevel::none: return "not";
    }
    return "not";
}

const char* level_label(MentionLevel l) {
    switch (l) {
        case MentionLevel::subject: return "tin về tỉnh";
        case MentionLevel::passing: return "nhắc qua đến tỉnh";
        case MentionLevel::none: return "không phải tin về tỉnh";
    }
    return "không phải tin về tỉnh";
}

std::optional<MentionLevel> level_from_name(std::string_view s) {
    if (s == "subject") return MentionLevel::subject;
    if (s == "passing") return MentionLevel::passing;
    if (s == "not" || s == "none") return MentionLevel::none;
    return std::nullopt;
}

static Field field_from(const std::string& s) {
    if (s == "headline") return Field::headline;
    if (s == "lead") return Field::lead;
    return Field::body;
}

json to_json(const Decision& d) {
    json mentions = json::array();
    for (const auto& m : d.mentions)
        mentions.push_back({{"text", m.text}, {"name", m.name}, {"kind", m.kind}, {"field", field_name(m.field)},
                            {"offset", m.offset}, {"length", m.length}, {"snippet", m.snippet}, {"passing", m.passing}});
    json topics = json::array();
    for (const auto& t : d.topics) topics.push_back({{"slug", t.slug}, {"score", t.score}, {"evidence", t.evidence}});
    json flag = {{"needed", d.flag.needed},
                 {"problem", d.flag.problem},
                 {"severity", d.flag.severity},
                 {"agency_kind", d.flag.agency_kind.empty() ? json(nullptr) : json(d.flag.agency_kind)},
                 {"agencies", d.flag.agencies},
                 {"deadline", d.flag.deadline ? json(text::iso8601(*d.flag.deadline)) : json(nullptr)},
                 {"reasons", d.flag.reasons}};
    return {{"clipping", d.clipping}, {"mention_level", level_name(d.mention_level)},
            {"score", d.score},       {"reasons", d.reasons},
            {"mentions", mentions},   {"places", d.places},   {"topics", topics},
            {"tone", d.tone},         {"tone_evidence", d.tone_evidence}, {"flag", flag}};
}

Decision decision_from_json(const json& j) {
    Decision d;
    d.clipping = j.value("clipping", false);
    // Decisions stored before the levels existed have only "clipping":
    // a clipping is a subject, anything else is read as not the province
    // until a re-triage grades it.
    auto level = level_from_name(j.value("mention_level", std::string()));
    d.mention_level = level ? *level : d.clipping ? MentionLevel::subject : MentionLevel::none;
    d.score = j.value("score", 0.0);
    d.reasons = j.value("reasons", std::vector<std::string>{});
    d.places = j.value("places", std::vector<std::string>{});
    d.tone = j.value("tone", std::string("neutral"));
    d.tone_evidence = j.value("tone_evidence", std::vector<std::string>{});
    for (const auto& m : j.value("mentions", json::array())) {
        Mention x;
        x.text = m.value("text", "");
        x.name = m.value("name", "");
        x.kind = m.value("kind", "");
        x.field = field_from(m.value("field", "body"));
        x.offset = m.value("offset", std::size_t{0});
        x.length = m.value("length", std::size_t{0});
        x.snippet = m.value("snippet", "");
        x.passing = m.value("passing", false);
        d.mentions.push_back(std::move(x));
    }
    for (const auto& t : j.value("topics", json::array()))
        d.topics.push_back({t.value("slug", ""), t.value("score", 0.0), t.value("evidence", std::vector<std::string>{})});
    if (j.contains("flag")) {
        const auto& f = j["flag"];
        d.flag.needed = f.value("needed", false);
        d.flag.problem = f.value("problem", d.flag.needed);
        d.flag.severity = f.value("severity", 0);
        if (f.contains("agency_kind") && f["agency_kind"].is_string()) d.flag.agency_kind = f["agency_kind"].get<std::string>();
        d.flag.agencies = f.value("agencies", std::vector<std::string>{});
        d.flag.reasons = f.value("reasons", std::vector<std::string>{});
        if (f.contains("deadline") && f["deadline"].is_string())
            d.flag.deadline = text::parse_iso8601(f["deadline"].get<std::string>());
    }
    return d;
}

}  // namespace presswatch::triage
