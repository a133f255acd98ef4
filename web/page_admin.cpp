// The admin page (/admin, admin role): the accounts with their role, state
// and last login, and forms to create one, change its role, disable or
// enable it and reset its password. Each form is a POST with the session's
// CSRF token, goes through web/account_actions.h (the same store::Accounts
// calls as `presswatch user`, with the admin's name in the audit log) and
// comes back here: with a notice after a change, with the refusal in place
// (and its status) when a rule says no. The audit log (/admin/audit) and the
// configuration (/admin/config) are pages of their own.
#include <fmt/format.h>

#include "web/account_actions.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/url.h"

namespace presswatch::web {
namespace {

nlohmann::json role_choices(Role selected) {
    nlohmann::json out = nlohmann::json::array();
    for (Role r : {Role::reader, Role::editor, Role::admin})
        out.push_back({{"value", role_name(r)}, {"label", store::role_title(r)}, {"selected", r == selected}});
    return out;
}

// What the create form held when it was refused, so it is not typed again
// (never the passwords).
struct CreateForm {
    std::string name;
    Role role = Role::reader;
};

void admin_page(Site& site, const Caller& c, httplib::Response& res, const std::string& error = "", int status = 200,
                const CreateForm& form = {}) {
    store::Accounts accounts(site.store().db());
    nlohmann::json rows = nlohmann::json::array();
    std::size_t enabled_admins = 0;
    for (const auto& a : accounts.list()) {
        nlohmann::json v = account_json(a);
        v["path"] = "/admin/accounts/" + url_encode(a.name);
        v["is_self"] = a.name == c.name;
        v["roles"] = role_choices(a.role);
        if (v["last_login"] == "") v["last_login"] = "chưa đăng nhập";
        if (auto left = accounts.lock_seconds_left(a.name); left > 0)
            v["locked_minutes"] = std::to_string((left + 59) / 60);
        rows.push_back(v);
        if (a.role == Role::admin && !a.disabled) ++enabled_admins;
    }
    nlohmann::json view = {{"accounts", rows},
                           {"count", rows.size()},
                           {"none", rows.empty()},
                           {"enabled_admins", enabled_admins},
                           {"notice", site.take_notice(c)},
                           {"error", error},
                           {"form_name", form.name},
                           {"roles", role_choices(form.role)},
                           {"no_auth", site.options().no_auth}};
    site.page(res, c, "Quản trị", "admin", view, "admin", status);
}

void get_admin(Site& site, const Caller& c, const httplib::Request&, httplib::Response& res) { admin_page(site, c, res); }

// Runs a form's change; a refusal (bad input, a rule of the store) shows on
// the admin page with its status; anything else goes to the route wrapper.
// create: the refused form was the create form, whose name and role are kept.
template <class F>
void admin_form(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res, F change,
                bool create = false) {
    std::string notice;
    try {
        notice = change();
    } catch (...) {
        Failure f = classify(std::current_exception());
        if (f.status >= 500) throw;
        CreateForm form;
        if (create) {
            form.name = req.get_param_value("name");
            try {
                form.role = store::parse_role(req.get_param_value("role"));
            } catch (const InputError&) {
            }
        }
        return admin_page(site, c, res, f.message, f.status, form);
    }
    site.remember_notice(c, notice);
    redirect(res, "/admin");
}

std::string name_in_path(const httplib::Request& req) { return req.matches[1]; }

void post_create(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    admin_form(site, c, req, res, [&] {
        auto a = create_account(site, c, req);
        return fmt::format("Đã tạo tài khoản «{}» ({}). Báo cho người dùng tên và mật khẩu ban đầu; họ nên đổi mật "
                           "khẩu ở trang Tài khoản của mình.",
                           a.name, store::role_title(a.role));
    }, true);
}

void post_role(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    admin_form(site, c, req, res, [&] {
        httplib::Request only_role = req;
        only_role.params.erase("disabled");
        auto a = update_account(site, c, name_in_path(req), only_role);
        return fmt::format("«{}» giờ có vai trò {}.", a.name, store::role_title(a.role));
    });
}

void post_disabled(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res, bool disabled) {
    admin_form(site, c, req, res, [&] {
        httplib::Request change;
        change.params.emplace("disabled", disabled ? "1" : "0");
        auto a = update_account(site, c, name_in_path(req), change);
        return disabled ? fmt::format("Đã vô hiệu hoá tài khoản «{}»; các phiên đăng nhập của tài khoản đã kết thúc.", a.name)
                        : fmt::format("Đã kích hoạt lại tài khoản «{}».", a.name);
    });
}

void post_password(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    admin_form(site, c, req, res, [&] {
        auto a = reset_password(site, c, name_in_path(req), req);
        return fmt::format("Đã đặt mật khẩu mới cho «{}»; các phiên đăng nhập cũ của tài khoản đã kết thúc.", a.name);
    });
}

void post_unlock(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    admin_form(site, c, req, res, [&] {
        std::string name = name_in_path(req);
        return unlock_account(site, c, name)
                   ? fmt::format("Đã mở khoá đăng nhập cho «{}»: người này có thể đăng nhập lại ngay.", name)
                   : fmt::format("«{}» không bị khoá đăng nhập: không có gì thay đổi.", name);
    });
}

}  // namespace

void add_admin_routes(httplib::Server& http, Site& site) {
    page_route(http, site, Method::get, "/admin", Role::admin, get_admin);
    page_route(http, site, Method::post, "/admin/accounts", Role::admin, post_create);
    page_route(http, site, Method::post, R"(/admin/accounts/([^/]{1,80})/role)", Role::admin, post_role);
    page_route(http, site, Method::post, R"(/admin/accounts/([^/]{1,80})/disable)", Role::admin,
               [](Site& s, const Caller& c, const httplib::Request& q, httplib::Response& r) { post_disabled(s, c, q, r, true); });
    page_route(http, site, Method::post, R"(/admin/accounts/([^/]{1,80})/enable)", Role::admin,
               [](Site& s, const Caller& c, const httplib::Request& q, httplib::Response& r) { post_disabled(s, c, q, r, false); });
    page_route(http, site, Method::post, R"(/admin/accounts/([^/]{1,80})/password)", Role::admin, post_password);
    page_route(http, site, Method::post, R"(/admin/accounts/([^/]{1,80})/unlock)", Role::admin, post_unlock);
}

}  // namespace presswatch::web
