#pragma once
// `presswatch sources discover URL`: what a site offers the crawler. Reads
// the home page for the feeds it links (<link rel="alternate">), robots.txt
// for its Sitemap lines, tries the usual feed and sitemap paths of
// Vietnamese outlets, and checks each candidate by reading it. Not
// thread-safe (it runs its own Fetcher); throws InputError for a URL that
// is not http(s).
#include <string>
#include <vector>

#include "config/config.h"

namespace presswatch::crawler {

struct FoundSource {
    std::string url;
    std::string kind;        // feed | sitemap
    std::string how;         // "home page link", "robots.txt", "usual path"
    int items = 0;           // links it lists now
    std::string error;       // why it is not usable; empty when it is
};

struct SiteSources {
    std::string home;        // the URL as fetched (after redirects)
    std::string name;        // the home page's title or og:site_name
    std::string host;
    std::vector<FoundSource> sources;  // usable ones first
    std::string error;       // the home page could not be read
};

SiteSources find_sources(const std::string& url, const config::Settings& settings);

}  // namespace presswatch::crawler
