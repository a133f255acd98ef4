#pragma once
// robots.txt as last read per origin ("http://host:port"), in the store's
// `robots` table (migration 10), so a crawl every 15 minutes reads each
// robots.txt once a day, not once a pass. Not thread-safe.
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace presswatch::store {

struct CachedRobots {
    int status = 0;        // HTTP status of robots.txt when it was read
    std::string body;      // its text, for 2xx
    std::int64_t fetched_at = 0;
};

class RobotsCache {
public:
    explicit RobotsCache(Database& db) : db_(db) {}
    // The entry for origin if read less than max_age_s ago.
    std::optional<CachedRobots> get(const std::string& origin, std::int64_t now, std::int64_t max_age_s);
    void put(const std::string& origin, const CachedRobots& r);

private:
    Database& db_;
};

}  // namespace presswatch::store
