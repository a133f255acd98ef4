#include "store/robots_cache.h"

namespace presswatch::store {

std::optional<CachedRobots> RobotsCache::get(const std::string& origin, std::int64_t now, std::int64_t max_age_s) {
    auto st = db_.prepare("SELECT status, body, fetched_at FROM robots WHERE origin = ?1 AND fetched_at > ?2");
    st.bind(1, origin).bind(2, now - max_age_s);
    if (!st.step()) return std::nullopt;
    return CachedRobots{static_cast<int>(st.int64(0)), st.text(1), st.int64(2)};
}

void RobotsCache::put(const std::string& origin, const CachedRobots& r) {
    auto st = db_.prepare(
        "INSERT INTO robots(origin, fetched_at, status, body) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(origin) DO UPDATE SET fetched_at = excluded.fetched_at, status = excluded.status, "
        "body = excluded.body");
    st.bind(1, origin).bind(2, r.fetched_at).bind(3, r.status).bind(4, r.body);
    st.run();
}

}  // namespace presswatch::store
