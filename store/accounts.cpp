#include "store/accounts.h"

#include <algorithm>
#include <ctime>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "store/audit_log.h"
#include "store/password_hash.h"
#include "text/dates.h"

namespace presswatch::store {
namespace {

using nlohmann::json;

// Names are typed on a login form and in commands, and shown in the audit log.
constexpr std::size_t max_name_length = 64;
// NIST SP 800-63B's minimum for a password a person chooses.
constexpr std::size_t min_password_chars = 8;
// Bounds the work a login request can ask of the hash (the web server also
// limits request sizes).
constexpr std::size_t max_password_bytes = 1024;
// 256 bits: a session token cannot be guessed; the CSRF token likewise.
constexpr std::size_t token_bytes = 32;
// Each further lock of a key within this time lasts twice the one before.
constexpr std::int64_t lock_memory_seconds = 24 * 3600;

std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

// Upper-case ASCII folded, so that "Lan" and "lan" are one account.
std::string fold_name(std::string_view name) {
    std::string out(name.substr(0, max_name_length + 1));
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

std::string account_name(std::string_view name) {
    std::string n = fold_name(name);
    auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'; };
    bool ok = !n.empty() && n.size() <= max_name_length && std::all_of(n.begin(), n.end(), allowed) &&
              n.front() != '.' && n.front() != '_' && n.front() != '-';
    if (!ok)
        throw AccountError(AccountError::Kind::bad_name, fmt::format("'{}' cannot name an account: use 1 to {} ASCII letters, digits, '.', '_' or "
                                     "'-', starting with a letter or digit, e.g. lan.nguyen",
                                     std::string(name.substr(0, max_name_length + 8)), max_name_length));
    return n;
}

namespace {

// Code points of valid UTF-8 (continuation bytes are not counted).
std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void check_password(const std::string& name, std::string_view password) {
    if (password.size() > max_password_bytes)
        throw AccountError(AccountError::Kind::password_too_long, fmt::format("the password is too long: use at most {} bytes", max_password_bytes));
    if (code_points(password) < min_password_chars)
        throw AccountError(AccountError::Kind::password_too_short, fmt::format("the password is too short: use at least {} characters (a few words are "
                                     "easy to remember and hard to guess)",
                                     min_password_chars));
    if (fold_name(password) == name)
        throw AccountError(AccountError::Kind::password_is_name, "the password must not be the account's name");
}

std::string when(std::optional<std::int64_t> t) { return t ? text::iso8601(*t) : std::string(); }

constexpr const char* account_columns = "SELECT id, name, role, disabled, created_at, last_login_at FROM account";

Account account_from_row(Statement& q) {
    Account a;
    a.id = q.int64(0);
    a.name = q.text(1);
    a.role = parse_role(q.text(2));
    a.disabled = q.int64(3) != 0;
    a.created_at = when(q.int64(4));
    a.last_login_at = when(q.opt_int64(5));
    return a;
}

// A hash of a random password, verified against when the name tried is
// unknown, so that an unknown name takes as long as a wrong password.
const std::string& decoy_hash() {
    static const std::string h = hash_password(random_token(token_bytes));
    return h;
}

}  // namespace

std::string role_name(Role r) {
    switch (r) {
        case Role::reader: return "reader";
        case Role::editor: return "editor";
        case Role::admin: return "admin";
    }
    return "reader";
}

std::string role_title(Role r) {
    switch (r) {
        case Role::reader: return "Người đọc";
        case Role::editor: return "Biên tập viên";
        case Role::admin: return "Quản trị viên";
    }
    return "Người đọc";
}

Role parse_role(std::string_view name) {
    if (name == "reader") return Role::reader;
    if (name == "editor") return Role::editor;
    if (name == "admin") return Role::admin;
    throw InputError(fmt::format("'{}' is not a role: use reader (search, read, digest, briefing), editor (+ review, "
                                 "tag, flag, respond, letters, saved searches) or admin (+ accounts, audit log, sources)",
                                 std::string(name.substr(0, 64))));
}

bool role_allows(Role have, Role need) { return static_cast<int>(have) >= static_cast<int>(need); }

Accounts::Accounts(Database& db, std::string actor, LoginLimits limits)
    : db_(db), actor_(std::move(actor)), limits_(limits) {}

const std::string& Accounts::require_actor() {
    if (actor_.empty()) throw InputError("no user for the audit log: account changes need to know who makes them");
    return actor_;
}

void Accounts::audit(const std::string& action, const std::string& detail_json) {
    write_audit(db_, require_actor(), action, std::nullopt, detail_json);
}

Account Accounts::existing(std::string_view name) {
    auto a = find(name);
    if (!a)
        throw AccountError(AccountError::Kind::unknown_account, fmt::format("there is no account named '{}': see the accounts with `presswatch user list`",
                                     fold_name(name)));
    return *a;
}

void Accounts::check_new_name(std::string_view name) {
    std::string n = account_name(name);
    if (find(n))
        throw AccountError(AccountError::Kind::name_taken, fmt::format("the name '{}' is taken: choose another, or change that account's role or "
                                     "password (`presswatch user role`, `presswatch user passwd`)",
                                     n));
}

Account Accounts::add(std::string_view name, Role role, std::string_view password) {
    require_actor();
    std::string n = account_name(name);
    check_new_name(n);
    check_password(n, password);
    std::string hash = hash_password(password);  // outside the transaction: it takes ~0.1 s
    return db_.transaction([&] {
        auto t = now();
        db_.prepare("INSERT INTO account(name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)")
            .bind(1, n).bind(2, role_name(role)).bind(3, hash).bind(4, t).run();
        audit("account.add", json{{"account", n}, {"role", role_name(role)}}.dump());
        return existing(n);
    });
}

std::vector<Account> Accounts::list() {
    auto q = db_.prepare(std::string(account_columns) + " ORDER BY name");
    std::vector<Account> out;
    while (q.step()) out.push_back(account_from_row(q));
    return out;
}

std::optional<Account> Accounts::find(std::string_view name) {
    auto q = db_.prepare(std::string(account_columns) + " WHERE name = ?1");
    q.bind(1, fold_name(name));
    if (!q.step()) return std::nullopt;
    return account_from_row(q);
}

void Accounts::set_disabled(std::string_view name, bool disabled) {
    require_actor();
    db_.transaction([&] {
        auto a = existing(name);
        if (disabled) keep_an_admin(a);
        db_.prepare("UPDATE account SET disabled = ?1 WHERE id = ?2").bind(1, disabled ? 1 : 0).bind(2, a.id).run();
        if (disabled) db_.prepare("DELETE FROM account_session WHERE account_id = ?1").bind(1, a.id).run();
        audit(disabled ? "account.disable" : "account.enable", json{{"account", a.name}}.dump());
    });
}

void Accounts::set_password(std::string_view name, std::string_view password, std::string_view keep_session) {
    require_actor();
    auto a = existing(name);
    check_password(a.name, password);
    std::string hash = hash_password(password);
    db_.transaction([&] {
        db_.prepare("UPDATE account SET password_hash = ?1 WHERE id = ?2").bind(1, hash).bind(2, a.id).run();
        db_.prepare("DELETE FROM account_session WHERE account_id = ?1 AND token_hash != ?2")
            .bind(1, a.id).bind(2, keep_session.empty() ? std::string() : token_digest(keep_session)).run();
        db_.prepare("DELETE FROM login_lock WHERE kind = 'account' AND key = ?1").bind(1, a.name).run();
        db_.prepare("DELETE FROM login_failure WHERE name = ?1").bind(1, a.name).run();
        audit("account.password", json{{"account", a.name}}.dump());
    });
}

void Accounts::set_role(std::string_view name, Role role) {
    require_actor();
    db_.transaction([&] {
        auto a = existing(name);
        if (role != Role::admin) keep_an_admin(a);
        db_.prepare("UPDATE account SET role = ?1 WHERE id = ?2").bind(1, role_name(role)).bind(2, a.id).run();
        audit("account.role", json{{"account", a.name}, {"from", role_name(a.role)}, {"to", role_name(role)}}.dump());
    });
}

bool Accounts::unlock(std::string_view name) {
    require_actor();
    return db_.transaction([&] {
        std::string n = fold_name(name);
        db_.prepare("DELETE FROM login_lock WHERE kind = 'account' AND key = ?1 AND until > ?2")
            .bind(1, n).bind(2, now()).run();
        bool was_locked = db_.changes() > 0;
        db_.prepare("DELETE FROM login_failure WHERE name = ?1").bind(1, n).run();
        if (was_locked) audit("account.unlock", json{{"account", n}}.dump());
        return was_locked;
    });
}

std::int64_t Accounts::lock_seconds_left(std::string_view name) { return locked_for("account", fold_name(name), now()); }

void Accounts::keep_an_admin(const Account& a) {
    if (a.role != Role::admin || a.disabled) return;
    auto q = db_.prepare("SELECT COUNT(*) FROM account WHERE role = 'admin' AND disabled = 0 AND id != ?1");
    q.bind(1, a.id);
    q.step();
    if (q.int64(0) > 0) return;
    throw AccountError(AccountError::Kind::last_admin,
                       fmt::format("'{}' is the last enabled admin: make another account admin first "
                                   "(`presswatch user role NAME admin`), so that someone can still manage the accounts",
                                   a.name));
}

bool Accounts::any_active() {
    auto q = db_.prepare("SELECT 1 FROM account WHERE disabled = 0 LIMIT 1");
    return q.step();
}

std::int64_t Accounts::locked_for(const std::string& kind, const std::string& key, std::int64_t t) {
    auto q = db_.prepare("SELECT MAX(until) FROM login_lock WHERE kind = ?1 AND key = ?2");
    q.bind(1, kind).bind(2, key);
    q.step();
    auto until = q.opt_int64(0);
    return until && *until > t ? *until - t : 0;
}

bool Accounts::lock_if_needed(const std::string& kind, const std::string& key, int limit, std::string_view name,
                              std::string_view address, std::int64_t t) {
    auto q = db_.prepare(kind == "account" ? "SELECT COUNT(*) FROM login_failure WHERE name = ?1 AND at > ?2"
                                           : "SELECT COUNT(*) FROM login_failure WHERE address = ?1 AND at > ?2");
    q.bind(1, key).bind(2, t - limits_.window.count());
    q.step();
    auto failures = q.int64(0);
    if (failures < limit) return false;
    auto before = db_.prepare("SELECT COUNT(*) FROM login_lock WHERE kind = ?1 AND key = ?2 AND locked_at > ?3");
    before.bind(1, kind).bind(2, key).bind(3, t - lock_memory_seconds);
    before.step();
    std::int64_t seconds = limits_.lock.count();
    for (auto n = before.int64(0); n > 0 && seconds < limits_.max_lock.count(); --n) seconds *= 2;
    seconds = std::min<std::int64_t>(seconds, limits_.max_lock.count());
    db_.prepare("INSERT INTO login_lock(kind, key, locked_at, until) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, kind).bind(2, key).bind(3, t).bind(4, t + seconds).run();
    // The failures are spent on this lock: after it, the count starts again.
    db_.prepare(kind == "account" ? "DELETE FROM login_failure WHERE name = ?1"
                                  : "DELETE FROM login_failure WHERE address = ?1")
        .bind(1, key).run();
    write_audit(db_, std::string(name), "login.locked", std::nullopt,
                json{{"by", kind},
                     {"account", std::string(name)},
                     {"address", std::string(address)},
                     {"failures", failures},
                     {"seconds", seconds},
                     {"until", text::iso8601(t + seconds)}}
                    .dump());
    return true;
}

LoginResult Accounts::attempt(std::string_view name, std::string_view password, std::string_view client_address,
                              std::string& hash) {
    const std::string n = fold_name(name);
    const std::string address(client_address.substr(0, 256));
    auto t = now();
    LoginResult r;
    auto wait = std::max(locked_for("account", n, t), locked_for("address", address, t));
    if (wait > 0) {
        r.outcome = LoginResult::Outcome::locked;
        r.retry_after_seconds = wait;
        return r;
    }
    std::optional<Account> a = find(n);
    if (a) {
        auto q = db_.prepare("SELECT password_hash FROM account WHERE id = ?1");
        q.bind(1, a->id);
        if (q.step()) hash = q.text(0);
    }
    bool right = password.size() <= max_password_bytes &&
                 verify_password(a ? hash : decoy_hash(), password) && a.has_value();
    if (!right) {
        t = now();  // after the hash, which takes a while: a lock lasts its whole time
        db_.transaction([&] {
            db_.prepare("DELETE FROM login_failure WHERE at <= ?1").bind(1, t - limits_.window.count()).run();
            db_.prepare("INSERT INTO login_failure(at, name, address) VALUES (?1, ?2, ?3)")
                .bind(1, t).bind(2, n).bind(3, address).run();
            lock_if_needed("account", n, limits_.account_failures, n, address, t);
            lock_if_needed("address", address, limits_.address_failures, n, address, t);
        });
        return r;
    }
    r.outcome = LoginResult::Outcome::ok;
    r.account = a;
    return r;
}

LoginResult Accounts::login(std::string_view name, std::string_view password, std::string_view client_address) {
    std::string hash;
    LoginResult r = attempt(name, password, client_address, hash);
    if (r.outcome != LoginResult::Outcome::ok) return r;
    auto a = r.account;
    const std::string n = a->name;
    auto t = now();
    if (a->disabled) {
        r.outcome = LoginResult::Outcome::disabled;
        r.account.reset();
        return r;
    }
    // Hashed again when the limits have changed since the password was set.
    std::optional<std::string> rehash;
    if (password_needs_rehash(hash)) rehash = hash_password(password);
    db_.transaction([&] {
        db_.prepare("UPDATE account SET last_login_at = ?1 WHERE id = ?2").bind(1, t).bind(2, a->id).run();
        if (rehash)
            db_.prepare("UPDATE account SET password_hash = ?1 WHERE id = ?2").bind(1, *rehash).bind(2, a->id).run();
        db_.prepare("DELETE FROM login_failure WHERE name = ?1").bind(1, n).run();
    });
    r.outcome = LoginResult::Outcome::ok;
    r.account = find(n);
    return r;
}

LoginResult Accounts::change_own_password(std::string_view name, std::string_view current,
                                          std::string_view new_password, std::string_view client_address,
                                          std::string_view keep_session) {
    // The new password's rules first: a typo in it is not a failed login.
    check_password(fold_name(name), new_password);
    std::string hash;
    LoginResult r = attempt(name, current, client_address, hash);
    if (r.outcome != LoginResult::Outcome::ok) return r;
    if (r.account->disabled) {
        r.outcome = LoginResult::Outcome::disabled;
        r.account.reset();
        return r;
    }
    set_password(r.account->name, new_password, keep_session);  // also forgets the name's failures
    return r;
}

NewSession Accounts::open_session(std::int64_t account_id, std::chrono::seconds ttl) {
    if (ttl.count() <= 0) throw InputError("a session must last a positive time");
    return db_.transaction([&] {
        auto q = db_.prepare("SELECT disabled FROM account WHERE id = ?1");
        q.bind(1, account_id);
        if (!q.step()) throw InputError(fmt::format("there is no account with id {}", account_id));
        if (q.int64(0) != 0) throw InputError(fmt::format("account {} is disabled: it cannot open a session", account_id));
        auto t = now();
        // Expired sessions are forgotten here, the only place sessions grow.
        db_.prepare("DELETE FROM account_session WHERE expires_at <= ?1").bind(1, t).run();
        NewSession s{random_token(token_bytes), random_token(token_bytes), text::iso8601(t + ttl.count())};
        db_.prepare("INSERT INTO account_session(token_hash, account_id, csrf_token, created_at, expires_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5)")
            .bind(1, token_digest(s.token)).bind(2, account_id).bind(3, s.csrf_token).bind(4, t)
            .bind(5, t + ttl.count()).run();
        return s;
    });
}

std::optional<SessionInfo> Accounts::session(std::string_view token) {
    // A token is 43 characters; anything much longer is not one of ours.
    if (token.empty() || token.size() > 128) return std::nullopt;
    auto q = db_.prepare(
        "SELECT a.id, a.name, a.role, a.disabled, a.created_at, a.last_login_at, s.csrf_token, s.expires_at "
        "FROM account_session s JOIN account a ON a.id = s.account_id "
        "WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND a.disabled = 0");
    q.bind(1, token_digest(token)).bind(2, now());
    if (!q.step()) return std::nullopt;
    return SessionInfo{account_from_row(q), q.text(6), text::iso8601(q.int64(7))};
}

void Accounts::close_session(std::string_view token) {
    if (token.empty() || token.size() > 128) return;
    db_.prepare("DELETE FROM account_session WHERE token_hash = ?1").bind(1, token_digest(token)).run();
}

}  // namespace presswatch::store
