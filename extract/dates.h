#pragma once
// Publication dates as pages give them: machine values (JSON-LD, meta tags,
// <time datetime>) and the dates shown to readers, in the formats Vietnamese
// outlets use ("Thứ bảy, 7/3/2026, 00:05 (GMT+7)", "24/12/12 11:05 tối",
// "2 giờ trước"). Asia/Ho_Chi_Minh (+07:00) is the zone when none is given.
// Pure functions: never throw, safe from several threads, no recursion.
#include <cstdint>
#include <optional>
#include <string_view>

namespace presswatch::extract {

struct PageDate {
    std::int64_t time = 0;       // Unix seconds
    bool has_time = false;       // false: a date alone (time is 00:00 Vietnam time)
    bool utc_label = false;      // the value was labelled "Z" / "+00:00" (often a lie on local times)
    bool relative = false;       // "2 giờ trước": counted back from the fetch time
};

// Earliest publication date accepted: the Vietnamese web press starts in the
// late 1990s; anything before is a parse of something else (a law's date).
constexpr std::int64_t earliest_plausible_date = 788918400;  // 1995-01-01T00:00:00Z
// Clocks and zones disagree; more than this after the fetch time is no
// publication date but a mistake (an event date, a wrong zone label).
constexpr std::int64_t max_future_seconds = 86400;

// True when t may be a publication date fetched at fetch_time (0: now).
bool plausible_date(std::int64_t t, std::int64_t fetch_time);

// A machine date: ISO 8601 / RFC 3339 with the deviations pages ship
// ("+0700", a space before the offset, "2026-03-07 08:07", fractions),
// RFC 822 ("Sat, 07 Mar 2026 08:47:00 +0700"), or Unix epoch seconds or
// milliseconds. nullopt when unparsable or implausible for fetch_time.
std::optional<PageDate> parse_machine_date(std::string_view s, std::int64_t fetch_time);

// The first date a reader sees in s: d/m/yyyy, dd-mm-yyyy, d.m.yyyy,
// two-digit years, "ngày 7 tháng 3 năm 2026", yyyy-mm-dd, with an optional
// time before or after (hh:mm[:ss], "9h30", AM/PM, SA/CH, sáng/trưa/chiều/
// tối/đêm) and an optional "(GMT+7)"; or a relative time ("5 phút trước",
// "2 giờ trước", "3 ngày trước", "hôm qua", "2 hours ago") against
// fetch_time. Day names are skipped. nullopt when s holds no plausible date.
std::optional<PageDate> parse_visible_date(std::string_view s, std::int64_t fetch_time);

}  // namespace presswatch::extract
