#include "store/source_health.h"

#include <algorithm>

namespace presswatch::store {

namespace {
constexpr std::int64_t day = 86400;
constexpr std::int64_t window_days = 30;
}  // namespace

void SourceHealth::record(const SourceRead& r) {
    auto st = db_.prepare(
        "INSERT INTO source_read(url, outlet, kind, at, status, items, new_items, error) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    st.bind(1, r.url).bind(2, r.outlet).bind(3, r.kind).bind(4, r.at).bind(5, r.status).bind(6, r.items);
    st.bind(7, r.new_items);
    if (r.error.empty()) st.bind_null(8);
    else st.bind(8, r.error);
    st.run();
}

std::vector<SourceStatus> SourceHealth::report(std::int64_t now) {
    auto st = db_.prepare(
        "SELECT url, outlet, kind, at, items, new_items, error FROM source_read WHERE at > ?1 "
        "ORDER BY outlet, url, at DESC");
    st.bind(1, now - window_days * day);
    std::vector<SourceStatus> out;
    SourceStatus* cur = nullptr;
    bool streak_open = true, empty_open = true;
    int failures = 0, empties = 0;
    std::int64_t oldest = now;
    auto close = [&] {
        if (!cur) return;
        double history_days = static_cast<double>(now - oldest) / day;
        double before_days = std::max(0.0, history_days - 1.0);
        if (before_days > 0) cur->usual_per_day /= before_days;  // held the sum until now
        if (failures >= dead_after_failures) cur->warning = "dead";
        else if (empties >= empty_after_readings) cur->warning = "empty";
        else if (history_days >= low_rate_min_history_days && cur->usual_per_day >= low_rate_min_usual &&
                 cur->new_last_day < low_rate_share * cur->usual_per_day)
            cur->warning = "low";
    };
    while (st.step()) {
        std::string url = st.text(0);
        if (!cur || cur->url != url) {
            close();
            out.push_back({});
            cur = &out.back();
            cur->url = url;
            cur->outlet = st.text(1);
            cur->kind = st.text(2);
            streak_open = empty_open = true;
            failures = empties = 0;
            oldest = now;
        }
        std::int64_t at = st.int64(3);
        int items = static_cast<int>(st.int64(4));
        int fresh = static_cast<int>(st.int64(5));
        bool failed = !st.is_null(6);
        cur->readings++;
        oldest = at;
        if (failed) {
            if (!cur->last_error_at) {
                cur->last_error_at = at;
                cur->last_error = st.text(6);
            }
            if (streak_open) failures++;
        } else {
            streak_open = false;
            if (!cur->last_success) {
                cur->last_success = at;
                cur->last_items = items;
            }
            if (empty_open && items == 0) empties++;
            else empty_open = false;
        }
        if (at > now - day) cur->new_last_day += fresh;
        else cur->usual_per_day += fresh;
    }
    close();
    return out;
}

}  // namespace presswatch::store
