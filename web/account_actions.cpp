#include "web/account_actions.h"

#include "text/dates.h"

namespace presswatch::web {
namespace {

std::string shown_time(const std::string& iso) {
    auto t = text::parse_iso8601(iso);
    return t ? text::vietnamese_datetime(*t) : std::string();
}

Role role_field(const httplib::Request& req) {
    std::string r = req.get_param_value("role");
    if (r != "reader" && r != "editor" && r != "admin")
        throw HttpError(400, "bad_role", "Vai trò không hợp lệ: chọn reader (Người đọc), editor (Biên tập viên) hoặc "
                                         "admin (Quản trị viên).");
    return store::parse_role(r);
}

store::Account existing(store::Accounts& accounts, const std::string& name) {
    auto a = accounts.find(name);
    if (!a) throw HttpError(404, "not_found", "Không có tài khoản này.");
    return *a;
}

}  // namespace

nlohmann::json account_json(const store::Account& a) {
    return {{"name", a.name},
            {"role", store::role_name(a.role)},
            {"role_title", store::role_title(a.role)},
            {"disabled", a.disabled},
            {"created_at", a.created_at},
            {"created", shown_time(a.created_at)},
            {"last_login_at", a.last_login_at},
            {"last_login", shown_time(a.last_login_at)}};
}

void check_same_password(const httplib::Request& req, const char* first, const char* second) {
    if (req.has_param(second) && req.get_param_value(second) != req.get_param_value(first))
        throw HttpError(400, "password_mismatch", "Hai lần nhập mật khẩu mới không giống nhau: nhập lại.");
}

store::Account create_account(Site& site, const Caller& admin, const httplib::Request& req) {
    Role role = role_field(req);
    check_same_password(req, "password", "password2");
    store::Accounts accounts(site.store().db(), admin.name);
    return accounts.add(req.get_param_value("name"), role, req.get_param_value("password"));
}

store::Account update_account(Site& site, const Caller& admin, const std::string& name, const httplib::Request& req) {
    store::Accounts accounts(site.store().db(), admin.name);
    auto a = existing(accounts, name);
    bool has_role = req.has_param("role"), has_disabled = req.has_param("disabled");
    if (!has_role && !has_disabled)
        throw HttpError(400, "bad_request", "Không có gì để đổi: gửi role hoặc disabled.");
    if (has_role) {
        Role r = role_field(req);
        if (r != a.role) accounts.set_role(a.name, r);
    }
    if (has_disabled) {
        std::string v = req.get_param_value("disabled");
        bool d = v == "1" || v == "true" || v == "on";
        if (!d && v != "0" && v != "false" && v != "off")
            throw HttpError(400, "bad_request", "disabled phải là true hoặc false.");
        if (d != a.disabled) accounts.set_disabled(a.name, d);
    }
    return existing(accounts, a.name);
}

store::Account reset_password(Site& site, const Caller& admin, const std::string& name, const httplib::Request& req) {
    check_same_password(req, "password", "password2");
    store::Accounts accounts(site.store().db(), admin.name);
    auto a = existing(accounts, name);
    accounts.set_password(a.name, req.get_param_value("password"), a.name == admin.name ? admin.session : "");
    return existing(accounts, a.name);
}

bool unlock_account(Site& site, const Caller& admin, const std::string& name) {
    store::Accounts accounts(site.store().db(), admin.name);
    return accounts.unlock(existing(accounts, name).name);
}

}  // namespace presswatch::web
