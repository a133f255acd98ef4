// Vietnamese and machine date parsing: tables of {input, expected}.
#include <catch2/catch.hpp>

#include "extract/dates.h"
#include "text/dates.h"

using presswatch::extract::parse_machine_date;
using presswatch::extract::parse_visible_date;
using presswatch::text::iso8601;
using presswatch::text::parse_iso8601;

namespace {
// Fetched on 2026-03-07 at 10:00 Vietnam time.
const std::int64_t fetch = *parse_iso8601("2026-03-07T10:00:00+07:00");

struct Row {
    const char* input;
    const char* expected;  // ISO 8601 in Vietnam time, or nullptr for "no date"
    bool has_time;
};
}  // namespace

TEST_CASE("visible dates in the formats Vietnamese outlets show are read to the minute", "[dates]") {
    const Row rows[] = {
        {"Thứ bảy, 7/3/2026, 00:05 (GMT+7)", "2026-03-07T00:05:00+07:00", true},
        {"Thứ bảy, 07/03/2026 - 08:07", "2026-03-07T08:07:00+07:00", true},
        {"07/03/2026 08:01 GMT+7", "2026-03-07T08:01:00+07:00", true},
        {"07/03/2026   08:52 (GMT+07:00)", "2026-03-07T08:52:00+07:00", true},
        {"01/03/2026 09:51", "2026-03-01T09:51:00+07:00", true},
        {"Nguyên Minh - 07/03/2026 08:47", "2026-03-07T08:47:00+07:00", true},
        {"07-03-2026 - 00:01 AM", "2026-03-07T00:01:00+07:00", true},
        {"20/02/2026, 19:00", "2026-02-20T19:00:00+07:00", true},
        {"24/12/12 11:05 tối", "2012-12-24T23:05:00+07:00", true},
        {"15/8/98 3:20 chiều", "1998-08-15T15:20:00+07:00", true},
        {"06/03/2026 7:30 sáng", "2026-03-06T07:30:00+07:00", true},
        {"06/03/2026 12:15 trưa", "2026-03-06T12:15:00+07:00", true},
        {"06/03/2026 11:40 đêm", "2026-03-06T23:40:00+07:00", true},
        {"06/03/2026 12:30 AM", "2026-03-06T00:30:00+07:00", true},
        {"06/03/2026 3:15 PM", "2026-03-06T15:15:00+07:00", true},
        {"06/03/2026 3:15 CH", "2026-03-06T15:15:00+07:00", true},
        {"08:47 07/03/2026", "2026-03-07T08:47:00+07:00", true},
        {"Cập nhật 9h30 ngày 6/3/2026", "2026-03-06T09:30:00+07:00", true},
        {"THỨ HAI, NGÀY 2 THÁNG 3 NĂM 2026", "2026-03-02T00:00:00+07:00", false},
        {"2026-03-05 14:20", "2026-03-05T14:20:00+07:00", true},
        {"05.03.2026 14:20", "2026-03-05T14:20:00+07:00", true},
        {"06/03/2026 10:00 GMT+0", "2026-03-06T17:00:00+07:00", true},
        {"Thứ sáu, 6/3/2026", "2026-03-06T00:00:00+07:00", false},
        {"2 giờ trước", "2026-03-07T08:00:00+07:00", true},
        {"5 phút trước", "2026-03-07T09:55:00+07:00", true},
        {"3 hours ago", "2026-03-07T07:00:00+07:00", true},
    };
    for (const Row& r : rows) {
        INFO(r.input);
        auto d = parse_visible_date(r.input, fetch);
        REQUIRE(d.has_value());
        CHECK(iso8601(d->time) == r.expected);
        CHECK(d->has_time == r.has_time);
    }
}

TEST_CASE("visible dates before 1995, over a day after the fetch, impossible or absent are rejected", "[dates]") {
    const char* rows[] = {
        "7/3/1990 08:00",       // before the web press
        "9/3/2026 08:00",       // two days after the fetch
        "31/02/2026 08:00",     // no such day
        "Giá vàng tăng 1.234.567 đồng",
        "Chuyên mục Thời sự",
        "",
        "25:61 07/03/2026x",    // a date still reads, but not this time
    };
    for (const char* r : rows) {
        INFO(r);
        auto d = parse_visible_date(r, fetch);
        if (std::string(r).starts_with("25:61")) {
            REQUIRE(d.has_value());
            CHECK_FALSE(d->has_time);
        } else {
            CHECK_FALSE(d.has_value());
        }
    }
}

TEST_CASE("machine dates with the deviations pages ship are read", "[dates]") {
    struct MRow {
        const char* input;
        const char* expected;
        bool has_time;
        bool utc_label;
    };
    const MRow rows[] = {
        {"2026-03-07T08:47:00+07:00", "2026-03-07T08:47:00+07:00", true, false},
        {"2026-03-07T08:47:00+0700", "2026-03-07T08:47:00+07:00", true, false},
        {"2026-03-07T08:52:11.000 +07:00", "2026-03-07T08:52:11+07:00", true, false},
        {"2026-03-07 08:07", "2026-03-07T08:07:00+07:00", true, false},
        {"2015-03-23 08:06 +07:00", "2015-03-23T08:06:00+07:00", true, false},
        {"2026-03-07T01:47:00Z", "2026-03-07T08:47:00+07:00", true, true},
        {"1772816700", "2026-03-07T00:05:00+07:00", true, false},
        {"1772816700000", "2026-03-07T00:05:00+07:00", true, false},
        {"2012-12-25", "2012-12-25T00:00:00+07:00", false, false},
        {"Sat, 07 Mar 2026 08:47:00 +0700", "2026-03-07T08:47:00+07:00", true, false},
        {"Fri, 06 Mar 2026 01:47:00 GMT", "2026-03-06T08:47:00+07:00", true, true},
        {"07/03/2026 08:47", "2026-03-07T08:47:00+07:00", true, false},
    };
    for (const MRow& r : rows) {
        INFO(r.input);
        auto d = parse_machine_date(r.input, fetch);
        REQUIRE(d.has_value());
        CHECK(iso8601(d->time) == r.expected);
        CHECK(d->has_time == r.has_time);
        CHECK(d->utc_label == r.utc_label);
    }
    // The last two: digit runs too long for a day or a year (they overflowed an int; found by fuzz_extract).
    for (const char* bad : {"", "tomorrow", "1994-12-31T10:00:00+07:00", "2026-13-01", "2026-03-09T10:00:00+07:00",
                            "Sat, 154754062811 Mar 2026 08:47:00 +0700", "Sat, 07 Mar 99999999999 08:47:00 +0700"}) {
        INFO(bad);
        CHECK_FALSE(parse_machine_date(bad, fetch).has_value());
    }
}
