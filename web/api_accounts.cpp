// The accounts API (/api/v1/accounts, admin role; docs/openapi.json): the
// admin page's actions as JSON, through the same functions
// (web/account_actions.h). Errors as the rest of the API: 400 bad input,
// 401/403, 404 unknown account, 409 name taken or the last enabled admin.
#include "web/account_actions.h"
#include "web/routes.h"

namespace presswatch::web {
namespace {

using nlohmann::json;

json api_list(Site& site, const Caller&, const httplib::Request&, int&) {
    json out = json::array();
    for (const auto& a : store::Accounts(site.store().db()).list()) out.push_back(account_json(a));
    return out;
}

json api_get(Site& site, const Caller&, const httplib::Request& req, int&) {
    auto a = store::Accounts(site.store().db()).find(std::string(req.matches[1]));
    if (!a) throw HttpError(404, "not_found", "Không có tài khoản này.");
    return account_json(*a);
}

json api_create(Site& site, const Caller& c, const httplib::Request& raw, int& status) {
    auto a = create_account(site, c, with_body_params(raw));
    status = 201;
    return account_json(a);
}

json api_update(Site& site, const Caller& c, const httplib::Request& raw, int&) {
    return account_json(update_account(site, c, std::string(raw.matches[1]), with_body_params(raw)));
}

json api_password(Site& site, const Caller& c, const httplib::Request& raw, int&) {
    return account_json(reset_password(site, c, std::string(raw.matches[1]), with_body_params(raw)));
}

json api_unlock(Site& site, const Caller& c, const httplib::Request& req, int&) {
    std::string name = req.matches[1];
    bool was = unlock_account(site, c, name);
    return {{"account", name}, {"unlocked", was}};
}

}  // namespace

void add_accounts_api_routes(httplib::Server& http, Site& site) {
    api_route(http, site, Method::get, "/accounts", Role::admin, api_list);
    api_route(http, site, Method::post, "/accounts", Role::admin, api_create);
    api_route(http, site, Method::get, R"(/accounts/([^/]{1,80}))", Role::admin, api_get);
    api_route(http, site, Method::patch, R"(/accounts/([^/]{1,80}))", Role::admin, api_update);
    api_route(http, site, Method::post, R"(/accounts/([^/]{1,80})/password)", Role::admin, api_password);
    api_route(http, site, Method::post, R"(/accounts/([^/]{1,80})/unlock)", Role::admin, api_unlock);
}

}  // namespace presswatch::web
