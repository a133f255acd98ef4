#pragma once
// What an admin does to accounts, shared by the admin page's forms
// (web/page_admin.cpp) and the accounts API (web/api_accounts.cpp): each
// reads the request's fields, calls store::Accounts with the admin's name as
// the actor (so the audit row is the one `presswatch user` writes, with the
// admin as the user) and returns the account as it now is. The store's rules
// (names, passwords, at least one enabled admin) throw store::AccountError,
// which the route wrapper answers with its status and Vietnamese message.
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "store/accounts.h"
#include "web/site.h"

namespace presswatch::web {

// The account as the page and the API show it: name, role, role_title,
// disabled, created_at / last_login_at (ISO 8601, "" when never) and the
// same as dd/mm/yyyy HH:MM in Vietnam time (created, last_login).
nlohmann::json account_json(const store::Account& a);

// Fields: name, role, password, and optionally password2 (the form's
// second entry, which must match).
store::Account create_account(Site& site, const Caller& admin, const httplib::Request& req);
// Fields: role and/or disabled ("1"/"0", "true"/"false"); at least one.
store::Account update_account(Site& site, const Caller& admin, const std::string& name, const httplib::Request& req);
// Fields: password, optionally password2. The account's sessions end
// (the admin's own session stays when they reset their own password).
store::Account reset_password(Site& site, const Caller& admin, const std::string& name, const httplib::Request& req);

// Lifts a login lock on the account (as `presswatch user unlock`, the same
// audit row `account.unlock`). Returns whether one was set; 404 unknown.
bool unlock_account(Site& site, const Caller& admin, const std::string& name);

// Throws HttpError 400 when the two entries of a new password differ.
void check_same_password(const httplib::Request& req, const char* first, const char* second);

}  // namespace presswatch::web
