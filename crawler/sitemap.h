#pragma once
// Sitemaps (sitemaps.org 0.9): a `urlset` of pages or a `sitemapindex` of
// further sitemaps, Google News entries (news:publication_date,
// news:title), plain or gzip-compressed (.xml.gz). Read with libxml2 in
// recovery mode like feeds. Never throws on bad input. Thread-safe.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace presswatch::crawler {

struct SitemapEntry {
    std::string url;                        // <loc>, absolute
    std::optional<std::int64_t> date;       // news:publication_date, else lastmod
    std::string title;                      // news:title, when given
};

struct Sitemap {
    bool is_index = false;                  // entries are sitemaps, not pages
    std::vector<SitemapEntry> entries;
    std::string error;                      // why nothing could be read
};

// A sitemap holds at most 50,000 URLs and 50 MB uncompressed (sitemaps.org);
// anything larger is cut there.
constexpr std::size_t max_sitemap_entries = 50000;
constexpr std::size_t max_sitemap_bytes = 50 * 1024 * 1024;

// body: as fetched (gzip is detected by its magic bytes and inflated).
Sitemap parse_sitemap(std::string_view body, std::string_view sitemap_url);

}  // namespace presswatch::crawler
