// One's own account (/account, every role): name, role, last login, and
// the form to change one's password: the current password, the new one
// twice. The current password is checked as a login checks it
// (store::Accounts::change_own_password): a wrong one counts towards the
// lock of the name and the address, and a locked name is refused. On
// success every other session of the account ends; this one stays.
#include <fmt/format.h>

#include "web/account_actions.h"
#include "web/response.h"
#include "web/routes.h"

namespace presswatch::web {
namespace {

void account_page(Site& site, const Caller& c, httplib::Response& res, const std::string& error = "",
                  int status = 200) {
    nlohmann::json view = {{"name", c.name}, {"role_title", store::role_title(c.role)}, {"error", error},
                           {"notice", site.take_notice(c)}, {"no_auth", c.session.empty()}};
    if (!c.session.empty()) {
        if (auto a = store::Accounts(site.store().db()).find(c.name)) {
            auto j = account_json(*a);
            view["created"] = j["created"];
            view["last_login"] = j["last_login"];
        }
    }
    site.page(res, c, "Tài khoản của tôi", "account", view, "account", status);
}

void get_account(Site& site, const Caller& c, const httplib::Request&, httplib::Response& res) {
    account_page(site, c, res);
}

void post_password(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    if (c.session.empty())
        throw HttpError(409, "no_account", "Máy chủ đang chạy với --no-auth: không có tài khoản nào để đổi mật khẩu.");
    using Outcome = store::LoginResult::Outcome;
    store::LoginResult r;
    try {
        check_same_password(req, "new_password", "new_password2");
        store::Accounts accounts(site.store().db(), c.name, site.options().login_limits);
        r = accounts.change_own_password(c.name, req.get_param_value("current_password"),
                                         req.get_param_value("new_password"), site.client_address(req), c.session);
    } catch (...) {
        Failure f = classify(std::current_exception());
        if (f.status >= 500) throw;
        return account_page(site, c, res, f.message, f.status);
    }
    switch (r.outcome) {
        case Outcome::ok:
            site.remember_notice(c, "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn (máy khác, trình duyệt khác) đã kết thúc.");
            return redirect(res, "/account");
        case Outcome::locked: {
            res.set_header("Retry-After", std::to_string(r.retry_after_seconds));
            return account_page(site, c, res,
                                fmt::format("Nhập sai mật khẩu quá nhiều lần: tạm khóa, thử lại sau khoảng {} phút.",
                                            (r.retry_after_seconds + 59) / 60),
                                429);
        }
        case Outcome::disabled:
        case Outcome::bad_credentials: break;
    }
    account_page(site, c, res, "Mật khẩu hiện tại không đúng.", 403);
}

}  // namespace

void add_account_routes(httplib::Server& http, Site& site) {
    page_route(http, site, Method::get, "/account", Role::reader, get_account);
    page_route(http, site, Method::post, "/account/password", Role::reader, post_password);
}

}  // namespace presswatch::web
