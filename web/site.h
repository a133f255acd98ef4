#pragma once
// What every handler shares: the configuration, the caller, this worker
// thread's store connection, the index keeper, and the one way to answer
// with a page. Handlers (web/page_*.cpp, web/api_*.cpp) are thin: they read
// the request, call the same library functions the CLI calls, and fill a
// view model (JSON) that a template renders or the API returns as is.
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "config/config.h"
#include "pipeline/index_keeper.h"
#include "store/accounts.h"
#include "store/store.h"
#include "web/serve_options.h"

namespace presswatch::web {

// reader < editor < admin (store/accounts.h, docs/web.md "Accounts and roles").
using Role = store::Role;
using store::role_name;

// The session cookie's name.
inline constexpr const char* session_cookie = "presswatch_session";

// Who makes a request.
struct Caller {
    std::string name;        // the account's name: what the audit log records
    Role role = Role::reader;
    std::string csrf_token;  // what state-changing requests must carry
    std::string session;     // the session's token; "" for --no-auth's local user
};

// An answer other than 2xx that a handler decides on; the route wrapper
// turns it into an error page or a JSON error.
struct HttpError : std::runtime_error {
    HttpError(int status, std::string code, std::string message)
        : std::runtime_error(message), status(status), code(std::move(code)) {}
    int status;
    std::string code;        // machine code, e.g. "forbidden"
};

class Site {
public:
    Site(const config::Config& cfg, ServeOptions options);

    const config::Config& config() const { return cfg_; }
    const ServeOptions& options() const { return options_; }

    // This worker thread's connection to the store (a Store is one
    // connection, not thread-safe: one per thread, opened on first use).
    store::Store& store();

    // The caller, or nullopt when the request carries no valid session.
    std::optional<Caller> caller(const httplib::Request& req);
    // The client's address for login limits: with --behind-proxy the last
    // X-Forwarded-For entry (the one our proxy added), else the socket's.
    std::string client_address(const httplib::Request& req) const;
    // Set-Cookie values that open and clear a session: HttpOnly,
    // SameSite=Strict, Path=/, Secure under TLS or --behind-proxy.
    std::string session_cookie_value(const std::string& token) const;
    std::string clear_cookie_value() const;
    // Throws HttpError 403 unless the caller has at least role r.
    static void require(const Caller& c, Role r);
    // Throws HttpError 403 unless a state-changing request carries the
    // caller's CSRF token (form field "csrf" or header X-CSRF-Token).
    static void check_csrf(const httplib::Request& req, const Caller& c);

    // Brings search up to date after a decision; waits at most a second and
    // a half (the decision is in the store either way, see index_keeper.h).
    bool sync_index();
    pipeline::IndexKeeper& index_keeper() { return keeper_; }

    // Renders templates/<name>.mustache inside the layout and sends it.
    void page(httplib::Response& res, const Caller& c, const std::string& title, const std::string& name,
              nlohmann::json view, const std::string& nav, int status = 200);

    // The outlet's name as people know it ("Báo Xứ Thanh"), else the slug.
    std::string outlet_name(const std::string& slug);

    // The last decision of each caller, for undo: every change it made
    // (one for a single decision, one per item for a bulk action), with
    // what undoes it (web/decisions.h).
    struct UndoStep {
        std::int64_t article = 0;
        std::string what;    // review | tone | topics | flag
        std::string before;  // review: the state before; tone: the person's tone before ("" = triage's);
                             // flag: "flagged" when it already was
        std::vector<std::string> added, removed;  // topics: what the change really added / removed
        std::vector<std::string> agencies;        // flag, when it already was: its agencies and severity before
        int severity = 0;
    };
    void remember_decision(const std::string& user, std::vector<UndoStep> batch);
    std::optional<std::vector<UndoStep>> take_last_decision(const std::string& user);

    // A message for the caller's next page after a form's redirect
    // ("Đã tạo tài khoản lan."), kept in memory per session (per user with
    // --no-auth); taken once. Not in the URL, so a link cannot fake one.
    void remember_notice(const Caller& c, std::string text);
    std::string take_notice(const Caller& c);

private:
    const config::Config& cfg_;
    ServeOptions options_;
    std::string local_csrf_;  // --no-auth: one token for the process's one user
    pipeline::IndexKeeper keeper_;
    std::mutex mu_;
    std::map<std::string, std::vector<UndoStep>> last_decision_;
    std::map<std::string, std::string> notices_;
};

}  // namespace presswatch::web
