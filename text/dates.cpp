#include "text/dates.h"

#include <cstdio>
#include <ctime>

namespace presswatch::text {

std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
    // Howard Hinnant's algorithm: exact for every Gregorian date.
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

static bool valid_date(int y, int m, int d) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::optional<std::int64_t> vietnam_midnight(int year, int month, int day) {
    if (!valid_date(year, month, day)) return std::nullopt;
    return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 -
           vietnam_offset_seconds;
}

static std::tm vietnam_tm(std::int64_t t) {
    std::time_t local = static_cast<std::time_t>(t + vietnam_offset_seconds);
    std::tm tm{};
    gmtime_r(&local, &tm);
    return tm;
}

std::string iso8601(std::int64_t t) {
    std::tm tm = vietnam_tm(t);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

std::string iso_date(std::int64_t t) {
    std::tm tm = vietnam_tm(t);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return buf;
}

std::string vietnamese_datetime(std::int64_t t) {
    std::tm tm = vietnam_tm(t);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d %02d:%02d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900,
                  tm.tm_hour, tm.tm_min);
    return buf;
}

std::optional<std::int64_t> parse_iso8601(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    std::size_t i = 0;
    auto digits = [&](int n, int& out) {
        out = 0;
        for (int k = 0; k < n; ++k, ++i) {
            if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (!digits(4, y) || i >= s.size() || s[i++] != '-' || !digits(2, mo) || i >= s.size() || s[i++] != '-' ||
        !digits(2, d))
        return std::nullopt;
    if (!valid_date(y, mo, d)) return std::nullopt;
    int offset = vietnam_offset_seconds;
    if (i < s.size() && (s[i] == 'T' || s[i] == ' ')) {
        ++i;
        if (!digits(2, h) || i >= s.size() || s[i++] != ':' || !digits(2, mi)) return std::nullopt;
        if (i < s.size() && s[i] == ':') {
            ++i;
            if (!digits(2, sec)) return std::nullopt;
            if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
                ++i;
                while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
            }
        }
        if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
        while (i < s.size() && s[i] == ' ') ++i;
        if (i < s.size()) {
            if (s[i] == 'Z' || s[i] == 'z') {
                offset = 0;
                ++i;
            } else if (s[i] == '+' || s[i] == '-') {
                int sign = s[i++] == '-' ? -1 : 1;
                int oh, om = 0;
                if (!digits(2, oh)) return std::nullopt;
                if (i < s.size() && s[i] == ':') ++i;
                if (i < s.size() && !digits(2, om)) return std::nullopt;
                if (oh > 14 || om > 59) return std::nullopt;
                offset = sign * (oh * 3600 + om * 60);
            }
        }
    }
    if (i != s.size()) return std::nullopt;
    return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 +
           sec - offset;
}

}  // namespace presswatch::text
