#include "extract/dates.h"

#include <array>
#include <cctype>
#include <ctime>
#include <string>

#include "text/dates.h"
#include "text/normalize.h"

namespace presswatch::extract {
namespace {

// A visible date sits in a short line; longer inputs are cut so a 50 MB text
// node cannot make date parsing slow.
constexpr std::size_t max_visible_date_input = 400;
// How far from the date a time may stand and still belong to it.
constexpr std::size_t max_date_time_gap = 24;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::int64_t now_or(std::int64_t fetch_time) {
    return fetch_time > 0 ? fetch_time : static_cast<std::int64_t>(std::time(nullptr));
}

std::optional<std::int64_t> local_time(int y, int mo, int d, int h, int mi, int s, int offset) {
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) return std::nullopt;
    auto midnight = text::vietnam_midnight(y, mo, d);
    if (!midnight) return std::nullopt;
    return *midnight + text::vietnam_offset_seconds - offset + h * 3600 + mi * 60 + s;
}

// ---- machine dates ------------------------------------------------------

std::optional<PageDate> parse_epoch(std::string_view s) {
    if (s.empty() || s.size() > 16) return std::nullopt;
    std::int64_t v = 0;
    for (char c : s) {
        if (!is_digit(c)) return std::nullopt;
        v = v * 10 + (c - '0');
    }
    if (s.size() >= 12) v /= 1000;  // milliseconds
    return PageDate{v, true, false, false};
}

int month_from_name(std::string_view w) {
    static const std::array<const char*, 12> names = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};
    if (w.size() < 3) return 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        bool same = true;
        for (int k = 0; k < 3; ++k)
            if (std::tolower(static_cast<unsigned char>(w[k])) != names[i][k]) same = false;
        if (same) return static_cast<int>(i) + 1;
    }
    return 0;
}

// "Sat, 07 Mar 2026 08:47:00 +0700" (RFC 822 as feeds and some meta tags give it).
std::optional<PageDate> parse_rfc822(std::string_view s) {
    if (auto comma = s.find(','); comma != std::string_view::npos && comma < 12) s = trim(s.substr(comma + 1));
    int day = 0, year = 0, h = 0, mi = 0, sec = 0;
    std::size_t i = 0;
    // Digit runs are read up to one digit past what a field holds, so a
    // long run is refused without overflowing (found by fuzz_extract).
    while (i < s.size() && is_digit(s[i]) && i < 3) day = day * 10 + (s[i++] - '0');
    if (i == 0 || i > 2 || i >= s.size() || s[i] != ' ') return std::nullopt;
    ++i;
    std::size_t m0 = i;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    int month = month_from_name(s.substr(m0, i - m0));
    if (!month || i >= s.size() || s[i] != ' ') return std::nullopt;
    ++i;
    std::size_t y0 = i;
    while (i < s.size() && is_digit(s[i]) && i - y0 < 5) year = year * 10 + (s[i++] - '0');
    if (i - y0 == 2) year += year < 70 ? 2000 : 1900;
    else if (i - y0 != 4) return std::nullopt;
    bool has_time = false;
    int offset = text::vietnam_offset_seconds;
    bool utc = false;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i + 5 <= s.size() && is_digit(s[i]) && is_digit(s[i + 1]) && s[i + 2] == ':') {
        h = (s[i] - '0') * 10 + (s[i + 1] - '0');
        mi = is_digit(s[i + 3]) && is_digit(s[i + 4]) ? (s[i + 3] - '0') * 10 + (s[i + 4] - '0') : -1;
        i += 5;
        if (i + 3 <= s.size() && s[i] == ':' && is_digit(s[i + 1]) && is_digit(s[i + 2])) {
            sec = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
            i += 3;
        }
        has_time = true;
        std::string_view zone = trim(s.substr(i));
        if (zone == "GMT" || zone == "UTC" || zone == "Z" || zone == "+0000") {
            offset = 0;
            utc = true;
        } else if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-')) {
            for (int k = 1; k < 5; ++k)
                if (!is_digit(zone[k])) return std::nullopt;
            int v = ((zone[1] - '0') * 10 + (zone[2] - '0')) * 3600 + ((zone[3] - '0') * 10 + (zone[4] - '0')) * 60;
            offset = zone[0] == '-' ? -v : v;
            utc = v == 0;
        } else if (!zone.empty()) {
            return std::nullopt;
        }
    }
    auto t = local_time(year, month, day, h, mi, sec, offset);
    if (!t) return std::nullopt;
    return PageDate{*t, has_time, utc, false};
}

std::optional<PageDate> parse_iso_like(std::string_view s) {
    if (s.size() < 10 || s.size() > 64 || !is_digit(s[0]) || !is_digit(s[3]) || (s[4] != '-' && s[4] != '/'))
        return std::nullopt;
    std::string n;
    n.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (i < 10 && c == '/') c = '-';
        // "08:52:11.000 +07:00": drop the space before an offset.
        if (c == ' ' && i > 10 && i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-' || s[i + 1] == 'Z'))
            continue;
        n.push_back(c);
    }
    // "2026-03-07T08:47" without seconds is common; "T08:47Z" too.
    auto t = text::parse_iso8601(n);
    if (!t) return std::nullopt;
    PageDate d{*t, n.size() > 10, false, false};
    std::string_view tail = std::string_view(n).substr(10);
    d.utc_label = tail.ends_with('Z') || tail.ends_with('z') || tail.ends_with("+00:00") || tail.ends_with("+0000");
    return d;
}

// ---- visible dates ------------------------------------------------------

struct Number {
    int value = 0;
    std::size_t begin = 0, end = 0;  // [begin, end) in the folded text
};

// Reads the digit run at i; false when none or too long to be a date part.
bool read_number(std::string_view f, std::size_t i, Number& n) {
    if (i >= f.size() || !is_digit(f[i])) return false;
    n = Number{0, i, i};
    while (n.end < f.size() && is_digit(f[n.end])) {
        if (n.end - i >= 4) return false;
        n.value = n.value * 10 + (f[n.end++] - '0');
    }
    return true;
}

bool word_at(std::string_view f, std::size_t i, std::string_view w) {
    if (f.substr(i, w.size()) != w) return false;
    std::size_t e = i + w.size();
    return e >= f.size() || !std::isalpha(static_cast<unsigned char>(f[e]));
}

std::size_t skip_spaces(std::string_view f, std::size_t i) {
    while (i < f.size() && (f[i] == ' ' || f[i] == '\t' || f[i] == '\n' || f[i] == '\r')) ++i;
    return i;
}

struct DateMatch {
    int y = 0, m = 0, d = 0;
    std::size_t begin = 0, end = 0;
};

int full_year(const Number& n) {
    std::size_t len = n.end - n.begin;
    if (len == 4) return n.value;
    if (len == 2) return n.value < 70 ? 2000 + n.value : 1900 + n.value;
    return -1;
}

// d/m/y, d-m-y, d.m.y, y-m-d, y/m/d at i (i starts a digit run).
std::optional<DateMatch> numeric_date_at(std::string_view f, std::size_t i) {
    Number a, b, c;
    if (!read_number(f, i, a) || a.end >= f.size()) return std::nullopt;
    char sep = f[a.end];
    if (sep != '/' && sep != '-' && sep != '.') return std::nullopt;
    if (!read_number(f, a.end + 1, b) || b.end >= f.size() || f[b.end] != sep) return std::nullopt;
    if (!read_number(f, b.end + 1, c)) return std::nullopt;
    if (c.end < f.size() && (is_digit(f[c.end]) || (f[c.end] == sep && c.end + 1 < f.size() && is_digit(f[c.end + 1]))))
        return std::nullopt;
    DateMatch m{0, 0, 0, i, c.end};
    if (a.end - a.begin == 4) {
        m.y = a.value, m.m = b.value, m.d = c.value;
    } else {
        if (a.end - a.begin > 2 || b.end - b.begin > 2) return std::nullopt;
        m.y = full_year(c), m.d = a.value, m.m = b.value;
        // Vietnamese pages write day first; an impossible month means the
        // page wrote month first (English layouts).
        if (m.m > 12 && m.d <= 12) std::swap(m.d, m.m);
    }
    if (m.y < 0 || !text::vietnam_midnight(m.y, m.m, m.d)) return std::nullopt;
    return m;
}

// "ngay 7 thang 3 nam 2026" (folded).
std::optional<DateMatch> worded_date_at(std::string_view f, std::size_t i) {
    if (!word_at(f, i, "ngay")) return std::nullopt;
    Number d, m, y;
    std::size_t j = skip_spaces(f, i + 4);
    if (!read_number(f, j, d)) return std::nullopt;
    j = skip_spaces(f, d.end);
    if (!word_at(f, j, "thang")) return std::nullopt;
    j = skip_spaces(f, j + 5);
    if (!read_number(f, j, m)) return std::nullopt;
    j = skip_spaces(f, m.end);
    if (!word_at(f, j, "nam")) return std::nullopt;
    j = skip_spaces(f, j + 3);
    if (!read_number(f, j, y) || y.end - y.begin != 4) return std::nullopt;
    if (!text::vietnam_midnight(y.value, m.value, d.value)) return std::nullopt;
    return DateMatch{y.value, m.value, d.value, i, y.end};
}

struct TimeMatch {
    int h = 0, m = 0, s = 0;
    std::size_t begin = 0, end = 0;
};

// Part-of-day words shift a 12-hour clock: "11:05 toi" is 23:05.
int shift_hour(int h, std::string_view word) {
    if (word == "am" || word == "sa" || word == "sang") return h == 12 ? 0 : h;
    if (word == "pm" || word == "ch" || word == "chieu" || word == "toi") return h < 12 ? h + 12 : h;
    if (word == "trua") return h < 11 ? h + 12 : h;
    if (word == "dem") return h >= 6 && h < 12 ? h + 12 : (h == 12 ? 0 : h);
    return h;
}

// hh:mm[:ss] or "9h30" / "9h" at i, with a following AM/PM or part of day.
std::optional<TimeMatch> time_at(std::string_view f, std::size_t i) {
    Number h, m;
    if (!read_number(f, i, h) || h.end - h.begin > 2 || h.end >= f.size()) return std::nullopt;
    TimeMatch t{h.value, 0, 0, i, 0};
    char sep = f[h.end];
    if (sep == ':') {
        if (!read_number(f, h.end + 1, m) || m.end - m.begin != 2) return std::nullopt;
        t.m = m.value;
        t.end = m.end;
        Number s;
        if (t.end < f.size() && f[t.end] == ':' && read_number(f, t.end + 1, s) && s.end - s.begin == 2) {
            t.s = s.value;
            t.end = s.end;
        }
    } else if (sep == 'h' || sep == 'g') {  // "9h30", "9g30" (giờ)
        t.end = h.end + 1;
        if (read_number(f, t.end, m) && m.end - m.begin == 2) {
            t.m = m.value;
            t.end = m.end;
        } else if (t.end < f.size() && std::isalpha(static_cast<unsigned char>(f[t.end]))) {
            return std::nullopt;  // "3ha", a word
        }
    } else {
        return std::nullopt;
    }
    std::size_t j = skip_spaces(f, t.end);
    for (std::string_view w : {"am", "pm", "sa", "ch", "sang", "trua", "chieu", "toi", "dem"}) {
        if (word_at(f, j, w)) {
            if (t.h > 12) break;
            t.h = shift_hour(t.h, w);
            t.end = j + w.size();
            break;
        }
    }
    if (t.h > 23 || t.m > 59 || t.s > 60) return std::nullopt;
    return t;
}

// "gmt+7", "gmt+07:00", "utc+7": seconds east of UTC, if written near i.
std::optional<int> zone_after(std::string_view f, std::size_t i) {
    std::size_t limit = std::min(f.size(), i + 12);
    for (std::size_t j = i; j + 3 < limit; ++j) {
        if (f.compare(j, 3, "gmt") != 0 && f.compare(j, 3, "utc") != 0) continue;
        std::size_t k = j + 3;
        if (k >= f.size() || (f[k] != '+' && f[k] != '-')) return 0;
        int sign = f[k] == '-' ? -1 : 1;
        Number hh;
        if (!read_number(f, k + 1, hh) || hh.value > 14) return std::nullopt;
        int minutes = 0;
        Number mm;
        if (hh.end < f.size() && f[hh.end] == ':' && read_number(f, hh.end + 1, mm)) minutes = mm.value;
        if (hh.end - hh.begin == 4) return sign * ((hh.value / 100) * 3600 + (hh.value % 100) * 60);
        return sign * (hh.value * 3600 + minutes * 60);
    }
    return std::nullopt;
}

std::optional<PageDate> relative_date(std::string_view f, std::int64_t now) {
    struct Unit {
        std::string_view word;
        std::int64_t seconds;
    };
    static const Unit units[] = {{"giay", 1},       {"phut", 60},     {"gio", 3600},      {"tieng", 3600},
                                 {"ngay", 86400},   {"tuan", 604800}, {"seconds", 1},     {"second", 1},
                                 {"minutes", 60},   {"minute", 60},   {"mins", 60},       {"min", 60},
                                 {"hours", 3600},   {"hour", 3600},   {"days", 86400},    {"day", 86400},
                                 {"weeks", 604800}, {"week", 604800}};
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (!is_digit(f[i]) || (i > 0 && is_digit(f[i - 1]))) continue;
        Number n;
        if (!read_number(f, i, n)) continue;
        std::size_t j = skip_spaces(f, n.end);
        for (const Unit& u : units) {
            if (!word_at(f, j, u.word)) continue;
            std::size_t k = skip_spaces(f, j + u.word.size());
            if (word_at(f, k, "truoc") || word_at(f, k, "ago")) {
                PageDate d{now - n.value * u.seconds, u.seconds < 86400, false, true};
                return d;
            }
        }
    }
    return std::nullopt;
}

}  // namespace

bool plausible_date(std::int64_t t, std::int64_t fetch_time) {
    return t >= earliest_plausible_date && t <= now_or(fetch_time) + max_future_seconds;
}

std::optional<PageDate> parse_machine_date(std::string_view s, std::int64_t fetch_time) {
    s = trim(s);
    std::optional<PageDate> d = parse_epoch(s);
    if (!d) d = parse_iso_like(s);
    if (!d) d = parse_rfc822(s);
    if (!d) d = parse_visible_date(s, fetch_time);
    if (!d || !plausible_date(d->time, fetch_time)) return std::nullopt;
    return d;
}

std::optional<PageDate> parse_visible_date(std::string_view s, std::int64_t fetch_time) {
    if (s.size() > max_visible_date_input) s = s.substr(0, max_visible_date_input);
    const std::string folded = text::fold(s);
    std::string_view f = folded;
    const std::int64_t now = now_or(fetch_time);

    std::optional<DateMatch> date;
    for (std::size_t i = 0; i < f.size() && !date; ++i) {
        if (f[i] == 'n') date = worded_date_at(f, i);
        if (date || !is_digit(f[i]) || (i > 0 && (is_digit(f[i - 1]) || f[i - 1] == '/' || f[i - 1] == '.')))
            continue;
        date = numeric_date_at(f, i);
    }
    if (!date) {
        auto rel = relative_date(f, now);
        if (rel && plausible_date(rel->time, fetch_time)) return rel;
        return std::nullopt;
    }

    // The time nearest the date: after it first ("7/3/2026, 00:05"), then
    // before it ("08:47 07/03/2026").
    std::optional<TimeMatch> time;
    for (std::size_t i = date->end; i < f.size() && i <= date->end + max_date_time_gap && !time; ++i)
        if (is_digit(f[i]) && !is_digit(f[i - 1])) time = time_at(f, i);
    if (!time) {
        std::size_t from = date->begin > max_date_time_gap ? date->begin - max_date_time_gap : 0;
        for (std::size_t i = from; i < date->begin && !time; ++i)
            if (is_digit(f[i]) && (i == 0 || !is_digit(f[i - 1]))) {
                time = time_at(f, i);
                if (time && time->end > date->begin) time.reset();
            }
    }
    int offset = text::vietnam_offset_seconds;
    if (time) {
        std::size_t zone_from = std::max(time->end, date->end);
        if (auto z = zone_after(f, zone_from)) offset = *z;
    }
    auto t = local_time(date->y, date->m, date->d, time ? time->h : 0, time ? time->m : 0, time ? time->s : 0,
                        offset);
    if (!t || !plausible_date(*t, fetch_time)) return std::nullopt;
    return PageDate{*t, time.has_value(), false, false};
}

}  // namespace presswatch::extract
