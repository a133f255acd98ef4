#pragma once
// robots.txt per RFC 9309: the group for our product token (else "*"),
// the longest matching allow or disallow rule decides (allow on a tie),
// "*" and "$" in patterns. Crawl-delay and Sitemap lines are read too
// (not in the RFC, but widely used). A Robots is a plain value, safe to
// share read-only between threads.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace presswatch::crawler {

// RFC 9309 asks crawlers to read at least 500 KiB; the rest is ignored.
constexpr std::size_t max_robots_bytes = 512 * 1024;
// robots.txt is cached this long (RFC 9309 §2.4: no more than 24 hours).
constexpr std::int64_t robots_cache_seconds = 24 * 3600;

class Robots {
public:
    // The rules of text for the crawler whose User-Agent is user_agent
    // (its product token, "presswatch" in "presswatch/0.1 (+mailto:...)",
    // is what groups are matched against, case-insensitively).
    static Robots parse(std::string_view text, std::string_view user_agent);
    // What an HTTP status of robots.txt means: 4xx allows everything
    // (RFC 9309 §2.3.1.3), 5xx or no answer disallows everything until it
    // can be read (§2.3.1.4).
    static Robots allow_all();
    static Robots disallow_all();

    // path_query: the URL's path and query ("/a/b?c=1").
    bool allowed(std::string_view path_query) const;

    std::optional<int> crawl_delay_ms() const { return crawl_delay_ms_; }
    const std::vector<std::string>& sitemaps() const { return sitemaps_; }

private:
    struct Rule {
        bool allow;
        std::string pattern;
    };
    std::vector<Rule> rules_;
    bool disallow_everything_ = false;
    std::optional<int> crawl_delay_ms_;
    std::vector<std::string> sitemaps_;
};

// The product token of a User-Agent string: "presswatch" for
// "presswatch/0.1 (+mailto:...)", lower case.
std::string product_token(std::string_view user_agent);

}  // namespace presswatch::crawler
