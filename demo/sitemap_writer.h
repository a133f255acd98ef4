#pragma once
// The sitemap (sitemaps.org 0.9) each outlet serves at /sitemap.xml and
// names in its robots.txt, for crawlers that discover through sitemaps.
#include <cstdint>
#include <string>
#include <vector>

namespace presswatch::demo {

struct SitemapUrl {
    std::string loc;
    std::int64_t lastmod = 0;  // Unix time, written in Vietnam time
};

std::string sitemap(const std::vector<SitemapUrl>& urls);

}  // namespace presswatch::demo
