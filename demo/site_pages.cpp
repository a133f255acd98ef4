#include "demo/site_pages.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.h"
#include "demo/feed_writer.h"
#include "demo/page_templates.h"
#include "demo/shown_dates.h"
#include "demo/sitemap_writer.h"

namespace presswatch::demo {

namespace {

constexpr const char* html_type = "text/html; charset=utf-8";

// FNV-1a: a stable fingerprint of the bytes, enough for an ETag.
std::string etag_of(const std::string& body) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : body) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return fmt::format("\"{:016x}\"", h);
}

Resource resource(std::string body, std::string type, std::int64_t modified) {
    Resource r{std::move(body), std::move(type), "", modified > 0 ? http_date(modified) : ""};
    r.etag = etag_of(r.body);
    return r;
}

std::vector<FeedItem> feed_items(const PageContext& ctx, const std::string& feed, std::int64_t now) {
    const SiteOutlet& o = ctx.outlet;
    const bool home_feed = feed == o.feeds.front();
    std::vector<FeedItem> items;
    for (const SiteArticle* a : ctx.newest_first())
        if (home_feed || std::find(a->feeds.begin(), a->feeds.end(), feed) != a->feeds.end())
            items.push_back({ctx.url(*a), a->headline, a->lead, a->caption.empty() ? "" : ctx.origin + image_path(*a),
                             ctx.time_of(*a)});
    // Removed articles stay in the home feed only, as a stale cache keeps them.
    if (home_feed)
        for (const auto& g : o.gone)
            items.push_back({ctx.origin + g.path, g.headline, g.headline, "",
                             publication_time(now, g.days_ago, g.minute_of_day)});
    return items;
}

std::int64_t newest(const std::vector<FeedItem>& items) {
    std::int64_t t = 0;
    for (const auto& it : items) t = std::max(t, it.published);
    return t;
}

void render_outlet(const SiteOutlet& o, const PageContext& ctx, std::int64_t now, Pages& pages) {
    const PageStyle* style = page_style(o.style);
    if (!style) throw ConfigError("demo/site/outlets.toml: " + o.slug + ": unknown style " + o.style);
    std::vector<SitemapUrl> urls;
    for (const auto& a : o.articles) {
        pages[a.path] = resource(style->article(ctx, a), html_type, ctx.time_of(a));
        if (!a.caption.empty())
            pages[image_path(a)] =
                resource(std::string(embedded_site_file("images/placeholder.png")), "image/png", ctx.time_of(a));
        urls.push_back({ctx.url(a), ctx.time_of(a)});
    }
    for (const auto& feed : o.feeds) {
        auto items = feed_items(ctx, feed, now);
        FeedInfo info{o.name, ctx.origin + "/", ctx.origin + feed, o.feed_dates, o.feed_summary_html};
        if (o.feed_format == "atom")
            pages[feed] = resource(atom_feed(info, items), "application/atom+xml; charset=utf-8", newest(items));
        else
            pages[feed] = resource(rss_feed(info, items), "application/rss+xml; charset=utf-8", newest(items));
    }
    const std::int64_t latest = ctx.time_of(*ctx.newest_first().front());
    pages["/"] = resource(render_home_page(ctx, *style), html_type, latest);
    pages["/sitemap.xml"] = resource(sitemap(urls), "application/xml; charset=utf-8", latest);
    pages["/robots.txt"] = resource(o.robots + "Sitemap: " + ctx.origin + "/sitemap.xml\n", "text/plain; charset=utf-8", 0);
}

}  // namespace

std::string outlet_host(const std::string& slug) { return slug + ".localhost"; }

std::string outlet_origin(const std::string& slug, int port) {
    return "http://" + outlet_host(slug) + ":" + std::to_string(port);
}

RenderedSite render_site(const std::vector<SiteOutlet>& outlets, int port, std::int64_t now) {
    RenderedSite site;
    std::string directory = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>presswatch demo</title>"
                            "</head><body>\n<h1>Các báo mẫu (hư cấu) của presswatch demo</h1>\n<ul>\n";
    for (const auto& o : outlets) {
        std::map<std::string, std::int64_t> published;
        for (const auto& a : o.articles) published[a.id] = publication_time(now, a.days_ago, a.minute_of_day);
        const std::string origin = outlet_origin(o.slug, port);
        PageContext ctx{o, origin, now, published};
        render_outlet(o, ctx, now, site.hosts[outlet_host(o.slug)]);
        directory += "<li><a href=\"" + origin + "/\">" + escape_html(o.name) + "</a> (" + o.kind + ")</li>\n";
    }
    site.directory = resource(directory + "</ul>\n</body></html>\n", html_type, 0);
    return site;
}

}  // namespace presswatch::demo
