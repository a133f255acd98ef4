#pragma once
// The route table: every page and API route with the handler behind it.
// Each page_*.cpp / api_*.cpp adds its own routes through these helpers,
// which resolve the caller, check the role and (for state changes) the
// CSRF token, and turn the libraries' errors into the right status:
// InputError 400, ConflictError 409, HttpError its own, an account rule
// (store::AccountError) its own status and message, anything else 500.
#include <functional>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "pipeline/search_page.h"
#include "web/site.h"

namespace presswatch::web {

using PageHandler = std::function<void(Site&, const Caller&, const httplib::Request&, httplib::Response&)>;
using ApiHandler = std::function<nlohmann::json(Site&, const Caller&, const httplib::Request&, int& status)>;

enum class Method { get, post, patch, del };

// An HTML page: no caller -> a redirect to /login?next=<this page> (with
// --no-auth, where there is no login, a 401 page); errors as an error page.
void page_route(httplib::Server& http, Site& site, Method m, const std::string& pattern, Role role, PageHandler h);
// A JSON route under /api/v1/: no caller -> 401 JSON; errors as JSON.
void api_route(httplib::Server& http, Site& site, Method m, const std::string& pattern, Role role, ApiHandler h);

void add_static_routes(httplib::Server& http);
void add_login_routes(httplib::Server& http, Site& site);
void add_search_routes(httplib::Server& http, Site& site);
void add_article_routes(httplib::Server& http, Site& site);
void add_today_routes(httplib::Server& http, Site& site);
void add_review_routes(httplib::Server& http, Site& site);
void add_flagged_routes(httplib::Server& http, Site& site);
void add_briefing_routes(httplib::Server& http, Site& site);
void add_sources_routes(httplib::Server& http, Site& site);
void add_api_routes(httplib::Server& http, Site& site);
void add_admin_routes(httplib::Server& http, Site& site);
void add_audit_routes(httplib::Server& http, Site& site);
void add_config_routes(httplib::Server& http, Site& site);
void add_account_routes(httplib::Server& http, Site& site);
void add_accounts_api_routes(httplib::Server& http, Site& site);

// What went wrong, as status, machine code, Vietnamese message and the
// library's own message (which names what and where): the one mapping of
// errors to answers, used by the route wrappers and by pages that show a
// refusal in place (the admin page's forms).
struct Failure {
    int status;
    std::string code, message, detail;
};
Failure classify(std::exception_ptr ep);

// A JSON body's fields as request parameters, so one function serves forms
// and the API. Arrays become repeated parameters. InputError when the body
// is JSON but not an object.
httplib::Request with_body_params(const httplib::Request& req);

// The search parameters of a request (q, sort, exact, collapse, all,
// offset, limit), shared by the search page, its export and the API.
struct SearchForm {
    std::string query, sort;
    bool exact = false, collapse = false, all = false;
    std::size_t offset = 0, limit = 20;
    pipeline::SearchRequest request(bool facets) const;
};
SearchForm search_form(const httplib::Request& req, std::size_t default_limit);

// Query parameter helpers: a number from the request, else fallback;
// InputError naming the parameter when it is not a number.
std::size_t size_param(const httplib::Request& req, const std::string& name, std::size_t fallback);
std::int64_t id_param(const httplib::Request& req, std::size_t match_index = 1);
bool flag_param(const httplib::Request& req, const std::string& name);

}  // namespace presswatch::web
