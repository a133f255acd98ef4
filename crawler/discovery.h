#pragma once
// What one source tells about an outlet's articles: the links of a feed,
// a sitemap (or the child sitemaps of an index) or a listing page, made
// canonical and kept only when they are on the outlet's domains. Pure: no
// fetching, no store. Thread-safe; never throws on bad input.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"

namespace presswatch::crawler {

struct DiscoveredLink {
    std::string url;                        // canonical
    std::optional<std::int64_t> published;  // when the source says
};

struct Discovery {
    std::vector<DiscoveredLink> articles;   // in source order, unique
    std::vector<DiscoveredLink> sitemaps;   // child sitemaps of a sitemap index
    std::optional<std::string> next_page;   // a listing's next page
    int listed = 0;                         // links the source carried
    int foreign = 0;                        // of which outside the outlet's domains
    std::string error;                      // why nothing was readable
};

// kind: "feed", "sitemap" or "listing". body: as fetched (a listing is
// decoded to UTF-8 here; XML declares its own encoding).
Discovery discover(std::string_view kind, std::string_view body, std::string_view content_type,
                   std::string_view url, const config::Outlet& outlet);

}  // namespace presswatch::crawler
