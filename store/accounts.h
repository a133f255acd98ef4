#pragma once
// Who may use presswatch through the browser, with which role, and their
// sessions (tables account, account_session, login_failure, login_lock:
// migration 50, docs/schema.md; the model in docs/web.md).
//
// Roles, each including the one before:
//   reader  leaders: search, read, the digest, briefing downloads;
//   editor  the press office: + review, tag, flag, respond, letters, saved searches;
//   admin   + accounts, the audit log, sources.
//
// Passwords are kept only as Argon2id hashes (store/password_hash.h) and
// are never logged. A session is a random 256-bit token given to the
// browser; the store keeps only its BLAKE2b digest, so a copy of the
// database opens no session. Each session has its own CSRF token.
//
// Login attempts are limited per account name and per client address
// (LoginLimits): too many failures lock further tries for a while, without
// checking the password, and the lock is written to the audit log. Each
// lock of the same name or address within a day lasts twice the one
// before, up to a day.
//
// Account changes (add, disable, enable, role, password, unlock) write an
// audit row in the same transaction, like the workflow's decisions
// (store/workflow.h), with the acting person as the user.
//
// Account names: 1 to 64 characters of a-z, 0-9, '.', '_', '-', starting
// with a letter or digit; upper-case ASCII is folded, so "Lan" is "lan".
// Passwords: 8 to 1024 characters of UTF-8, compared in Unicode NFC.
//
// Throws AccountError (an InputError saying which rule was broken) for a
// bad name or password, an unknown or taken name, or a change that would
// leave no enabled admin; InputError for a bad role; the store is unchanged
// then. RuntimeFailure for database failures.
//
// At least one enabled admin: disabling or demoting the last enabled admin
// is refused (AccountError::Kind::last_admin), whoever asks (the CLI or the
// web), so that someone can always manage the accounts in the browser. A
// store without any admin (accounts made before this rule, or only editors)
// is left as it is: the rule only refuses a change that ends the last one.
// An Accounts borrows the Database; like it, not thread-safe: one per
// thread (or per request).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/database.h"

namespace presswatch::store {

enum class Role { reader, editor, admin };

// "reader" | "editor" | "admin".
std::string role_name(Role r);
// The role's name for people, in Vietnamese ("Người đọc", "Biên tập viên", "Quản trị viên").
std::string role_title(Role r);
// Throws InputError naming the accepted roles.
Role parse_role(std::string_view name);
// True when `have` may do what `need` may (admin > editor > reader).
bool role_allows(Role have, Role need);
// The name as stored: upper-case ASCII folded. Throws InputError for a
// name that cannot name an account (see above).
std::string account_name(std::string_view name);

// Which rule an account change broke; the web server answers each with
// its own status and Vietnamese message, the CLI prints what().
class AccountError : public InputError {
public:
    enum class Kind { bad_name, name_taken, unknown_account, password_too_short, password_too_long,
                      password_is_name, last_admin };
    AccountError(Kind kind, const std::string& message) : InputError(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

struct Account {
    std::int64_t id = 0;
    std::string name;
    Role role = Role::reader;
    bool disabled = false;
    std::string created_at;      // ISO 8601 in Vietnam's time
    std::string last_login_at;   // ISO 8601, "" when never
};

struct LoginResult {
    enum class Outcome { ok, bad_credentials, locked, disabled } outcome = Outcome::bad_credentials;
    std::optional<Account> account;        // set when ok
    std::int64_t retry_after_seconds = 0;  // set when locked
};

struct SessionInfo {
    Account account;
    std::string csrf_token;
    std::string expires_at;      // ISO 8601
};

struct NewSession {
    std::string token;           // give it to the browser; the store keeps only its digest
    std::string csrf_token;
    std::string expires_at;      // ISO 8601
};

// The limits on failed logins. The defaults are the production policy;
// the web server may take other values from its configuration, tests take
// small ones to stay fast.
struct LoginLimits {
    // Failures for one account name within `window` that lock it. Ten lets
    // a person mistype several times; it stops an online guesser at ten
    // guesses per lock.
    int account_failures = 10;
    // Failures from one client address, over any names, within `window`
    // that lock the address: higher than the per-account limit because an
    // office's PCs may share one address behind its router.
    int address_failures = 30;
    std::chrono::seconds window{15 * 60};
    // The first lock; each further lock of the same key within a day
    // doubles it, up to max_lock.
    std::chrono::seconds lock{15 * 60};
    std::chrono::seconds max_lock{24 * 3600};
};

class Accounts {
public:
    // actor: who makes account changes, written to the audit log (e.g. the
    // admin's account name in the browser, the system user in the CLI).
    // Changes through an Accounts without an actor throw InputError; login
    // and sessions need none.
    explicit Accounts(Database& db, std::string actor = {}, LoginLimits limits = {});

    // Throws InputError when name is invalid or taken (checked again by
    // add; lets a command refuse before asking for the password).
    void check_new_name(std::string_view name);
    // InputError: name taken or invalid, password too short.
    Account add(std::string_view name, Role role, std::string_view password);
    std::vector<Account> list();  // by name
    std::optional<Account> find(std::string_view name);
    // Disabling also ends the account's sessions. AccountError: unknown
    // name, or the last enabled admin.
    void set_disabled(std::string_view name, bool disabled);
    // Ends the account's sessions except keep_session (the token of the
    // session the person changes their own password from, if any), and
    // lifts a login lock on the name.
    void set_password(std::string_view name, std::string_view password, std::string_view keep_session = {});
    // AccountError: unknown name, or the last enabled admin made reader or editor.
    void set_role(std::string_view name, Role role);
    // A person changes their own password (the actor is that person): the
    // current password is checked as a login checks it, so a wrong one is
    // a failed login of the name and the address (it counts towards the
    // lock, and a locked name or address is refused without checking).
    // On success (outcome ok) the new password is set as set_password does,
    // keeping only keep_session. A bad new password throws AccountError
    // before the current one is checked.
    LoginResult change_own_password(std::string_view name, std::string_view current, std::string_view new_password,
                                    std::string_view client_address, std::string_view keep_session);
    // Lifts a login lock on the name and forgets its failures (an admin
    // who has checked with the person). Returns false when none was set.
    bool unlock(std::string_view name);
    // Seconds left of a login lock on the name, 0 when it is not locked
    // (what the admin page shows beside its unlock button).
    std::int64_t lock_seconds_left(std::string_view name);
    bool any_active();  // at least one account not disabled

    // Verifies with Argon2id; records the attempt (per account name and per
    // address); too many failures lock further tries for a while (logged in
    // the audit log). An unknown name costs the same time as a wrong
    // password and gets the same answer. A disabled account is reported
    // as such only to someone who gave its right password.
    LoginResult login(std::string_view name, std::string_view password, std::string_view client_address);
    // A random token; only its digest is stored. InputError: unknown or
    // disabled account, ttl not positive.
    NewSession open_session(std::int64_t account_id, std::chrono::seconds ttl);
    // nullopt when unknown, expired, or the account is disabled.
    std::optional<SessionInfo> session(std::string_view token);
    void close_session(std::string_view token);

private:
    // Checks a password attempt for the name against the locks; records a
    // failure (and locks when the limits are reached). ok with the account
    // (and its stored hash in `hash`) when right, also for a disabled
    // account: the caller decides.
    LoginResult attempt(std::string_view name, std::string_view password, std::string_view client_address,
                        std::string& hash);
    // Throws AccountError last_admin when a is the last enabled admin.
    void keep_an_admin(const Account& a);
    void audit(const std::string& action, const std::string& detail_json);
    const std::string& require_actor();
    Account existing(std::string_view name);
    // Locks key (kind "account" or "address") when its failures reach the
    // limit; returns true when it did.
    bool lock_if_needed(const std::string& kind, const std::string& key, int limit, std::string_view name,
                        std::string_view address, std::int64_t now);
    std::int64_t locked_for(const std::string& kind, const std::string& key, std::int64_t now);

    Database& db_;
    std::string actor_;
    LoginLimits limits_;
};

}  // namespace presswatch::store
