#include "crawler/source_finder.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/error.h"
#include "crawler/charset.h"
#include "crawler/discovery.h"
#include "crawler/fetcher.h"
#include "extract/html_meta.h"
#include "crawler/listing.h"
#include "crawler/robots.h"
#include "crawler/url.h"

namespace presswatch::crawler {
namespace {

// Paths where Vietnamese outlets keep feeds and sitemaps when the home
// page does not say (see ../shared/notes/press-office.md).
const char* const usual_feed_paths[] = {"/rss", "/rss.xml", "/rss/home.rss", "/rss/tin-moi-nhat.rss", "/feed",
                                        "/home.rss"};
const char* const usual_sitemap_paths[] = {"/sitemap.xml", "/sitemap_index.xml", "/sitemaps/sitemap.xml",
                                           "/news-sitemap.xml", "/sitemap-news.xml"};

std::map<std::uint64_t, Response> fetch(Fetcher& f, const std::vector<std::string>& urls) {
    std::uint64_t tag = 0;
    for (const auto& u : urls) {
        Request r;
        r.tag = ++tag;
        r.url = u;
        f.add(std::move(r));
    }
    std::map<std::uint64_t, Response> out;
    f.run([&](Response&& r) { out[r.tag] = std::move(r); });
    return out;
}

}  // namespace

SiteSources find_sources(const std::string& url_in, const config::Settings& settings) {
    auto url = canonical_url(url_in);
    if (!url) throw InputError(fmt::format("\"{}\" is not an http(s) URL; give a home page like https://vnexpress.net/", url_in));
    auto opts = FetchOptions::from(settings);
    opts.max_attempts = 1;
    Fetcher f(opts);
    SiteSources s;
    s.host = url_host(*url);
    std::string origin = url_origin(*url);
    auto first = fetch(f, {*url, origin + "/robots.txt"});
    const auto& home = first[1];
    s.home = home.final_url;
    std::vector<FoundSource> candidates;
    auto add = [&](const std::string& u, const std::string& kind, const std::string& how) {
        auto c = canonical_url(u);
        if (!c) return;
        for (const auto& x : candidates)
            if (x.url == *c) return;
        candidates.push_back({*c, kind, how, 0, ""});
    };
    if (home.ok()) {
        auto text = decode_to_utf8(home.body, home.content_type).text;
        extract::HtmlDocument doc(text);
        auto meta = extract::read_html_metadata(doc);
        s.name = !meta.site_name.empty() ? meta.site_name : meta.title;
        for (const auto& feed : feed_links(text, home.final_url)) add(feed, "feed", "home page link");
    } else {
        s.error = home.error.empty() ? fmt::format("HTTP {}", home.status) : home.error;
    }
    const auto& robots = first[2];
    if (robots.ok()) {
        auto rules = Robots::parse(robots.body, settings.user_agent);
        for (const auto& sm : rules.sitemaps()) add(sm, "sitemap", "robots.txt");
    }
    std::string base = url_origin(home.final_url.empty() ? *url : home.final_url);
    for (const char* p : usual_feed_paths) add(base + p, "feed", "usual path");
    for (const char* p : usual_sitemap_paths) add(base + p, "sitemap", "usual path");

    std::vector<std::string> urls;
    for (const auto& c : candidates) urls.push_back(c.url);
    auto got = fetch(f, urls);
    config::Outlet probe;
    probe.domains = {s.host};
    if (s.host.starts_with("www.")) probe.domains.push_back(s.host.substr(4));
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        auto& c = candidates[i];
        const auto& r = got[i + 1];
        if (!r.ok()) {
            c.error = r.error.empty() ? fmt::format("HTTP {}", r.status) : r.error;
            continue;
        }
        auto d = discover(c.kind, r.body, r.content_type, r.final_url, probe);
        c.items = static_cast<int>(d.articles.size() + d.sitemaps.size());
        if (c.items == 0) c.error = d.error.empty() ? "lists nothing" : d.error;
    }
    // Usable first; failed "usual path" guesses are noise, drop them.
    std::stable_partition(candidates.begin(), candidates.end(), [](const auto& c) { return c.error.empty(); });
    for (auto& c : candidates)
        if (c.error.empty() || c.how != "usual path") s.sources.push_back(std::move(c));
    return s;
}

}  // namespace presswatch::crawler
