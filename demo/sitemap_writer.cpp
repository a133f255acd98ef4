#include "demo/sitemap_writer.h"

#include "demo/page_html.h"
#include "text/dates.h"

namespace presswatch::demo {

std::string sitemap(const std::vector<SitemapUrl>& urls) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& u : urls)
        out += "<url><loc>" + escape_html(u.loc) + "</loc><lastmod>" + text::iso8601(u.lastmod) + "</lastmod></url>\n";
    return out + "</urlset>\n";
}

}  // namespace presswatch::demo
