#pragma once
// Listing pages: an outlet's section and tag pages (many outlets have a
// tag page for the province), read for the article links they carry and
// their "next page" link. Thread-safe; never throws on bad HTML.
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace presswatch::crawler {

struct ListingRules {
    std::vector<std::string> domains;   // only links to these hosts (port ignored)
    std::vector<std::regex> include;    // a link must match one (when any are given)
    std::vector<std::regex> exclude;    // and none of these
};

struct Listing {
    std::vector<std::string> articles;  // absolute, canonical, unique, in page order
    std::optional<std::string> next_page;
};

// Builds rules from the outlet's include and exclude patterns (ECMAScript,
// already validated by the configuration loader).
ListingRules listing_rules(const std::vector<std::string>& domains, const std::vector<std::string>& include,
                           const std::vector<std::string>& exclude);

// Without include patterns a link counts as an article when its path looks
// like one on Vietnamese news sites: it ends in .html, .htm, .ldo, .vnp or
// .vov, or it carries a numeric id of 6 digits or more, and it is not the
// page itself, a section root or a tag, search or author page.
bool looks_like_article_path(std::string_view path);

Listing read_listing(std::string_view html, std::string_view page_url, const ListingRules& rules);

// The links a home page gives to its feeds (<link rel="alternate"
// type="application/rss+xml" or atom+xml), absolute.
std::vector<std::string> feed_links(std::string_view html, std::string_view page_url);

}  // namespace presswatch::crawler
