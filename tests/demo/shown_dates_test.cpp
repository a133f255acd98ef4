// Dates as the sample outlets write them, and how publication times are
// placed relative to the moment the site starts.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "demo/shown_dates.h"
#include "text/dates.h"

using namespace presswatch;

namespace {
std::int64_t at(const char* iso) {
    auto t = text::parse_iso8601(iso);
    REQUIRE(t);
    return *t;
}
}  // namespace

TEST_CASE("feed dates are written in each outlet's style") {
    struct Row {
        const char* style;
        const char* moment;
        const char* expected;
    };
    const Row rows[] = {
        {"rfc822", "2026-03-07T08:05:00+07:00", "Sat, 07 Mar 2026 08:05:00 +0700"},
        {"rfc822-utc", "2026-03-07T08:05:00+07:00", "Sat, 07 Mar 2026 01:05:00 +0000"},
        {"rfc822-utc", "2026-03-07T00:30:00+07:00", "Fri, 06 Mar 2026 17:30:00 +0000"},
        {"rfc822-gmt7", "2026-03-07T08:05:00+07:00", "Sat, 07 Mar 2026 08:05:00 GMT+7"},
        {"iso-nocolon", "2026-03-07T08:05:00+07:00", "2026-03-07T08:05:00+0700"},
        {"rfc3339", "2026-03-07T08:05:00+07:00", "2026-03-07T08:05:00+07:00"},
        {"vietnamese", "2026-03-07T08:05:00+07:00", "07/03/2026 08:05:00"},
        {"vietnamese", "2026-12-31T23:59:00+07:00", "31/12/2026 23:59:00"},
        {"rfc822", "2027-01-01T00:00:00+07:00", "Fri, 01 Jan 2027 00:00:00 +0700"},
    };
    for (const auto& r : rows) {
        INFO(r.style << " " << r.moment);
        CHECK(demo::is_feed_date_style(r.style));
        CHECK(demo::feed_date(r.style, at(r.moment)) == r.expected);
    }
    CHECK_FALSE(demo::is_feed_date_style("rfc2822"));
    CHECK_THROWS_AS(demo::feed_date("rfc2822", 0), std::invalid_argument);
}

TEST_CASE("Vietnamese weekdays and local time follow UTC+7") {
    const auto l = demo::vietnam_local(at("2026-03-06T20:00:00Z"));  // 03:00 on the 7th in Vietnam
    CHECK(l.day == 7);
    CHECK(l.hour == 3);
    CHECK(std::string(demo::vietnamese_weekday(l.weekday)) == "Thứ bảy");
    CHECK(std::string(demo::vietnamese_weekday(0)) == "Chủ nhật");
    CHECK(std::string(demo::vietnamese_weekday(1)) == "Thứ hai");
}

TEST_CASE("publication times count days back in Vietnam time and never lie in the future") {
    struct Row {
        const char* now;
        int days_ago;
        const char* time;
        const char* expected;
    };
    const Row rows[] = {
        {"2026-03-07T10:00:00+07:00", 0, "08:05", "2026-03-07T08:05:00+07:00"},
        {"2026-03-07T10:00:00+07:00", 0, "10:00", "2026-03-07T10:00:00+07:00"},
        // Later today than now: moved to the day before.
        {"2026-03-07T10:00:00+07:00", 0, "23:00", "2026-03-06T23:00:00+07:00"},
        {"2026-03-07T10:00:00+07:00", 2, "06:40", "2026-03-05T06:40:00+07:00"},
        {"2026-03-07T10:00:00+07:00", 5, "20:30", "2026-03-02T20:30:00+07:00"},
        // Just after midnight in Vietnam, still the 6th in UTC.
        {"2026-03-07T00:10:00+07:00", 0, "00:05", "2026-03-07T00:05:00+07:00"},
        {"2026-03-07T00:10:00+07:00", 1, "12:00", "2026-03-06T12:00:00+07:00"},
        {"2026-03-01T09:00:00+07:00", 1, "07:00", "2026-02-28T07:00:00+07:00"},
    };
    for (const auto& r : rows) {
        INFO(r.now << " " << r.days_ago << " " << r.time);
        const int minute = std::stoi(std::string(r.time).substr(0, 2)) * 60 + std::stoi(std::string(r.time).substr(3));
        CHECK(text::iso8601(demo::publication_time(at(r.now), r.days_ago, minute)) == r.expected);
    }
}
