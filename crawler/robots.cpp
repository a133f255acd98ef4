#include "crawler/ascii.h"
#include "crawler/robots.h"

#include <algorithm>
#include <cmath>

namespace presswatch::crawler {
namespace {

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Paths compare with percent-encoding normalised (RFC 9309 §2.2.2): octets
// are decoded except "/", "?", "%" and "*"/"$" escapes, which keep meaning.
std::string normalise(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            int h = hex(s[i + 1]), l = hex(s[i + 2]);
            if (h >= 0 && l >= 0) {
                char c = static_cast<char>(h * 16 + l);
                if (c != '/' && c != '?' && c != '%' && c != '*' && c != '$') {
                    out += c;
                    i += 2;
                    continue;
                }
                out += '%';
                out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i + 1])));
                out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i + 2])));
                i += 2;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

// Does pattern (with "*" and a final "$") match the start of path?
// Iterative, with the classic single-backtrack wildcard algorithm, so a
// hostile pattern costs O(pattern x path) at worst.
bool matches(std::string_view pattern, std::string_view path) {
    bool anchored = !pattern.empty() && pattern.back() == '$';
    if (anchored) pattern.remove_suffix(1);
    std::size_t p = 0, s = 0;
    std::optional<std::size_t> star_p, star_s;
    while (true) {
        if (p == pattern.size()) {
            if (!anchored || s == path.size()) return true;
        } else if (pattern[p] == '*') {
            star_p = p++;
            star_s = s;
            continue;
        } else if (s < path.size() && pattern[p] == path[s]) {
            ++p, ++s;
            continue;
        }
        if (!star_p || *star_s >= path.size()) return false;
        p = *star_p + 1;
        s = ++*star_s;
    }
}

}  // namespace

std::string product_token(std::string_view user_agent) {
    auto ua = ascii_trim(user_agent);
    std::size_t end = 0;
    while (end < ua.size() && (std::isalnum(static_cast<unsigned char>(ua[end])) || ua[end] == '-' || ua[end] == '_'))
        ++end;
    return ascii_lower(ua.substr(0, end));
}

Robots Robots::allow_all() { return Robots(); }

Robots Robots::disallow_all() {
    Robots r;
    r.disallow_everything_ = true;
    return r;
}

Robots Robots::parse(std::string_view text, std::string_view user_agent) {
    if (text.size() > max_robots_bytes) text = text.substr(0, max_robots_bytes);
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const std::string token = product_token(user_agent);

    struct Group {
        std::vector<std::string> agents;
        std::vector<Rule> rules;
        std::optional<double> delay;
    };
    std::vector<Group> groups;
    Robots out;
    bool last_was_agent = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find_first_of("\r\n", pos);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(pos, end - pos);
        pos = end + 1;
        if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        auto key = ascii_lower(ascii_trim(line.substr(0, colon)));
        auto value = ascii_trim(line.substr(colon + 1));
        if (key == "user-agent") {
            if (!last_was_agent || groups.empty()) groups.emplace_back();
            groups.back().agents.push_back(ascii_lower(value));
            last_was_agent = true;
            continue;
        }
        if (key == "sitemap") {
            // Not tied to a group.
            if (!value.empty()) out.sitemaps_.emplace_back(value);
            continue;
        }
        last_was_agent = false;
        if (groups.empty()) continue;  // rules before any user-agent line
        if (key == "allow" || key == "disallow") {
            if (value.empty()) continue;  // "Disallow:" with nothing matches nothing
            groups.back().rules.push_back({key == "allow", normalise(value)});
        } else if (key == "crawl-delay") {
            std::string v(value);
            char* e = nullptr;
            double d = std::strtod(v.c_str(), &e);
            if (e != v.c_str() && std::isfinite(d) && d >= 0) groups.back().delay = d;
        }
    }
    // Every group naming our token, merged (RFC 9309 §2.2.1); else every "*" group.
    auto pick = [&](const std::string& name) {
        bool any = false;
        for (const auto& g : groups) {
            if (std::find(g.agents.begin(), g.agents.end(), name) == g.agents.end()) continue;
            any = true;
            out.rules_.insert(out.rules_.end(), g.rules.begin(), g.rules.end());
            if (g.delay) out.crawl_delay_ms_ = static_cast<int>(std::min(*g.delay, 3600.0) * 1000);
        }
        return any;
    };
    if (token.empty() || !pick(token)) pick("*");
    return out;
}

bool Robots::allowed(std::string_view path_query) const {
    if (disallow_everything_) return false;
    std::string path = normalise(path_query.empty() ? "/" : path_query);
    if (path == "/robots.txt") return true;
    std::size_t best = 0;
    bool allow = true, found = false;
    for (const auto& r : rules_) {
        if (!matches(r.pattern, path)) continue;
        std::size_t len = r.pattern.size();
        if (!found || len > best || (len == best && r.allow && !allow)) {
            best = len;
            allow = r.allow;
            found = true;
        }
    }
    return allow;
}

}  // namespace presswatch::crawler
