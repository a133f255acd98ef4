#pragma once
// Dates as the fictional outlets write them, in pages and in feeds. Real
// outlets disagree (see ../shared/notes/press-office.md), and the crawler
// must cope with each of these forms.
#include <cstdint>
#include <string>

namespace presswatch::demo {

// A moment in Vietnam's time (UTC+7, no daylight saving).
struct LocalTime {
    int year, month, day, hour, minute, second;
    int weekday;  // 0 = Sunday
};
LocalTime vietnam_local(std::int64_t unix_seconds);

// "Thứ bảy", "Chủ nhật", ...
const char* vietnamese_weekday(int weekday);

// A feed date in one of the forms real feeds use:
//   rfc822       "Sat, 07 Mar 2026 08:05:00 +0700"
//   rfc822-utc   "Sat, 07 Mar 2026 01:05:00 +0000"   (WordPress)
//   rfc822-gmt7  "Sat, 07 Mar 2026 08:05:00 GMT+7"   (non-standard)
//   iso-nocolon  "2026-03-07T08:05:00+0700"
//   rfc3339      "2026-03-07T08:05:00+07:00"          (Atom)
//   vietnamese   "07/03/2026 08:05:00"                (no zone at all)
// Throws std::invalid_argument for another style name.
std::string feed_date(const std::string& style, std::int64_t unix_seconds);
bool is_feed_date_style(const std::string& style);

// "Sat, 07 Mar 2026 01:05:00 GMT": the HTTP-date of Last-Modified.
std::string http_date(std::int64_t unix_seconds);

// Unix time of a publication days_ago days before now at minute_of_day
// (Vietnam time). A time still to come today moves to the day before, so
// no article is ever dated in the future.
std::int64_t publication_time(std::int64_t now, int days_ago, int minute_of_day);

}  // namespace presswatch::demo
