#pragma once
// The figures of the monthly press briefing, computed once from the store
// and then written as docx, HTML, CSV or JSON (briefing/render.h).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "store/store.h"
#include "store/workflow.h"

namespace presswatch::briefing {

struct Period {
    std::string label;            // "2026-11"
    std::int64_t from = 0, to = 0;  // [from, to), Vietnam time
};
// "2026-11" -> the month in Vietnam time. Throws InputError otherwise.
Period month_period(const std::string& month);
Period previous_month(const Period& p);

// Which clippings a report counts (briefing.toml [report]).
struct CountingRule {
    std::string name;             // relevant | relevant+unreviewed
    double min_score = 1.0;
    bool counts(const store::StoredArticle& a) const;
    std::string describe() const;  // in Vietnamese, printed in every report
};
CountingRule counting_rule(const config::Config& cfg);

struct Count {
    std::string key, label;       // slug or date, and what people read
    std::int64_t count = 0, previous = 0;
};

struct Issue {
    store::StoredArticle article;
    std::string outlet_name;
    std::optional<store::Response> response;
    std::string status;           // effective: pending | sent | overdue | answered | published | closed
    std::vector<std::string> agencies;  // the letter's agency, else triage's
};

struct Story {
    std::string headline;         // of its first article
    std::string url;              // of its first article
    std::int64_t first = 0;       // first publication
    std::vector<std::string> outlets;   // names, in order of publication
    std::vector<std::int64_t> articles;
};

struct SavedSearch {
    std::string figure;           // what it reproduces, in Vietnamese
    std::string query;            // `presswatch search` query
};

struct Clipping {
    store::StoredArticle article;
    std::string outlet_name, outlet_kind;
    std::size_t story = 0;        // index into MonthReport::stories
};

struct MonthReport {
    Period period, previous;
    CountingRule rule;
    std::int64_t as_of = 0;       // "now" for overdue
    std::int64_t clippings = 0, stories = 0, central = 0, local = 0;
    std::int64_t previous_clippings = 0, previous_stories = 0;
    // Articles that name the province only in passing (mention level
    // "passing"), not reviewed as not relevant: counted apart from the
    // clippings, never in them.
    std::int64_t passing = 0, previous_passing = 0;
    std::vector<Count> by_outlet, by_topic, by_tone, per_day;
    std::vector<Issue> issues;            // flagged clippings of the month
    std::vector<Issue> waiting;           // unanswered (any month up to period end), overdue first
    std::vector<Story> main_stories;      // the most outlets first
    std::vector<Clipping> annex;          // every counted clipping, oldest first
    std::vector<SavedSearch> searches;
};

MonthReport build_month_report(store::Store& store, const config::Config& cfg, const std::string& month,
                               std::int64_t as_of);

// The outlet's name and kind (central | local) from the configuration
// alone: briefing::OutletNames (briefing/outlet_names.h) with the store
// also names outlets crawled under another configuration (the demo's).
std::pair<std::string, std::string> outlet_name_kind(const config::Config& cfg, const std::string& slug);

}  // namespace presswatch::briefing
