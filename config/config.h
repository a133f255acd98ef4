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
    int line = 0;                        // where it was defined, for messages
    std::string file;
};

// province.toml: one name the triage looks for.
struct PlaceName {
    std::string name;          // as written, e.g. "Thanh Hóa", "Nghi Sơn"
    std::string kind;          // province | city | ward | commune | former-district | former-town | place | institution
    bool ambiguous = false;    // counts only with a qualifier or another mention
    std::vector<std::string> qualifiers;  // e.g. "xã", "phường", "huyện"
    std::string agency;        // slug of the People's Committee answering for it, if any
};

struct Province {
    std::string name = "Thanh Hóa";
    std::string slug = "thanh-hoa";
    std::vector<PlaceName> names;               // the province and everything in it
    std::vector<std::string> other_provinces;   // used to spot national round-ups
};

struct Config {
    Settings settings;
    std::vector<Outlet> outlets;
    Province province;
    BriefingConfig briefing;         // briefing.toml
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
