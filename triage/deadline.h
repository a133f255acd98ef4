#pragma once
// Deadline arithmetic for the answer to a flagged article, from the rule
// table of response.toml. Nothing here knows a law: durations, clocks and
// holidays all come from configuration.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"

namespace presswatch::triage {

// start + duration on the given clock, in Vietnam time:
//   hours          start + duration hours;
//   calendar-days  the same time of day, duration days later;
//   working-days   the same time of day on the duration-th working day
//                  after start's day, skipping Saturdays, Sundays and the
//                  holidays (Vietnam midnights); a start on a day off
//                  counts from that day as if it were the last day off.
std::int64_t add_clock(std::int64_t start, const std::string& clock, int duration,
                       const std::vector<std::int64_t>& holidays);

// Whether a Vietnam day (its midnight) is a working day.
bool is_working_day(std::int64_t vietnam_midnight, const std::vector<std::int64_t>& sorted_holidays);

// The rule that applies to a flag of this severity for an agency of this
// kind at time `at`: valid at `at`, its trigger met, its agency kind equal
// (preferred) or "any"; among those, the strictest trigger; ties go to the
// earlier rule in the file. nullptr when none applies.
const config::DeadlineRule* applicable_rule(const std::vector<config::DeadlineRule>& rules, int severity,
                                            const std::string& agency_kind, std::int64_t at);

}  // namespace presswatch::triage
