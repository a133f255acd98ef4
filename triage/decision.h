#pragma once
// What triage decided about one article, with the evidence for each part.
// Plain value type; `presswatch triage` prints it as JSON.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace presswatch::triage {

enum class Field { headline, lead, body };
const char* field_name(Field f);

// How much an article is about the province, three levels:
//   subject  the province or a place in it is what the article is about
//            (a clipping);
//   passing  named in passing: among many places, a hometown, a club, a
//            route, a weather region, an outlet's closing line;
//   none     not the province at all (no name, or only a person's name,
//            a homonym elsewhere). Written "not" in JSON and the store.
enum class MentionLevel { none, passing, subject };
const char* level_name(MentionLevel l);  // "not", "passing", "subject"
// What a reader sees, in Vietnamese: "tin về tỉnh", "nhắc qua đến tỉnh",
// "không phải tin về tỉnh".
const char* level_label(MentionLevel l);
// The level named s ("not" or "none", "passing", "subject"), else nullopt.
std::optional<MentionLevel> level_from_name(std::string_view s);

struct Mention {
    std::string text;      // as written in the article
    std::string name;      // the gazetteer entry it matched
    std::string kind;      // the entry's kind (province, ward, place, ...)
    Field field = Field::body;
    std::size_t offset = 0;  // byte offset into that field
    std::size_t length = 0;  // bytes
    std::string snippet;     // context around it
    bool passing = false;    // counts only as a passing mention (hometown, list, club...)
};

struct TopicScore {
    std::string slug;
    double score = 0;
    std::vector<std::string> evidence;  // phrases that fired
};

// Whether the text reports a problem that a public agency must verify and
// answer (phản ánh), judged on the text alone, whatever place it is about:
// the stage Triager::problem() runs by itself.
struct Problem {
    bool reported = false;
    double score = 0;                   // raise signals minus lower signals
    int severity = 0;                   // 1..3 when reported
    std::string agency_kind;            // commune | department | province | both, when reported
    std::vector<std::string> reasons;   // each signal and cue that fired, with its weight
    // What the fired signals say of the tone, by each one's `tone` (a raise
    // signal negative, a lower one positive, unless it says otherwise).
    double tone_negative = 0, tone_positive = 0;
};

struct Flag {
    bool needed = false;                // a problem is reported and the article is a clipping
    bool problem = false;               // a problem is reported, whatever the article's place
    std::string agency_kind;            // commune | department | province | both, when problem
    int severity = 0;                   // 1..3 when needed
    std::vector<std::string> agencies;  // agency slugs
    std::optional<std::int64_t> deadline;  // Unix seconds
    std::vector<std::string> reasons;   // each signal that fired, with its weight
};

struct Decision {
    bool clipping = false;              // mention_level == subject
    MentionLevel mention_level = MentionLevel::none;
    double score = 0;
    std::vector<Mention> mentions;
    std::vector<TopicScore> topics;
    std::string tone = "neutral";       // positive | neutral | negative
    std::vector<std::string> tone_evidence;
    Flag flag;
    std::vector<std::string> places;    // gazetteer names of the places mentioned
    std::vector<std::string> reasons;   // why it is (not) a clipping, readable
};

}  // namespace presswatch::triage
