#pragma once
// The health of each source (feed, sitemap, listing page): every reading
// is logged (table source_read, migration 10), and report() compares what a
// source yields now with what it usually yields, so that a feed that dies,
// goes empty or dwindles is noticed (one public crawler found 8 of 21
// Vietnamese outlet feeds dead on one day). Not thread-safe.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace presswatch::store {

struct SourceRead {
    std::string url, outlet, kind;      // kind: feed | sitemap | listing
    std::int64_t at = 0;
    std::optional<int> status;
    int items = 0;                      // links listed
    int new_items = 0;                  // of which new to the frontier
    std::string error;                  // empty when the source was read
};

// Readings failed in a row after which a source is reported dead.
constexpr int dead_after_failures = 3;
// Successful readings in a row listing nothing after which it is empty.
constexpr int empty_after_readings = 3;
// Yield in the last day below this share of the usual daily yield is
// "far below its usual rate"...
constexpr double low_rate_share = 0.25;
// ...judged only with this many days of history and a usual yield of at
// least this many new items a day (a quiet source is not a broken one).
constexpr int low_rate_min_history_days = 3;
constexpr double low_rate_min_usual = 2.0;

struct SourceStatus {
    std::string url, outlet, kind;
    int readings = 0;                     // in the last 30 days
    std::optional<std::int64_t> last_success;
    std::optional<std::int64_t> last_error_at;
    std::string last_error;
    int last_items = 0;                   // links listed at the last successful reading
    double new_last_day = 0;              // new items in the last 24 hours
    double usual_per_day = 0;             // new items a day over the 30 days before
    std::string warning;                  // "", "dead", "empty" or "low"
};

class SourceHealth {
public:
    explicit SourceHealth(Database& db) : db_(db) {}
    void record(const SourceRead& r);
    // One status per source read in the last 30 days, by outlet then URL.
    std::vector<SourceStatus> report(std::int64_t now);

private:
    Database& db_;
};

}  // namespace presswatch::store
