#include "demo/sample_site.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <stdexcept>
#include <thread>

#include <httplib.h>

#include "config/error.h"
#include "demo/feed_writer.h"
#include "demo/page_templates.h"
#include "demo/site_data.h"

namespace presswatch::demo {

namespace {

struct Resource {
    std::string body;
    std::string content_type;
};

using Pages = std::map<std::string, Resource>;  // path -> resource

// The host part of a Host header, lowercased, without the port.
std::string host_name(std::string host) {
    if (auto colon = host.rfind(':'); colon != std::string::npos && host.find(']') == std::string::npos)
        host.resize(colon);
    std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
    return host;
}

std::string outlet_host(const std::string& slug) { return slug + ".localhost"; }

}  // namespace

struct SampleSite::Impl {
    std::vector<SiteOutlet> outlets = load_site_data();
    std::map<std::string, Pages> hosts;  // host name -> its pages, built at start()
    std::string directory_page;          // what 127.0.0.1 itself serves
    httplib::Server server;
    std::thread thread;
    int port = 0;
    bool running = false;

    std::string origin(const SiteOutlet& o) const {
        return "http://" + outlet_host(o.slug) + ":" + std::to_string(port);
    }

    void build_pages(std::int64_t now);
    void serve(const httplib::Request& req, httplib::Response& res) const;
};

void SampleSite::Impl::build_pages(std::int64_t now) {
    hosts.clear();
    directory_page = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>presswatch demo</title>"
                     "</head><body>\n<h1>Các báo mẫu (hư cấu) của presswatch demo</h1>\n<ul>\n";
    for (const auto& o : outlets) {
        const PageStyle* style = page_style(o.style);
        if (!style) throw ConfigError("demo/site/outlets.toml: " + o.slug + ": unknown style " + o.style);
        std::map<std::string, std::int64_t> published;
        for (const auto& a : o.articles) published[a.id] = publication_time(now, a.days_ago, a.minute_of_day);
        PageContext ctx{o, origin(o), now, published};

        Pages& pages = hosts[outlet_host(o.slug)];
        for (const auto& a : o.articles) pages[a.path] = {style->article(ctx, a), "text/html; charset=utf-8"};
        pages["/"] = {render_home_page(ctx, *style), "text/html; charset=utf-8"};
        pages["/robots.txt"] = {o.robots, "text/plain; charset=utf-8"};

        for (const auto& feed : o.feeds) {
            std::vector<FeedItem> items;
            for (const SiteArticle* a : ctx.newest_first())
                if (feed == o.feeds.front() || std::find(a->feeds.begin(), a->feeds.end(), feed) != a->feeds.end())
                    items.push_back({ctx.url(*a), a->headline, a->lead, ctx.time_of(*a)});
            // Gone articles stay in the first feed only, as a stale cache would keep them.
            if (feed == o.feeds.front())
                for (const auto& g : o.gone)
                    items.push_back({ctx.origin + g.path, g.headline, g.headline,
                                     publication_time(now, g.days_ago, g.minute_of_day)});
            FeedInfo info{o.name, ctx.origin + "/", ctx.origin + feed, o.feed_dates};
            if (o.feed_format == "atom")
                pages[feed] = {atom_feed(info, items), "application/atom+xml; charset=utf-8"};
            else
                pages[feed] = {rss_feed(info, items), "application/rss+xml; charset=utf-8"};
        }
        directory_page += "<li><a href=\"" + ctx.origin + "/\">" + escape_html(o.name) + "</a> (" + o.kind + ")</li>\n";
    }
    directory_page += "</ul>\n</body></html>\n";
}

void SampleSite::Impl::serve(const httplib::Request& req, httplib::Response& res) const {
    const std::string host = host_name(req.get_header_value("Host"));
    auto h = hosts.find(host);
    if (h == hosts.end()) {
        if (host == "127.0.0.1" || host == "localhost") {
            res.set_content(directory_page, "text/html; charset=utf-8");
            return;
        }
        res.status = 404;
        res.set_content("Không có trang này: máy chủ mẫu không phục vụ " + host + "\n", "text/plain; charset=utf-8");
        return;
    }
    auto p = h->second.find(req.path);
    if (p == h->second.end()) {
        res.status = 404;
        res.set_content("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>404</title></head>"
                        "<body><h1>Không tìm thấy trang</h1><p>Bài viết không tồn tại hoặc đã bị gỡ.</p></body></html>\n",
                        "text/html; charset=utf-8");
        return;
    }
    res.set_content(p->second.body, p->second.content_type.c_str());
}

SampleSite::SampleSite() : impl_(std::make_unique<Impl>()) {}

SampleSite::~SampleSite() { stop(); }

void SampleSite::start(int preferred_port) {
    if (impl_->running) return;
    // Headers and body go out in two writes; with Nagle on, a keep-alive
    // client (libcurl reuses connections) waits for a delayed ACK each time:
    // about 40 ms a request instead of well under 1 ms.
    impl_->server.set_tcp_nodelay(true);
    // The demo asks for the port it used last time, so that a second run on
    // the same data folder sees the same URLs and changes nothing.
    impl_->port = preferred_port > 0 && impl_->server.bind_to_port("127.0.0.1", preferred_port)
                      ? preferred_port
                      : impl_->server.bind_to_any_port("127.0.0.1");
    if (impl_->port <= 0) throw RuntimeFailure("sample site: cannot bind a port on 127.0.0.1");
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    impl_->build_pages(now);
    impl_->server.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { impl_->serve(req, res); });
    impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
    // listen_after_bind() flips is_running() once it accepts; wait for it so
    // a caller can connect as soon as start() returns.
    constexpr auto startup_limit = std::chrono::seconds(5);
    const auto deadline = std::chrono::steady_clock::now() + startup_limit;
    while (!impl_->server.is_running()) {
        if (std::chrono::steady_clock::now() > deadline) {
            impl_->server.stop();
            impl_->thread.join();
            throw RuntimeFailure("sample site: the server did not start within 5 seconds");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    impl_->running = true;
}

void SampleSite::stop() {
    if (!impl_->running) return;
    impl_->server.stop();
    if (impl_->thread.joinable()) impl_->thread.join();
    impl_->running = false;
}

int SampleSite::port() const { return impl_->port; }

std::string SampleSite::base_url() const { return "http://127.0.0.1:" + std::to_string(impl_->port); }

std::vector<config::Outlet> SampleSite::outlets() const {
    std::vector<config::Outlet> out;
    for (const auto& o : impl_->outlets) {
        config::Outlet c;
        c.slug = o.slug;
        c.name = o.name;
        c.kind = o.kind;
        c.domains = {outlet_host(o.slug)};
        for (const auto& f : o.feeds) c.feeds.push_back(impl_->origin(o) + f);
        c.file = "demo/site/outlets.toml";
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace presswatch::demo
