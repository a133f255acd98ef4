#include "crawler/feed_date.h"

#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "text/dates.h"

namespace presswatch::crawler {
namespace {

int month_from_name(std::string name) {
    static const std::array<const char*, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                       "jul", "aug", "sep", "oct", "nov", "dec"};
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name.size() < 3) return 0;
    for (std::size_t i = 0; i < months.size(); ++i)
        if (name.compare(0, 3, months[i]) == 0) return static_cast<int>(i) + 1;
    return 0;
}

// Offsets by zone name in RFC 822, in minutes.
std::optional<int> zone_minutes(const std::string& z) {
    if (z == "GMT" || z == "UT" || z == "UTC" || z == "Z") return 0;
    if (z == "EST") return -300;
    if (z == "EDT") return -240;
    if (z == "CST") return -360;
    if (z == "CDT") return -300;
    if (z == "MST") return -420;
    if (z == "MDT") return -360;
    if (z == "PST") return -480;
    if (z == "PDT") return -420;
    if (z == "ICT") return 420;  // Indochina Time
    return std::nullopt;
}

struct Token {
    enum Kind { number, word, sign, colon, slash, other } kind;
    std::string text;
};

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (std::isdigit(c)) {
            std::size_t j = i;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
            out.push_back({Token::number, std::string(s.substr(i, j - i))});
            i = j;
        } else if (std::isalpha(c)) {
            std::size_t j = i;
            while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
            out.push_back({Token::word, std::string(s.substr(i, j - i))});
            i = j;
        } else if (c == '+' || c == '-') {
            out.push_back({Token::sign, std::string(1, s[i])});
            ++i;
        } else if (c == ':') {
            out.push_back({Token::colon, ":"});
            ++i;
        } else if (c == '/' || c == '.') {
            out.push_back({Token::slash, "/"});
            ++i;
        } else {
            // Spaces, commas, and the bytes of Vietnamese day names
            // ("Thứ bảy"), which carry no date information.
            ++i;
        }
    }
    return out;
}

std::optional<std::int64_t> assemble(int y, int mo, int d, int h, int mi, int sec, int offset_min) {
    if (y < 100) y += 2000;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
    auto midnight_utc = text::days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400;
    return midnight_utc + h * 3600 + mi * 60 + sec - static_cast<std::int64_t>(offset_min) * 60;
}

}  // namespace

std::optional<std::int64_t> parse_feed_date(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    if (s.empty()) return std::nullopt;
    if (s.size() >= 10 && std::isdigit(static_cast<unsigned char>(s[0])) && s[4] == '-')
        if (auto t = text::parse_iso8601(s)) return t;

    auto toks = tokenize(s);
    int day = 0, month = 0, year = 0, hour = 0, minute = 0, second = 0;
    std::optional<int> offset;
    std::size_t i = 0;
    // Skip a leading day name (English or the ASCII parts of Vietnamese).
    while (i < toks.size() && toks[i].kind != Token::number) {
        if (toks[i].kind == Token::word && month_from_name(toks[i].text) && toks[i].text.size() <= 9 &&
            i + 1 < toks.size() && toks[i + 1].kind == Token::number) {
            break;  // "Mar 7, 2026": month first
        }
        ++i;
    }
    if (i >= toks.size()) return std::nullopt;
    // Date part: "7 Mar 2026", "Mar 7 2026", "07/03/2026", "07-03-2026".
    if (toks[i].kind == Token::word) {
        month = month_from_name(toks[i].text);
        if (i + 2 >= toks.size() || toks[i + 1].kind != Token::number) return std::nullopt;
        day = std::stoi(toks[i + 1].text.substr(0, 3));
        std::size_t k = i + 2;
        while (k < toks.size() && toks[k].kind != Token::number) ++k;
        if (k >= toks.size()) return std::nullopt;
        year = std::stoi(toks[k].text.substr(0, 5));
        i = k + 1;
    } else {
        day = std::stoi(toks[i].text.substr(0, 3));
        std::size_t k = i + 1;
        if (k < toks.size() && toks[k].kind == Token::word) {
            month = month_from_name(toks[k].text);
            ++k;
        } else {
            if (k < toks.size() && (toks[k].kind == Token::slash || toks[k].kind == Token::sign)) ++k;
            if (k >= toks.size() || toks[k].kind != Token::number) return std::nullopt;
            month = std::stoi(toks[k].text.substr(0, 3));
            ++k;
        }
        if (k < toks.size() && (toks[k].kind == Token::slash || toks[k].kind == Token::sign)) ++k;
        if (k >= toks.size() || toks[k].kind != Token::number) return std::nullopt;
        year = std::stoi(toks[k].text.substr(0, 5));
        i = k + 1;
    }
    if (month == 0) return std::nullopt;
    // Time: hh:mm[:ss], possibly after a "-" or a word ("lúc").
    while (i < toks.size() && toks[i].kind != Token::number) ++i;
    if (i + 2 < toks.size() && toks[i + 1].kind == Token::colon && toks[i + 2].kind == Token::number) {
        hour = std::stoi(toks[i].text.substr(0, 3));
        minute = std::stoi(toks[i + 2].text.substr(0, 3));
        i += 3;
        if (i + 1 < toks.size() && toks[i].kind == Token::colon && toks[i + 1].kind == Token::number) {
            second = std::stoi(toks[i + 1].text.substr(0, 3));
            i += 2;
        }
        if (i < toks.size() && toks[i].kind == Token::word) {
            std::string w = toks[i].text;
            for (auto& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (w == "PM" && hour < 12) hour += 12, ++i;
            else if (w == "AM" && hour == 12) hour = 0, ++i;
            else if (w == "AM" || w == "PM") ++i;
        }
    }
    // Zone: "+0700", "+07:00", "+7", "GMT", "GMT+7", "(GMT+07:00)".
    while (i < toks.size()) {
        const auto& t = toks[i];
        if (t.kind == Token::word) {
            std::string w = t.text;
            for (auto& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (auto z = zone_minutes(w)) offset = *z;
            ++i;
            continue;
        }
        // An offset has at most four digits ("+0700"); a longer run of digits
        // after a sign is not an offset (and would overflow stoi).
        if (t.kind == Token::sign && i + 1 < toks.size() && toks[i + 1].kind == Token::number &&
            toks[i + 1].text.size() <= 4) {
            int sign = t.text == "-" ? -1 : 1;
            const std::string& n = toks[i + 1].text;
            int minutes = 0;
            if (n.size() >= 3) {
                minutes = std::stoi(n.substr(0, n.size() - 2)) * 60 + std::stoi(n.substr(n.size() - 2));
                i += 2;
            } else {
                minutes = std::stoi(n) * 60;
                i += 2;
                if (i + 1 < toks.size() && toks[i].kind == Token::colon && toks[i + 1].kind == Token::number) {
                    minutes += std::stoi(toks[i + 1].text.substr(0, 3));
                    i += 2;
                }
            }
            offset = sign * minutes;
            continue;
        }
        ++i;
    }
    return assemble(year, month, day, hour, minute, second, offset.value_or(text::vietnam_offset_seconds / 60));
}

}  // namespace presswatch::crawler
