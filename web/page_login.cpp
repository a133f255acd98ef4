// Logging in and out (/login, /logout) with the accounts of
// store/accounts.h: Accounts::login checks the password (Argon2id) and the
// limits on failed tries, open_session gives the token the cookie carries,
// close_session ends it on the server. The login form needs no CSRF token
// (there is no session yet to hold one; the cookie is SameSite=Strict);
// logout does, like every other state change.
#include <cstdio>

#include <fmt/format.h>

#include "core/error.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/templates.h"

namespace presswatch::web {
namespace {

// Where to go after logging in: only a path on this server ("/search?q=x"),
// never "//other.host" or "https://...", so the form cannot be used to send
// people elsewhere.
std::string safe_next(const std::string& next) {
    if (next.size() < 1 || next.size() > 2000 || next.front() != '/' || next.rfind("//", 0) == 0 ||
        next.find('\\') != std::string::npos || next.rfind("/login", 0) == 0)
        return "/today";
    for (unsigned char ch : next)
        if (ch < 0x20 || ch == 0x7f) return "/today";
    return next;
}

const Caller nobody{"", Role::reader, "", ""};

void login_form(Site& site, httplib::Response& res, const std::string& next, const std::string& name,
                const std::string& message, int status) {
    site.page(res, nobody, "Đăng nhập", "login",
              {{"next", safe_next(next)}, {"name", name}, {"message", message}}, "login", status);
}

void get_login(Site& site, const httplib::Request& req, httplib::Response& res) {
    if (site.options().no_auth || site.caller(req)) return redirect(res, safe_next(req.get_param_value("next")));
    login_form(site, res, req.get_param_value("next"), "", "", 200);
}

void post_login(Site& site, const httplib::Request& req, httplib::Response& res) {
    std::string next = req.get_param_value("next");
    if (site.options().no_auth) return redirect(res, safe_next(next));
    std::string name = req.get_param_value("name");
    store::Accounts accounts(site.store().db(), "", site.options().login_limits);
    auto r = accounts.login(name, req.get_param_value("password"), site.client_address(req));
    using Outcome = store::LoginResult::Outcome;
    switch (r.outcome) {
        case Outcome::ok: {
            auto s = accounts.open_session(r.account->id, site.options().session_ttl);
            res.set_header("Set-Cookie", site.session_cookie_value(s.token));
            return redirect(res, safe_next(next));
        }
        case Outcome::locked: {
            res.set_header("Retry-After", std::to_string(r.retry_after_seconds));
            auto minutes = (r.retry_after_seconds + 59) / 60;
            return login_form(site, res, next, name,
                              fmt::format("Đăng nhập sai quá nhiều lần: tạm khóa, thử lại sau khoảng {} phút.", minutes),
                              429);
        }
        case Outcome::disabled:
            return login_form(site, res, next, name, "Tài khoản này đã bị khóa: hỏi quản trị viên.", 403);
        case Outcome::bad_credentials: break;
    }
    // The same answer whether the name exists or not.
    login_form(site, res, next, name, "Tên đăng nhập hoặc mật khẩu không đúng.", 401);
}

void post_logout(Site& site, const Caller& c, const httplib::Request&, httplib::Response& res) {
    if (c.session.empty()) return redirect(res, "/today");  // --no-auth: nobody to log out
    store::Accounts(site.store().db()).close_session(c.session);
    res.set_header("Set-Cookie", site.clear_cookie_value());
    redirect(res, "/login");
}

}  // namespace

void add_login_routes(httplib::Server& http, Site& site) {
    auto guarded = [&site](auto f) {
        return [&site, f](const httplib::Request& req, httplib::Response& res) {
            try {
                f(site, req, res);
            } catch (const std::exception& e) {
                send_html(res, 500, "Lỗi máy chủ; đã ghi vào nhật ký.\n");
                std::fprintf(stderr, "presswatch serve: login: %s\n", e.what());
            }
        };
    };
    http.Get("/login", guarded(get_login));
    http.Post("/login", guarded(post_login));
    page_route(http, site, Method::post, "/logout", Role::reader, post_logout);
}

}  // namespace presswatch::web
