#pragma once
// The web tests' world: a data folder filled by the built `presswatch demo`
// (it crawls the built-in sample site on 127.0.0.1), copied fresh for each
// test that changes it, and the real web server started on 127.0.0.1 on a
// free port inside the test.
#include <filesystem>
#include <memory>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "config/config.h"
#include "support.h"
#include "web/server.h"

namespace presswatch::testing {

// The demo's data, crawled once per test program.
inline const std::filesystem::path& demo_data() {
    static TempDir dir;
    static bool filled = [] {
        auto r = run_presswatch("--data '" + dir.path().string() + "' demo");
        if (r.code != 0) throw std::runtime_error("presswatch demo failed:\n" + r.out);
        return true;
    }();
    (void)filled;
    return dir.path();
}

// A private copy of the demo's data, for tests that change it.
class DemoCopy {
public:
    DemoCopy() { std::filesystem::copy(demo_data(), dir_.path(), std::filesystem::copy_options::recursive); }
    const std::filesystem::path& path() const { return dir_.path(); }

private:
    TempDir dir_;
};

class RunningServer {
public:
    explicit RunningServer(const std::filesystem::path& data, std::string user = "web-tester",
                           std::size_t max_body = web::default_max_body_bytes)
        : RunningServer(no_auth_options(data, std::move(user), max_body)) {}
    // Any options (e.g. with accounts: no_auth false) and configuration; port 0 is forced.
    explicit RunningServer(web::ServeOptions o, config::Config cfg = config::load_config()) : cfg_(std::move(cfg)) {
        o.port = 0;
        server_ = std::make_unique<web::Server>(cfg_, o);
        port_ = server_->bind();
        thread_ = std::thread([this] { server_->run(); });
    }
    ~RunningServer() {
        server_->stop();
        thread_.join();
    }
    int port() const { return port_; }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(30, 0);
        return c;
    }
    // The CSRF token a page carries (meta csrf-token), as a browser's script reads it.
    std::string csrf() const {
        auto res = client().Get("/search");
        if (!res || res->status != 200) throw std::runtime_error("GET /search failed");
        std::smatch m;
        static const std::regex meta(R"re(<meta name="csrf-token" content="([0-9a-f]+)">)re");
        if (!std::regex_search(res->body, m, meta)) throw std::runtime_error("no csrf-token meta in the page");
        return m[1];
    }
    nlohmann::json get_json(const std::string& path) const {
        auto res = client().Get(path);
        if (!res) throw std::runtime_error("no answer to " + path);
        if (res->status != 200) throw std::runtime_error(path + ": HTTP " + std::to_string(res->status) + "\n" + res->body);
        return nlohmann::json::parse(res->body);
    }

private:
    static web::ServeOptions no_auth_options(const std::filesystem::path& data, std::string user, std::size_t max_body) {
        web::ServeOptions o;
        o.data_dir = data;
        o.no_auth = true;
        o.local_user = std::move(user);
        o.max_body_bytes = max_body;
        return o;
    }
    config::Config cfg_;
    std::unique_ptr<web::Server> server_;
    int port_ = 0;
    std::thread thread_;
};

// A logged-in browser: its session cookie ("presswatch_session=...") and
// the CSRF token its pages carry.
struct Session {
    std::string cookie, csrf;
    httplib::Headers headers() const { return {{"Cookie", cookie}}; }
    httplib::Headers api_headers() const { return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}; }
};

// Logs in through the form; throws when the server does not open a session.
inline Session log_in(httplib::Client& c, const std::string& name, const std::string& password) {
    auto res = c.Post("/login", httplib::Params{{"name", name}, {"password", password}, {"next", "/search"}});
    if (!res || res->status != 303 || !res->has_header("Set-Cookie"))
        throw std::runtime_error("login of " + name + " failed: HTTP " + (res ? std::to_string(res->status) : "none"));
    std::string set = res->get_header_value("Set-Cookie");
    Session s{set.substr(0, set.find(';')), ""};
    auto page = c.Get("/account", s.headers());
    std::smatch m;
    static const std::regex meta(R"re(<meta name="csrf-token" content="([^"]+)">)re");
    if (!page || page->status != 200 || !std::regex_search(page->body, m, meta))
        throw std::runtime_error("no csrf-token in the page after logging in as " + name);
    s.csrf = m[1];
    return s;
}

// "thanh hoa" -> "thanh%20hoa"
inline std::string encode(const std::string& s) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out += static_cast<char>(c);
        else out += std::string("%") + hex[c >> 4] + hex[c & 15];
    }
    return out;
}

inline std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// `presswatch --data DIR ARGS` and its standard output parsed as JSON.
inline nlohmann::json cli_json(const std::filesystem::path& data, const std::string& args) {
    auto r = run_shell(std::string(PRESSWATCH_BINARY) + " --data " + shell_quote(data.string()) + " " + args);
    if (r.code != 0) throw std::runtime_error("presswatch " + args + " exited " + std::to_string(r.code) + "\n" + r.out);
    return nlohmann::json::parse(r.out);
}

}  // namespace presswatch::testing
