#pragma once
// The effective configuration: settings, outlets, the province gazetteer and
// the triage tables. Loaded from TOML files; the defaults for Thanh Hóa are
// compiled into the binary (config/defaults/), and `--config DIR` or
// PRESSWATCH_CONFIG replaces them file by file.
//
// load_config() throws ConfigError naming file, line and key for an unknown
// key, a wrong type, a bad URL or a bad pattern. A Config is a plain value,
// safe to share read-only between threads.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/briefing_config.h"

namespace presswatch::config {

// presswatch.toml
struct Settings {
    std::string data_dir;            // empty: PRESSWATCH_DATA or XDG default
    std::string user_agent = "presswatch/0.1 (+mailto:press-office@example.invalid)";
    int concurrency = 16;            // transfers in flight, all hosts
    int per_host_concurrency = 2;    // transfers in flight to one host
    int min_interval_ms = 1000;      // between two requests to one host
    int max_age_days = 7;            // feed items older than this are skipped
    int connect_timeout_s = 10;
    int transfer_timeout_s = 30;
    std::int64_t max_body_bytes = 8 * 1024 * 1024;
    int max_redirects = 5;
    double clipping_threshold = 1.0; // triage score at which an article is a clipping
};

// sources.toml, one [[outlet]]
struct Outlet {
    std::string slug;                   // ASCII id used in queries and reports
    std::string name;
    std::string kind = "central";       // central | local
    std::vector<std::string> domains;   // hosts whose pages belong to this outlet
    std::vector<std::string> feeds;     // RSS/Atom feed URLs
    std::vector<std::string> sitemaps;  // sitemap URLs
    std::vector<std::string> listings;  // section or tag pages
    std::vector<std::string> include_patterns;  // article link regexes (listings)
    std::vector<std::string> exclude_patterns;
    int listing_depth = 1;
    std::map<std::string, std::string> selectors;  // body/date/author fallbacks
    // Crawler keys, read by config/sources_crawl.cpp:
    std::vector<std::string> tracking_parameters;  // query parameters dropped from its URLs ("ref", "src_*")
    std::vector<std::string> redirect_hosts;       // hosts off its domains a redirect may still go to
    std::string cookie_url;                        // page fetched first, for the cookies it sets
    std::vector<std::string> cookies;              // "name=value" sent with every request to it
    int line = 0;                        // where it was defined, for messages
    std::string file;
};

// province.toml: one name the triage looks for.
struct PlaceName {
    std::string name;          // as written, e.g. "Thanh Hóa", "Nghi Sơn"
    // province | city | ward | commune | former-district | former-town |
    // former-city | former-commune | place | institution | nickname | club |
    // media. A club's or the province's own media's name carries the
    // province's, but the article is about a match or the outlet signs
    // off: such a mention, and those after it in its sentence, are passing.
    std::string kind;
    bool ambiguous = false;    // counts only with a qualifier or another mention
    std::vector<std::string> qualifiers;  // e.g. "xã", "phường", "huyện"
    std::string agency;        // slug of the People's Committee answering for it, if any
    // A former unit: the current wards or communes that took it over (more
    // than one when it was split, or when several former units had the
    // name), and their committees' slugs in the same order; agency is the
    // first of them unless given.
    std::vector<std::string> became;
    std::vector<std::string> became_agencies;
    int line = 0;              // where it was defined, for messages
};

// province.toml [scoring]: how mentions add up to the relevance score.
struct ProvinceScoring {
    double headline = 3.0;       // a mention in the headline
    double lead = 2.0;           // a mention in the lead (sapo)
    double body_first = 1.0;     // the first mention in the body
    double body_more = 0.4;      // each further body mention
    double body_max = 3.0;       // cap on the body's part
    double early_bonus = 0.5;    // first body mention within the first `early_share` of the body
    double early_share = 0.3;
    double late_factor = 0.6;    // a lone body mention after the first 70%: probably a byline or aside
    int roundup_min_others = 3;  // distinct other provinces that make a national round-up
    double roundup_factor = 0.3; // score multiplier for a round-up without a headline mention
    double incidental = 0.2;     // weight of a mention right after an incidental marker ("quê")
    double other_focus_factor = 0.5;  // score multiplier when another province is named more often
};

struct Province {
    std::string name = "Thanh Hóa";
    std::string slug = "thanh-hoa";
    std::vector<PlaceName> names;               // the province and everything in it
    std::vector<std::string> other_provinces;   // used to spot national round-ups
    // Paragraph openings that mark "related news" lines, whose mentions do
    // not count ("Xem thêm", "Tin liên quan").
    std::vector<std::string> related_markers;
    // Words that make an ambiguous name certain when a place gives none.
    std::vector<std::string> default_qualifiers;
    // Words just before a name that make it incidental: a hometown ("quê"),
    // a direction ("hướng"), a product label ("nhãn"). Such a mention adds
    // only scoring.incidental.
    std::vector<std::string> incidental_markers;
    int incidental_window = 3;  // syllables before the name searched for a marker
    // Words right before a name that make it a person's name ("chị Thanh
    // Hoa", "Nguyễn Thị Thanh Hoa"): such a mention does not count.
    std::vector<std::string> person_markers;
    // Words between the name and another province's that make a region,
    // not a subject ("từ Thanh Hóa đến Hà Tĩnh", "Hà Tĩnh tới Thanh Hóa"):
    // outside the headline such a mention is incidental.
    std::vector<std::string> range_markers;
    ProvinceScoring scoring;
};

// A phrase with its weight (topics.toml, response.toml).
struct WeightedPhrase {
    std::string phrase;
    double weight = 1.0;
};

// topics.toml, one [[topic]].
struct Topic {
    std::string slug;                      // ASCII, from CONVENTIONS (moi-truong, ...)
    std::string name;                      // Vietnamese, for reports
    std::vector<WeightedPhrase> phrases;   // evidence for the topic
    std::vector<std::string> exclude;      // phrases whose matches cancel an overlapping phrase
    double min_score = 0;                  // 0: TopicSettings::min_score
    int line = 0;
};

struct TopicSettings {
    double min_score = 2.0;        // a topic needs at least this
    double relative_min = 0.35;    // ... and this share of the best topic's score
    int max_topics = 3;
    double headline_weight = 2.0;  // multiplier for a phrase in the headline
    double lead_weight = 1.5;
};

// topics.toml [tone]
struct ToneLexicon {
    std::vector<WeightedPhrase> positive, negative;
    double margin = 1.5;  // one side must lead by this much to win
    double body_weight = 1.0;  // a tone word in the body counts this much
    double headline_weight = 2.0;  // ... in the headline
    double lead_weight = 1.5;      // ... in the lead
    double signal_share = 0.5;     // share of the response signals' weights that counts (when they add up to a problem)
};

// response.toml, one [[signal]]: a group of phrases meaning one thing.
struct ResponseSignal {
    std::string name;                    // readable reason, e.g. "phản ánh của người dân"
    std::string kind = "raise";          // raise | lower
    double weight = 1.0;                 // added (raise) or subtracted (lower)
    int severity = 0;                    // severity at least this when it fires (0: none)
    std::vector<std::string> phrases;    // matched in headline, lead, body
    std::vector<std::string> url_parts;  // matched in the URL's path (columns, sections)
    std::vector<std::string> exclude;    // phrases whose matches cancel a phrase match they contain
    // When given, a phrase counts only with one of these in the same
    // sentence ("tử vong" with "hố công trình", "bị bắt" with "chủ tịch UBND").
    std::vector<std::string> context;
    std::string agency_kind;             // commune | department | province: who answers for such a problem
    // Where a phrase counts: any of "headline", "lead", "opening" (the
    // body's first paragraph), "body" (the rest of it); empty: everywhere.
    // National words say what the article is about only where the article
    // says it: in the headline or the lead, not deep in the body.
    std::vector<std::string> fields;
    // How a fired signal colours the tone: positive | negative | neutral;
    // empty: a raise signal is negative, a lower one positive. Crime news
    // lowers the problem score but is no good news.
    std::string tone;
    int line = 0;
};

// response.toml, one [[agency_cue]]: words saying which level of
// government must answer ("UBND xã" a commune, "UBND tỉnh" the province).
struct AgencyCue {
    std::string kind;                    // commune | department | province
    double weight = 1.0;
    std::vector<std::string> phrases;
    int line = 0;
};

// response.toml, one [[deadline]]: how long an agency has to answer.
struct DeadlineRule {
    std::string trigger = "flag";     // flag | severity-2 | severity-3
    std::string clock = "working-days";  // hours | calendar-days | working-days
    int duration = 0;
    std::string agency_kind = "any";  // any, or an agency kind (department, committee, ...)
    std::optional<std::int64_t> valid_from, valid_to;  // Vietnam midnight, [from, to)
    int line = 0;
};

struct ResponseRules {
    std::vector<ResponseSignal> signals;
    std::vector<std::string> negations;  // words just before a signal that cancel it ("không", "chưa")
    int negation_window = 3;             // syllables before the phrase searched for a negation
    double threshold = 2.0;              // flag when the score reaches this
    int min_signals = 2;                 // ... and this many strong raise signals fired
    double strong_weight = 2.0;          // weight from which a raise signal is strong
    double severity2 = 4.0;              // score for severity 2
    double severity3 = 7.0;              // score for severity 3
    std::vector<DeadlineRule> deadlines;
    std::vector<std::int64_t> holidays;  // Vietnam midnight of each public holiday
    std::vector<AgencyCue> agency_cues;
    std::string default_agency_kind = "department";  // when no cue and no signal names a kind
    double both_share = 0.5;             // commune and department both answer when the weaker has this share
    double headline_weight = 1.5;        // a signal's weight is multiplied by its field's
    double lead_weight = 1.0;
    double body_weight = 1.0;
};

// agencies.toml, one [[agency]]; the People's Committees of the communes
// and wards are added from province.toml.
struct Agency {
    std::string slug;
    std::string name;
    std::string kind;                 // province | department | police | inspectorate | board | committee
    std::vector<std::string> topics;  // topic slugs it answers for
    int line = 0;
};

struct TriageTables {
    std::vector<Topic> topics;
    TopicSettings topic_settings;
    ToneLexicon tone;
    ResponseRules response;
    std::vector<Agency> agencies;
    std::string fallback_agency = "ubnd-tinh";  // when no topic routes anywhere

    const Agency* agency(const std::string& slug) const;
};

struct Config {
    Settings settings;
    std::vector<Outlet> outlets;
    Province province;
    TriageTables triage;  // topics.toml, response.toml, agencies.toml
    BriefingConfig briefing;  // briefing.toml
    // Where each file came from ("built-in" or a path), for `config show`.
    std::map<std::string, std::string> origins;

    const Outlet* outlet_by_slug(const std::string& slug) const;
    // The outlet whose domains contain host (port ignored, subdomains match).
    const Outlet* outlet_for_host(const std::string& host) const;
};

// Loads the configuration. dir empty: PRESSWATCH_CONFIG, else the built-in
// defaults. A file missing from dir falls back to the built-in one.
Config load_config(const std::filesystem::path& dir = {});

// The built-in file contents, by file name ("sources.toml").
std::optional<std::string> builtin_config_file(const std::string& name);
std::vector<std::string> config_file_names();

}  // namespace presswatch::config
