#include "demo/sample_site.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include <sys/socket.h>

#include <httplib.h>

#include "core/error.h"
#include "demo/page_templates.h"
#include "demo/shown_dates.h"
#include "demo/site_data.h"
#include "demo/site_pages.h"

namespace presswatch::demo {

namespace {

// The host part of a Host header, lowercased, without the port.
std::string host_name(std::string host) {
    if (auto colon = host.rfind(':'); colon != std::string::npos && host.find(']') == std::string::npos)
        host.resize(colon);
    std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
    return host;
}

// A conditional GET whose validator still matches. If-None-Match wins over
// If-Modified-Since (RFC 9110 13.2.2); clients echo Last-Modified back as
// they got it, so an exact match is enough for this site.
bool not_modified(const httplib::Request& req, const Resource& r) {
    if (req.has_header("If-None-Match")) {
        const std::string tags = req.get_header_value("If-None-Match");
        return tags == "*" || tags.find(r.etag) != std::string::npos;
    }
    return !r.last_modified.empty() && req.get_header_value("If-Modified-Since") == r.last_modified;
}

void send(const httplib::Request& req, httplib::Response& res, const Resource& r) {
    res.set_header("ETag", r.etag);
    if (!r.last_modified.empty()) res.set_header("Last-Modified", r.last_modified);
    if (not_modified(req, r)) {
        res.status = 304;
        return;
    }
    res.set_content(r.body, r.content_type.c_str());
}

const char* const not_found_page =
    "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>404</title></head>"
    "<body><h1>Không tìm thấy trang</h1><p>Bài viết không tồn tại hoặc đã bị gỡ.</p></body></html>\n";

}  // namespace

struct SampleSite::Impl {
    std::vector<SiteOutlet> outlets = load_site_data();
    RenderedSite site;  // built at start()
    httplib::Server server;
    std::thread thread;
    int port = 0;
    std::int64_t started = 0;  // the "now" the site's dates count back from
    bool running = false;

    std::string origin(const SiteOutlet& o) const { return outlet_origin(o.slug, port); }

    void serve(const httplib::Request& req, httplib::Response& res) const;
};

void SampleSite::Impl::serve(const httplib::Request& req, httplib::Response& res) const {
    const std::string host = host_name(req.get_header_value("Host"));
    auto h = site.hosts.find(host);
    if (h == site.hosts.end()) {
        if (host == "127.0.0.1" || host == "localhost") return send(req, res, site.directory);
        res.status = 404;
        res.set_content("Không có trang này: máy chủ mẫu không phục vụ " + host + "\n", "text/plain; charset=utf-8");
        return;
    }
    auto p = h->second.find(req.path);
    if (p == h->second.end()) {
        res.status = 404;
        res.set_content(not_found_page, "text/html; charset=utf-8");
        return;
    }
    send(req, res, p->second);
}

SampleSite::SampleSite() : impl_(std::make_unique<Impl>()) {
    // Checked here, before start() binds a socket it would have to undo.
    for (const auto& o : impl_->outlets)
        if (!page_style(o.style))
            throw ConfigError("demo/site/outlets.toml: outlet " + o.slug + ": style: no template named \"" + o.style +
                              "\" (see demo/page_templates.h)");
}

SampleSite::~SampleSite() { stop(); }

void SampleSite::start(int preferred_port) {
    if (impl_->running) return;
    // Headers and body go out in two writes; with Nagle on, a keep-alive
    // client (libcurl reuses connections) waits for a delayed ACK each time:
    // about 40 ms a request instead of well under 1 ms.
    impl_->server.set_tcp_nodelay(true);
    // cpp-httplib's default sets SO_REUSEPORT, which lets a second server
    // bind a port another one listens on and share its connections: keep
    // SO_REUSEADDR only (rebinding over TIME_WAIT), so a taken port fails.
    impl_->server.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    constexpr int max_port = 65535;
    impl_->port = 0;
    if (preferred_port > 0 && preferred_port <= max_port && impl_->server.bind_to_port("127.0.0.1", preferred_port))
        impl_->port = preferred_port;
    else
        impl_->port = impl_->server.bind_to_any_port("127.0.0.1");
    if (impl_->port <= 0) throw RuntimeFailure("sample site: cannot bind a port on 127.0.0.1");
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    impl_->started = now;
    impl_->site = render_site(impl_->outlets, impl_->port, now);
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

std::vector<SampleSite::ExpectedArticle> SampleSite::articles() const {
    std::vector<ExpectedArticle> out;
    for (const auto& o : impl_->outlets)
        for (const auto& a : o.articles)
            out.push_back({o.slug, a.id, impl_->origin(o) + a.path, a.headline,
                           publication_time(impl_->started, a.days_ago, a.minute_of_day), a.about_province,
                           a.needs_answer});
    return out;
}

std::vector<std::string> SampleSite::removed_urls() const {
    std::vector<std::string> out;
    for (const auto& o : impl_->outlets)
        for (const auto& g : o.gone) out.push_back(impl_->origin(o) + g.path);
    return out;
}

}  // namespace presswatch::demo
