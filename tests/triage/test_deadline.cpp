#include <catch2/catch.hpp>

#include "text/dates.h"
#include "triage/deadline.h"

using namespace presswatch;

namespace {
std::int64_t at(const char* iso) { return *text::parse_iso8601(iso); }
}  // namespace

TEST_CASE("add_clock counts hours, calendar days and working days", "[triage][deadline]") {
    // 2026-04-30 (Thu) and 2026-05-01 (Fri) are holidays in this table.
    std::vector<std::int64_t> holidays = {at("2026-04-30"), at("2026-05-01")};
    struct Row {
        const char* start;
        const char* clock;
        int duration;
        const char* expected;
    };
    const Row rows[] = {
        {"2026-10-05T09:00:00+07:00", "hours", 48, "2026-10-07T09:00:00+07:00"},
        {"2026-10-05T09:00:00+07:00", "calendar-days", 15, "2026-10-20T09:00:00+07:00"},
        // Monday + 5 working days = next Monday.
        {"2026-10-05T09:00:00+07:00", "working-days", 5, "2026-10-12T09:00:00+07:00"},
        // Friday + 1 working day skips the weekend.
        {"2026-10-09T16:30:00+07:00", "working-days", 1, "2026-10-12T16:30:00+07:00"},
        // A Saturday start counts from the next working day.
        {"2026-10-10T10:00:00+07:00", "working-days", 1, "2026-10-12T10:00:00+07:00"},
        // Wednesday before the holidays: Thu, Fri holidays, weekend; Mon is the first working day.
        {"2026-04-29T08:00:00+07:00", "working-days", 1, "2026-05-04T08:00:00+07:00"},
        {"2026-04-29T08:00:00+07:00", "working-days", 3, "2026-05-06T08:00:00+07:00"},
        // Late evening in Vietnam is still the same Vietnamese day.
        {"2026-10-09T23:30:00+07:00", "working-days", 1, "2026-10-12T23:30:00+07:00"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.start, r.clock, r.duration);
        CHECK(text::iso8601(triage::add_clock(at(r.start), r.clock, r.duration, holidays)) == r.expected);
    }
}

TEST_CASE("applicable_rule prefers the agency's kind, then the strictest trigger, within validity", "[triage][deadline]") {
    auto rule = [](const char* trigger, const char* kind, int duration, std::optional<std::int64_t> from,
                   std::optional<std::int64_t> to) {
        config::DeadlineRule r;
        r.trigger = trigger;
        r.agency_kind = kind;
        r.duration = duration;
        r.valid_from = from;
        r.valid_to = to;
        return r;
    };
    std::vector<config::DeadlineRule> rules = {
        rule("flag", "any", 10, at("2025-07-01"), std::nullopt),
        rule("severity-3", "any", 2, at("2025-07-01"), std::nullopt),
        rule("flag", "committee", 7, at("2026-07-01"), std::nullopt),
        rule("flag", "any", 15, std::nullopt, at("2025-07-01")),
    };
    struct Row {
        int severity;
        const char* kind;
        const char* when;
        int expected_duration;  // 0: no rule
    };
    const Row rows[] = {
        {1, "department", "2026-03-01", 10}, {3, "department", "2026-03-01", 2}, {1, "committee", "2026-03-01", 10},
        {1, "committee", "2026-08-01", 7},   {3, "committee", "2026-08-01", 7},  {1, "department", "2025-01-01", 15},
    };
    for (const auto& r : rows) {
        CAPTURE(r.severity, r.kind, r.when);
        const auto* got = triage::applicable_rule(rules, r.severity, r.kind, at(r.when));
        REQUIRE(got != nullptr);
        CHECK(got->duration == r.expected_duration);
    }
    CHECK(triage::applicable_rule({rule("flag", "any", 10, at("2030-01-01"), std::nullopt)}, 1, "any",
                                  at("2026-01-01")) == nullptr);
}
