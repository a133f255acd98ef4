#pragma once
// `presswatch status`: is the service healthy? What the crawler, the
// outlets, the index, the disk and the backups say, with the problems found
// as stable keys (for alerts: one mail per key per day, pipeline/alerts.h)
// and messages in Vietnamese. Reads only: safe while a crawl runs.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "store/store.h"

namespace presswatch::pipeline {

struct OutletStatus {
    std::string slug, name;
    std::optional<std::int64_t> last_read;      // any source of it read (or tried)
    std::optional<std::int64_t> last_success;   // a source of it read without error
    std::string last_error;                     // of the latest failed reading, if the latest failed
    int sources = 0, dead_sources = 0;          // sources read in 30 days, and of them dead (store/source_health.h)
    std::optional<std::int64_t> newest_fetched; // the newest stored article: when it was stored
    std::string newest_headline;
    std::int64_t articles_last_day = 0;
};

struct Problem {
    enum class Level { warning, error };
    Level level = Level::warning;
    std::string key;      // stable per problem: "outlet-silent:vnexpress", "disk-low", ...
    std::string message;  // Vietnamese, for people
};

struct ServiceStatus {
    std::int64_t now = 0;
    std::optional<std::string> crawler;         // "pid N, started TIME" while a crawler holds the lock
    std::vector<OutletStatus> outlets;          // configured outlets, then any others with articles
    std::int64_t articles = 0;
    std::int64_t index_pending = 0;             // journal rows (articles whose index document is stale)
    std::optional<std::int64_t> index_oldest;   // when the oldest of them was queued
    bool index_exists = false;
    std::uint64_t database_bytes = 0, index_bytes = 0;
    std::uint64_t disk_free = 0, disk_total = 0;  // of the file system holding the data folder
    double growth_per_day = 0;                  // database + index bytes a day, from the articles of the last 7 days
    std::optional<double> days_of_disk_left;
    struct Backup { std::int64_t at = 0; std::string path; std::uint64_t bytes = 0; std::int64_t articles = 0; };
    std::optional<Backup> last_backup;
    std::vector<Problem> problems;

    // 0 healthy, 1 warnings, 2 errors: for a monitoring system.
    int exit_code() const;
};

// Looks at the store in data_dir (already opened as `store`) against the
// thresholds of presswatch.toml [operations].
ServiceStatus service_status(store::Store& store, const config::Config& cfg, std::int64_t now);

}  // namespace presswatch::pipeline
