#include "crawler/discovery.h"

#include <set>

#include "crawler/charset.h"
#include "crawler/feed_parser.h"
#include "crawler/listing.h"
#include "crawler/sitemap.h"
#include "crawler/url.h"

namespace presswatch::crawler {
namespace {

// Adds url (made canonical) to list unless seen or off the outlet.
void keep(Discovery& d, std::vector<DiscoveredLink>& list, std::set<std::string>& seen, const std::string& raw,
          std::optional<std::int64_t> published, const config::Outlet& outlet) {
    auto url = canonical_url(raw, outlet.tracking_parameters);
    if (!url) return;
    d.listed++;
    if (!host_in_domains(url_host(*url), outlet.domains)) {
        d.foreign++;
        return;
    }
    if (seen.insert(*url).second) list.push_back({*url, published});
}

}  // namespace

Discovery discover(std::string_view kind, std::string_view body, std::string_view content_type,
                   std::string_view url, const config::Outlet& outlet) {
    Discovery d;
    std::set<std::string> seen;
    if (kind == "feed") {
        auto feed = parse_feed(body, url);
        for (const auto& it : feed.items) keep(d, d.articles, seen, it.url, it.published, outlet);
        if (feed.items.empty()) d.error = feed.error;
    } else if (kind == "sitemap") {
        auto sm = parse_sitemap(body, url);
        for (const auto& e : sm.entries) keep(d, sm.is_index ? d.sitemaps : d.articles, seen, e.url, e.date, outlet);
        if (sm.entries.empty()) d.error = sm.error;
    } else if (kind == "listing") {
        auto text = decode_to_utf8(body, content_type).text;
        auto l = read_listing(text, url, listing_rules(outlet.domains, outlet.include_patterns, outlet.exclude_patterns));
        for (const auto& a : l.articles) keep(d, d.articles, seen, a, std::nullopt, outlet);
        d.next_page = l.next_page;
        if (l.articles.empty()) d.error = "no article links on the page (check include/exclude patterns)";
    } else {
        d.error = "unknown source kind " + std::string(kind);
    }
    return d;
}

}  // namespace presswatch::crawler
