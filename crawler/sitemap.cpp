#include "crawler/sitemap.h"

#include <memory>


#include "crawler/feed_date.h"
#include "crawler/feed_parser.h"
#include "crawler/gzip.h"
#include "extract/html_entities.h"
#include "crawler/url.h"
#include "crawler/xml_document.h"
#include "text/normalize.h"

namespace presswatch::crawler {
namespace {

std::string trimmed_text(const xmlNode* n) {
    std::string s = xml_text(n);
    auto b = s.find_first_not_of(" \t\r\n");
    auto e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// Reads one <url> or <sitemap> element (news:news nested inside).
SitemapEntry read_entry(const xmlNode* e, std::string_view base) {
    SitemapEntry out;
    std::optional<std::int64_t> lastmod, published;
    // Iterative walk over the entry's subtree.
    const xmlNode* n = e->children;
    while (n) {
        if (n->type == XML_ELEMENT_NODE) {
            auto name = xml_name(n);
            if (name == "loc" && out.url.empty()) {
                auto loc = extract::decode_metadata_entities(trimmed_text(n));
                if (auto r = resolve_url(base, loc)) out.url = *r;
            } else if (name == "lastmod") {
                lastmod = parse_feed_date(trimmed_text(n));
            } else if (name == "publication_date") {
                published = parse_feed_date(trimmed_text(n));
            } else if (name == "title" && n->ns && n->ns->href &&
                       std::string_view(reinterpret_cast<const char*>(n->ns->href)).find("sitemap-news") !=
                           std::string_view::npos) {
                out.title = text::nfc(extract::decode_metadata_entities(trimmed_text(n)));
            } else if (n->children && name != "loc") {
                n = n->children;
                continue;
            }
        }
        while (n && !n->next && n->parent != e) n = n->parent;
        if (!n) break;
        n = n->next;
    }
    out.date = published ? published : lastmod;
    return out;
}

}  // namespace

Sitemap parse_sitemap(std::string_view body, std::string_view sitemap_url) {
    Sitemap sm;
    std::string inflated;
    if (looks_gzipped(body)) {
        auto g = gunzip(body, max_sitemap_bytes);
        if (!g) {
            sm.error = "corrupt gzip, or larger than 50 MB once inflated";
            return sm;
        }
        inflated = std::move(*g);
        body = inflated;
    }
    if (body.size() > max_sitemap_bytes) body = body.substr(0, max_sitemap_bytes);
    auto doc = parse_xml_recovering(body, sitemap_url, &sm.error);
    if (!doc) return sm;
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    auto root_name = xml_name(root);
    if (root_name != "urlset" && root_name != "sitemapindex") {
        sm.error = "not a sitemap: the root element is <" + root_name + ">";
        return sm;
    }
    sm.is_index = root_name == "sitemapindex";
    const char* want = sm.is_index ? "sitemap" : "url";
    for (const xmlNode* c = root->children; c && sm.entries.size() < max_sitemap_entries; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xml_name(c) != want) continue;
        auto e = read_entry(c, sitemap_url);
        if (!e.url.empty()) sm.entries.push_back(std::move(e));
    }
    if (sm.entries.empty()) sm.error = "the sitemap lists no URL";
    return sm;
}

}  // namespace presswatch::crawler
