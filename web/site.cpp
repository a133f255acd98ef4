#include "web/site.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <fmt/format.h>

#include "briefing/month_report.h"
#include "briefing/outlet_names.h"
#include "core/error.h"
#include "web/response.h"
#include "web/templates.h"

namespace presswatch::web {
namespace {

std::string random_token() {
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1) throw RuntimeFailure("cannot draw random bytes for a token (OpenSSL)");
    std::string hex;
    for (unsigned char b : bytes) hex += fmt::format("{:02x}", b);
    return hex;
}

// The host name of a Host header: "127.0.0.1:8080" -> "127.0.0.1", "[::1]:80" -> "::1".
std::string host_name(const std::string& host) {
    if (!host.empty() && host.front() == '[') return host.substr(1, host.find(']') - 1);
    return host.substr(0, host.find(':'));
}

// The value of cookie `name` in the request's Cookie headers, else "".
std::string cookie(const httplib::Request& req, const std::string& name) {
    auto n = req.get_header_value_count("Cookie");
    for (std::size_t i = 0; i < n; ++i) {
        const std::string header = req.get_header_value("Cookie", i);
        std::string_view all = header;
        while (!all.empty()) {
            auto semi = all.find(';');
            std::string_view pair = all.substr(0, semi);
            all = semi == std::string_view::npos ? std::string_view() : all.substr(semi + 1);
            while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
            auto eq = pair.find('=');
            if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
        }
    }
    return "";
}

}  // namespace

Site::Site(const config::Config& cfg, ServeOptions options)
    : cfg_(cfg), options_(std::move(options)), local_csrf_(random_token()), keeper_(options_.data_dir) {}

store::Store& Site::store() {
    // One connection per worker thread and data folder, for the thread's life.
    thread_local std::map<std::filesystem::path, std::unique_ptr<store::Store>> stores;
    auto& s = stores[options_.data_dir];
    if (!s) s = std::make_unique<store::Store>(options_.data_dir);
    return *s;
}

std::optional<Caller> Site::caller(const httplib::Request& req) {
    if (options_.no_auth) {
        // The one local user exists only for requests addressed to this
        // machine's loopback name: a page of another site that resolves its
        // own name to 127.0.0.1 (DNS rebinding) gets nothing.
        if (!is_loopback(host_name(req.get_header_value("Host")))) return std::nullopt;
        return Caller{options_.local_user, Role::admin, local_csrf_, ""};
    }
    std::string token = cookie(req, session_cookie);
    if (token.empty()) return std::nullopt;
    auto s = store::Accounts(store().db()).session(token);
    if (!s) return std::nullopt;
    return Caller{s->account.name, s->account.role, s->csrf_token, token};
}

std::string Site::client_address(const httplib::Request& req) const {
    if (options_.behind_proxy && req.has_header("X-Forwarded-For")) {
        // The proxy appends the address it saw; what comes before it is
        // whatever the client wrote and proves nothing.
        std::string xff = req.get_header_value("X-Forwarded-For");
        auto comma = xff.rfind(',');
        std::string last = comma == std::string::npos ? xff : xff.substr(comma + 1);
        auto b = last.find_first_not_of(" \t"), e = last.find_last_not_of(" \t");
        if (b != std::string::npos) return last.substr(b, e - b + 1);
    }
    return req.remote_addr;
}

std::string Site::session_cookie_value(const std::string& token) const {
    bool secure = !options_.tls_cert.empty() || options_.behind_proxy;
    return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}", session_cookie, token,
                       options_.session_ttl.count(), secure ? "; Secure" : "");
}

std::string Site::clear_cookie_value() const {
    bool secure = !options_.tls_cert.empty() || options_.behind_proxy;
    return fmt::format("{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict{}", session_cookie, secure ? "; Secure" : "");
}

void Site::require(const Caller& c, Role r) {
    if (!store::role_allows(c.role, r))
        throw HttpError(403, "forbidden",
                        fmt::format("Tài khoản «{}» ({}) không có quyền làm việc này; cần vai trò {}.", c.name,
                                    role_name(c.role), role_name(r)));
}

void Site::check_csrf(const httplib::Request& req, const Caller& c) {
    std::string token = req.has_header("X-CSRF-Token") ? req.get_header_value("X-CSRF-Token")
                                                       : req.get_param_value("csrf");
    if (token.size() != c.csrf_token.size() ||
        CRYPTO_memcmp(token.data(), c.csrf_token.data(), token.size()) != 0 || token.empty())
        throw HttpError(403, "csrf",
                        "Thiếu hoặc sai mã chống giả mạo (CSRF): tải lại trang rồi thử lại.");
}

bool Site::sync_index() { return keeper_.sync_now(std::chrono::milliseconds(1500)); }

void Site::page(httplib::Response& res, const Caller& c, const std::string& title, const std::string& name,
                nlohmann::json view, const std::string& nav, int status) {
    view["csrf"] = c.csrf_token;
    std::string body = render_template(name, view);
    nlohmann::json layout = {{"title", title},
                             {"content", body},
                             {"user", c.name},
                             {"signed_in", !c.name.empty()},
                             {"role", role_name(c.role)},
                             {"csrf", c.csrf_token},
                             {"province", cfg_.province.name},
                             {"nav_" + nav, true},
                             {"can_edit", c.role != Role::reader},
                             {"is_admin", c.role == Role::admin},
                             {"can_logout", !c.session.empty()}};
    send_html(res, status, render_template("layout", layout));
}

std::string Site::outlet_name(const std::string& slug) {
    // The configured name, else the one the store recorded when it crawled
    // the outlet (the demo's outlets are not in sources.toml), else the slug.
    return briefing::OutletNames(cfg_, store()).name(slug);
}

void Site::remember_decision(const std::string& user, std::vector<UndoStep> batch) {
    std::lock_guard lock(mu_);
    last_decision_[user] = std::move(batch);
}

std::optional<std::vector<Site::UndoStep>> Site::take_last_decision(const std::string& user) {
    std::lock_guard lock(mu_);
    auto it = last_decision_.find(user);
    if (it == last_decision_.end()) return std::nullopt;
    auto batch = std::move(it->second);
    last_decision_.erase(it);
    return batch;
}

void Site::remember_notice(const Caller& c, std::string text) {
    std::lock_guard lock(mu_);
    notices_[c.session.empty() ? c.name : c.session] = std::move(text);
}

std::string Site::take_notice(const Caller& c) {
    std::lock_guard lock(mu_);
    auto it = notices_.find(c.session.empty() ? c.name : c.session);
    if (it == notices_.end()) return "";
    auto text = std::move(it->second);
    notices_.erase(it);
    return text;
}

}  // namespace presswatch::web
