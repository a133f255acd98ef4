#include "triage/deadline.h"

#include <algorithm>

#include "text/dates.h"

namespace presswatch::triage {
namespace {

constexpr std::int64_t day = 86400;
// A holiday-and-weekend run longer than this means the table is broken;
// stop instead of looping (Tết with weekends is about 9 days).
constexpr int max_days_off_in_a_row = 60;

std::int64_t local_midnight(std::int64_t t) {
    std::int64_t local = t + text::vietnam_offset_seconds;
    std::int64_t days = local >= 0 ? local / day : (local - day + 1) / day;
    return days * day - text::vietnam_offset_seconds;
}

int trigger_rank(const std::string& trigger) {
    if (trigger == "severity-3") return 3;
    if (trigger == "severity-2") return 2;
    return 1;
}

}  // namespace

bool is_working_day(std::int64_t midnight, const std::vector<std::int64_t>& holidays) {
    std::int64_t days = (midnight + text::vietnam_offset_seconds) / day;
    int weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday; 0 = Sunday
    if (weekday == 0 || weekday == 6) return false;
    return !std::binary_search(holidays.begin(), holidays.end(), midnight);
}

std::int64_t add_clock(std::int64_t start, const std::string& clock, int duration,
                       const std::vector<std::int64_t>& holidays) {
    if (clock == "hours") return start + static_cast<std::int64_t>(duration) * 3600;
    if (clock == "calendar-days") return start + static_cast<std::int64_t>(duration) * day;
    std::int64_t midnight = local_midnight(start);
    std::int64_t time_of_day = start - midnight;
    int counted = 0, off_in_a_row = 0;
    while (counted < duration) {
        midnight += day;
        if (is_working_day(midnight, holidays)) {
            ++counted;
            off_in_a_row = 0;
        } else if (++off_in_a_row > max_days_off_in_a_row) {
            break;
        }
    }
    return midnight + time_of_day;
}

const config::DeadlineRule* applicable_rule(const std::vector<config::DeadlineRule>& rules, int severity,
                                            const std::string& agency_kind, std::int64_t at) {
    const config::DeadlineRule* best = nullptr;
    auto better = [&](const config::DeadlineRule& r) {
        if (!best) return true;
        bool r_kind = r.agency_kind == agency_kind, b_kind = best->agency_kind == agency_kind;
        if (r_kind != b_kind) return r_kind;
        return trigger_rank(r.trigger) > trigger_rank(best->trigger);
    };
    for (const auto& r : rules) {
        if (r.valid_from && at < *r.valid_from) continue;
        if (r.valid_to && at >= *r.valid_to) continue;
        if (trigger_rank(r.trigger) > std::max(severity, 1)) continue;
        if (r.agency_kind != "any" && r.agency_kind != agency_kind) continue;
        if (better(r)) best = &r;
    }
    return best;
}

}  // namespace presswatch::triage
