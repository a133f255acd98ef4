#include "web/server.h"

#include <fmt/format.h>
#include <httplib.h>

#include "core/error.h"
#include "store/accounts.h"
#include "store/store.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/site.h"

namespace presswatch::web {

struct Server::Impl {
    Impl(const config::Config& cfg, ServeOptions o) : options(o), site(cfg, std::move(o)) {}
    ServeOptions options;
    Site site;
    std::unique_ptr<httplib::Server> http;
    int port = 0;
};

Server::Server(const config::Config& cfg, ServeOptions options) {
    // --no-auth is refused off loopback before anything is opened.
    if (options.no_auth) check_listen_policy(options, false);
    if (!std::filesystem::exists(options.data_dir / "presswatch.db"))
        throw InputError(fmt::format("there is no presswatch data in {}: run `presswatch crawl` or `presswatch demo` "
                                     "first, or give --data DIR",
                                     options.data_dir.string()));
    if (!options.no_auth) {
        store::Store st(options.data_dir);
        check_listen_policy(options, store::Accounts(st.db()).any_active());
    }
    impl_ = std::make_unique<Impl>(cfg, options);
    auto& o = impl_->options;
    if (!o.tls_cert.empty()) {
        impl_->http = std::make_unique<httplib::SSLServer>(o.tls_cert.c_str(), o.tls_key.c_str());
        if (!impl_->http->is_valid())
            throw RuntimeFailure(fmt::format("cannot load the TLS certificate {} and key {}: check both are PEM files "
                                             "and the key matches the certificate",
                                             o.tls_cert.string(), o.tls_key.string()));
    } else {
        impl_->http = std::make_unique<httplib::Server>();
    }
    auto& http = *impl_->http;
    std::size_t workers = o.workers;
    http.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
    http.set_payload_max_length(o.max_body_bytes);
    http.set_read_timeout(o.io_timeout_seconds, 0);
    http.set_write_timeout(o.io_timeout_seconds, 0);
    http.set_keep_alive_timeout(5);
    // Answers go out at once: with Nagle's algorithm on (httplib's default)
    // the body waited for the client's delayed ACK of the headers, 40 ms a
    // request on Linux (bench/web, docs/benchmarks.md).
    http.set_tcp_nodelay(true);

    Site& site = impl_->site;
    add_static_routes(http);
    add_login_routes(http, site);
    add_search_routes(http, site);
    add_article_routes(http, site);
    add_today_routes(http, site);
    add_review_routes(http, site);
    add_flagged_routes(http, site);
    add_briefing_routes(http, site);
    add_sources_routes(http, site);
    add_api_routes(http, site);
    add_admin_routes(http, site);
    add_audit_routes(http, site);
    add_config_routes(http, site);
    add_account_routes(http, site);
    add_accounts_api_routes(http, site);
    http.Get("/", [](const httplib::Request&, httplib::Response& res) { redirect(res, "/today"); });

    // httplib's own answers (no route: 404; body too large: 413; ...) go
    // through the same headers, as JSON under /api/, as text elsewhere.
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        bool api = req.path.rfind("/api/", 0) == 0;
        std::string message = res.status == 404   ? "Không tìm thấy."
                              : res.status == 413 ? "Nội dung gửi lên quá lớn."
                              : res.status == 400 ? "Yêu cầu không hợp lệ."
                                                  : "Lỗi.";
        std::string code = res.status == 404 ? "not_found" : res.status == 413 ? "too_large" : "error";
        if (api) send_json_error(res, res.status, code, message);
        else send(res, res.status, message + "\n", "text/plain; charset=utf-8");
    });
    http.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) { apply_security_headers(res); });
}

Server::~Server() = default;

int Server::bind() {
    auto& o = impl_->options;
    if (o.port == 0) {
        impl_->port = impl_->http->bind_to_any_port(o.host);
        if (impl_->port < 0) throw RuntimeFailure(fmt::format("cannot listen on {}: no free port", o.host));
    } else {
        if (!impl_->http->bind_to_port(o.host, o.port))
            throw RuntimeFailure(fmt::format("cannot listen on {}:{}: the port is taken or the address is not this "
                                             "machine's; choose another with --listen",
                                             o.host, o.port));
        impl_->port = o.port;
    }
    return impl_->port;
}

void Server::run() { impl_->http->listen_after_bind(); }

pipeline::IndexKeeper& Server::index_keeper() { return impl_->site.index_keeper(); }

void Server::stop() { impl_->http->stop(); }

std::string Server::url() const {
    auto& o = impl_->options;
    std::string host = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
    return fmt::format("{}://{}:{}/", o.tls_cert.empty() ? "http" : "https", host, impl_->port);
}

}  // namespace presswatch::web
