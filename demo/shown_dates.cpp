#include "demo/shown_dates.h"

#include <array>
#include <ctime>
#include <stdexcept>

#include <fmt/format.h>

#include "text/dates.h"

namespace presswatch::demo {

namespace {
constexpr std::array<const char*, 7> english_days = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> english_months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 6> styles = {"rfc822",      "rfc822-utc", "rfc822-gmt7",
                                               "iso-nocolon", "rfc3339",    "vietnamese"};

LocalTime shifted(std::int64_t t, int offset) {
    std::time_t local = static_cast<std::time_t>(t + offset);
    std::tm tm{};
    gmtime_r(&local, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday};
}

std::string rfc822(const LocalTime& l, const char* zone) {
    return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} {}", english_days[l.weekday], l.day,
                       english_months[l.month - 1], l.year, l.hour, l.minute, l.second, zone);
}
}  // namespace

LocalTime vietnam_local(std::int64_t t) { return shifted(t, text::vietnam_offset_seconds); }

const char* vietnamese_weekday(int weekday) {
    static constexpr std::array<const char*, 7> names = {"Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư",
                                                         "Thứ năm",  "Thứ sáu", "Thứ bảy"};
    return names.at(static_cast<size_t>(weekday));
}

bool is_feed_date_style(const std::string& style) {
    for (const char* s : styles)
        if (style == s) return true;
    return false;
}

std::string feed_date(const std::string& style, std::int64_t t) {
    const LocalTime l = vietnam_local(t);
    if (style == "rfc822") return rfc822(l, "+0700");
    if (style == "rfc822-utc") return rfc822(shifted(t, 0), "+0000");
    if (style == "rfc822-gmt7") return rfc822(l, "GMT+7");
    if (style == "iso-nocolon")
        return fmt::format("{}-{:02}-{:02}T{:02}:{:02}:{:02}+0700", l.year, l.month, l.day, l.hour, l.minute,
                           l.second);
    if (style == "rfc3339") return text::iso8601(t);
    if (style == "vietnamese")
        return fmt::format("{:02}/{:02}/{} {:02}:{:02}:{:02}", l.day, l.month, l.year, l.hour, l.minute, l.second);
    throw std::invalid_argument("unknown feed date style: " + style);
}

std::string http_date(std::int64_t t) { return rfc822(shifted(t, 0), "GMT"); }

std::int64_t publication_time(std::int64_t now, int days_ago, int minute_of_day) {
    constexpr std::int64_t day = 86400;
    const std::int64_t local_now = now + text::vietnam_offset_seconds;
    const std::int64_t today_midnight = (local_now / day) * day - text::vietnam_offset_seconds;
    std::int64_t t = today_midnight - days_ago * day + minute_of_day * 60;
    if (t > now) t -= day;
    return t;
}

}  // namespace presswatch::demo
