#pragma once
// What triage decided about one article, with the evidence for each part.
// Plain value type; `presswatch triage` prints it as JSON.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace presswatch::triage {

enum class Field { headline, lead, body };
const char* field_name(Field f);

struct Mention {
    std::string text;      // as written in the article
    std::string name;      // the gazetteer entry it matched
    std::string kind;      // the entry's kind (province, ward, place, ...)
    Field field = Field::body;
    std::size_t offset = 0;  // byte offset into that field
    std::size_t length = 0;  // bytes
    std::string snippet;     // context around it
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
    double raised = 0, lowered = 0;     // what raise and lower signals added and took away
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
    bool clipping = false;
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
