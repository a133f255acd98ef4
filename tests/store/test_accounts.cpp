// Accounts, roles, sessions and the limits on failed logins
// (store/accounts.h), on real SQLite files. Each Argon2id hash costs about
// 0.1 s: the tests hash as few passwords as they can.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "store/accounts.h"
#include "store/password_hash.h"
#include "store/store.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::TempDir;
using store::Accounts;
using store::LoginLimits;
using store::Role;
using Outcome = store::LoginResult::Outcome;
using namespace std::chrono_literals;

namespace {

// Every byte SQLite holds for the store: the database and its write-ahead log.
std::string raw_store_bytes(const std::filesystem::path& data) {
    std::string all;
    for (const char* name : {"presswatch.db", "presswatch.db-wal"}) {
        std::ifstream in(data / name, std::ios::binary);
        all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return all;
}

std::vector<nlohmann::json> audit_rows(store::Store& s, const std::string& action) {
    auto q = s.db().prepare("SELECT user, detail FROM audit WHERE action = ?1 ORDER BY id");
    q.bind(1, action);
    std::vector<nlohmann::json> out;
    while (q.step()) {
        auto d = nlohmann::json::parse(q.text(1));
        d["_user"] = q.text(0);
        out.push_back(d);
    }
    return out;
}

LoginLimits quick_limits() {
    LoginLimits l;
    l.account_failures = 3;
    l.address_failures = 5;
    l.lock = 2s;
    l.max_lock = 60s;
    return l;
}

// A fresh store with an Accounts acting as "admin-test".
struct Fixture {
    explicit Fixture(LoginLimits limits = {}) : acc(s.db(), "admin-test", limits) {}
    TempDir data;
    store::Store s{data.path()};
    Accounts acc;
};

// Small limits so that a lock takes a few failures and ends in two seconds
// (lock times are whole seconds: a lock of 2 s lasts at least 1 s).
struct QuickLimits : Fixture {
    QuickLimits() : Fixture(quick_limits()) {}
};

}  // namespace

TEST_CASE_METHOD(Fixture, "a password is stored as an Argon2id string that does not contain it, and verifies only itself") {
    const std::string password = "Hàm Rồng 1975 sông Mã";
    auto a = acc.add("Lan.Nguyen", Role::editor, password);
    CHECK(a.name == "lan.nguyen");
    CHECK(a.role == Role::editor);
    CHECK_FALSE(a.disabled);
    CHECK_FALSE(a.created_at.empty());
    CHECK(a.last_login_at.empty());

    auto q = s.db().prepare("SELECT password_hash FROM account WHERE name = 'lan.nguyen'");
    REQUIRE(q.step());
    std::string hash = q.text(0);
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("m=65536") != std::string::npos);  // MEMLIMIT_INTERACTIVE, in KiB
    CHECK(hash.find(password) == std::string::npos);
    CHECK(raw_store_bytes(data.path()).find(password) == std::string::npos);
    CHECK_FALSE(store::password_needs_rehash(hash));

    auto ok = acc.login("LAN.NGUYEN", password, "10.0.0.5");
    REQUIRE(ok.outcome == Outcome::ok);
    REQUIRE(ok.account);
    CHECK(ok.account->name == "lan.nguyen");
    CHECK_FALSE(ok.account->last_login_at.empty());
    CHECK(acc.login("lan.nguyen", "Hàm Rồng 1975 sông mã", "10.0.0.5").outcome == Outcome::bad_credentials);
}

TEST_CASE("a Vietnamese password typed decomposed (NFD) matches the one set precomposed (NFC), and tone placement is kept") {
    std::string nfc = "m\xe1\xbb\x99t con v\xe1\xbb\x8bt";        // "một con vịt", precomposed
    std::string nfd = "mo\xcc\xa3\xcc\x82t con vi\xcc\xa3t";      // o + dot below + circumflex; i + dot below
    REQUIRE(nfc != nfd);
    auto hash = store::hash_password(nfc);
    CHECK(store::verify_password(hash, nfd));
    CHECK(store::verify_password(hash, nfc));
    CHECK_FALSE(store::verify_password(hash, "mot con vit"));
    CHECK_THROWS_AS(store::hash_password("m\xff\xfe pass word"), InputError);
    CHECK_FALSE(store::verify_password(hash, "m\xff\xfe"));
}

TEST_CASE_METHOD(Fixture, "a wrong password and an unknown name get the same refusal") {
    acc.add("hoa", Role::reader, "correct horse battery");
    auto wrong = acc.login("hoa", "correct horse battery!", "10.0.0.1");
    CHECK(wrong.outcome == Outcome::bad_credentials);
    CHECK_FALSE(wrong.account);
    auto unknown = acc.login("nobody", "correct horse battery", "10.0.0.1");
    CHECK(unknown.outcome == Outcome::bad_credentials);
    CHECK_FALSE(unknown.account);
    CHECK(acc.login("hoa", "", "10.0.0.1").outcome == Outcome::bad_credentials);
}

TEST_CASE_METHOD(Fixture, "a disabled account cannot log in, its sessions end, and enabling it lets it in again") {
    auto a = acc.add("minh", Role::editor, "mật khẩu dài dài");
    auto session = acc.open_session(a.id, 3600s);
    REQUIRE(acc.session(session.token));
    CHECK(acc.any_active());

    acc.set_disabled("minh", true);
    CHECK_FALSE(acc.session(session.token));
    auto q = s.db().prepare("SELECT COUNT(*) FROM account_session");
    q.step();
    CHECK(q.int64(0) == 0);
    CHECK(acc.find("minh")->disabled);
    CHECK_FALSE(acc.any_active());
    // Only someone with the right password learns that it is disabled.
    CHECK(acc.login("minh", "mật khẩu dài dài", "10.0.0.2").outcome == Outcome::disabled);
    CHECK(acc.login("minh", "wrong password", "10.0.0.2").outcome == Outcome::bad_credentials);
    CHECK_THROWS_AS(acc.open_session(a.id, 3600s), InputError);

    acc.set_disabled("minh", false);
    CHECK(acc.login("minh", "mật khẩu dài dài", "10.0.0.2").outcome == Outcome::ok);
    // A session is checked against the account on every use, not only
    // ended when the account is disabled through Accounts.
    auto later = acc.open_session(a.id, 3600s);
    s.db().exec("UPDATE account SET disabled = 1 WHERE name = 'minh'");
    CHECK_FALSE(acc.session(later.token));
    s.db().exec("UPDATE account SET disabled = 0 WHERE name = 'minh'");
    auto rows = audit_rows(s, "account.disable");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["account"] == "minh");
    CHECK(rows[0]["_user"] == "admin-test");
    CHECK(audit_rows(s, "account.enable").size() == 1);
}

TEST_CASE_METHOD(Fixture, "a session ends when it expires and when it is closed, and a role change shows in open sessions") {
    auto a = acc.add("tuan", Role::reader, "hai con mèo nhỏ");
    auto short_lived = acc.open_session(a.id, 1s);
    auto long_lived = acc.open_session(a.id, 3600s);
    CHECK(short_lived.token != long_lived.token);
    CHECK(short_lived.csrf_token != long_lived.csrf_token);
    CHECK(short_lived.token.size() == 43);  // 32 random bytes, base64url

    auto info = acc.session(long_lived.token);
    REQUIRE(info);
    CHECK(info->account.name == "tuan");
    CHECK(info->csrf_token == long_lived.csrf_token);
    CHECK(info->expires_at == long_lived.expires_at);

    acc.set_role("tuan", Role::admin);
    CHECK(acc.session(long_lived.token)->account.role == Role::admin);
    auto roles = audit_rows(s, "account.role");
    REQUIRE(roles.size() == 1);
    CHECK(roles[0]["from"] == "reader");
    CHECK(roles[0]["to"] == "admin");

    std::this_thread::sleep_for(2100ms);
    CHECK_FALSE(acc.session(short_lived.token));
    CHECK(acc.session(long_lived.token));
    acc.close_session(long_lived.token);
    CHECK_FALSE(acc.session(long_lived.token));
    CHECK_FALSE(acc.session(""));
    CHECK_FALSE(acc.session(std::string(10000, 'a')));
    CHECK_THROWS_AS(acc.open_session(a.id, 0s), InputError);
    CHECK_THROWS_AS(acc.open_session(a.id + 100, 60s), InputError);
}

TEST_CASE("a session token is stored only as its digest: the SQLite files do not hold it") {
    TempDir data;
    std::string token;
    {
        store::Store s(data.path());
        Accounts acc(s.db(), "admin-test");
        auto a = acc.add("thu", Role::editor, "tám chữ cái trở lên");
        token = acc.open_session(a.id, 3600s).token;
        auto q = s.db().prepare("SELECT token_hash FROM account_session");
        REQUIRE(q.step());
        CHECK(q.text(0) == store::token_digest(token));
        CHECK(q.text(0) != token);
        CHECK(raw_store_bytes(data.path()).find(token) == std::string::npos);
    }
    // After the connection closed (WAL checkpointed into the main file).
    CHECK(raw_store_bytes(data.path()).find(token) == std::string::npos);
    store::Store again(data.path());
    CHECK(Accounts(again.db()).session(token));
}

TEST_CASE_METHOD(Fixture, "a new password ends the account's other sessions, keeps the one it is set from, and is audited") {
    auto a = acc.add("ha", Role::editor, "mật khẩu cũ rồi");
    auto mine = acc.open_session(a.id, 3600s);
    auto other = acc.open_session(a.id, 3600s);
    acc.set_password("ha", "mật khẩu mới toanh", mine.token);
    CHECK(acc.session(mine.token));
    CHECK_FALSE(acc.session(other.token));
    CHECK(acc.login("ha", "mật khẩu cũ rồi", "10.0.0.3").outcome == Outcome::bad_credentials);
    CHECK(acc.login("ha", "mật khẩu mới toanh", "10.0.0.3").outcome == Outcome::ok);
    acc.set_password("ha", "lại đổi lần nữa");  // an admin's reset ends every session
    CHECK_FALSE(acc.session(mine.token));
    auto rows = audit_rows(s, "account.password");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["account"] == "ha");
    for (const auto& r : rows) CHECK(r.dump().find("mới") == std::string::npos);
}

TEST_CASE_METHOD(QuickLimits, "repeated failures lock the account, even for the right password, and the lock is in the audit log") {
    acc.add("lan", Role::editor, "đúng mật khẩu");
    for (int i = 0; i < 2; ++i) CHECK(acc.login("lan", "sai " + std::to_string(i), "10.1.0.1").outcome == Outcome::bad_credentials);
    CHECK(audit_rows(s, "login.locked").empty());
    CHECK(acc.login("lan", "sai nữa", "10.1.0.2").outcome == Outcome::bad_credentials);  // the third: locks

    auto locked = acc.login("lan", "đúng mật khẩu", "10.1.0.3");
    CHECK(locked.outcome == Outcome::locked);
    CHECK_FALSE(locked.account);
    CHECK(locked.retry_after_seconds >= 1);
    auto rows = audit_rows(s, "login.locked");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["by"] == "account");
    CHECK(rows[0]["account"] == "lan");
    CHECK(rows[0]["_user"] == "lan");
    CHECK(rows[0]["failures"] == 3);
    CHECK(rows[0]["address"] == "10.1.0.2");
    CHECK(rows[0].dump().find("sai") == std::string::npos);  // no password in the log

    std::this_thread::sleep_for(2100ms);
    CHECK(acc.login("lan", "đúng mật khẩu", "10.1.0.3").outcome == Outcome::ok);

    // The next lock within a day lasts twice as long.
    for (int i = 0; i < 3; ++i) acc.login("lan", "sai", "10.1.0.4");
    auto again = acc.login("lan", "đúng mật khẩu", "10.1.0.4");
    CHECK(again.outcome == Outcome::locked);
    CHECK(again.retry_after_seconds >= 3);
    CHECK(again.retry_after_seconds <= 4);
    REQUIRE(audit_rows(s, "login.locked").size() == 2);
    CHECK(audit_rows(s, "login.locked")[1]["seconds"] == 4);

    // An admin can lift it.
    CHECK(acc.unlock("lan"));
    CHECK_FALSE(acc.unlock("lan"));
    CHECK(acc.login("lan", "đúng mật khẩu", "10.1.0.4").outcome == Outcome::ok);
    CHECK(audit_rows(s, "account.unlock").size() == 1);
}

TEST_CASE_METHOD(Fixture, "50 wrong passwords with the production limits lock further tries for 15 minutes, logged once") {
    acc.add("chanh", Role::admin, "mật khẩu của chánh");
    int refused = 0, locked = 0;
    for (int i = 0; i < 50; ++i) {
        auto r = acc.login("chanh", "đoán " + std::to_string(i), "203.0.113.9");
        refused += r.outcome == Outcome::bad_credentials;
        locked += r.outcome == Outcome::locked;
    }
    CHECK(refused == 10);
    CHECK(locked == 40);
    auto r = acc.login("chanh", "mật khẩu của chánh", "198.51.100.1");
    CHECK(r.outcome == Outcome::locked);
    CHECK(r.retry_after_seconds > 14 * 60);
    CHECK(r.retry_after_seconds <= 15 * 60);
    CHECK(audit_rows(s, "login.locked").size() == 1);
}

TEST_CASE_METHOD(QuickLimits, "failures from one address over many names lock that address, not others") {
    acc.add("quan", Role::reader, "mật khẩu của quân");
    for (int i = 0; i < 5; ++i)
        CHECK(acc.login("name" + std::to_string(i), "đoán bừa", "192.0.2.7").outcome == Outcome::bad_credentials);
    auto from_attacker = acc.login("quan", "mật khẩu của quân", "192.0.2.7");
    CHECK(from_attacker.outcome == Outcome::locked);
    CHECK(acc.login("quan", "mật khẩu của quân", "192.0.2.8").outcome == Outcome::ok);
    auto rows = audit_rows(s, "login.locked");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["by"] == "address");
    CHECK(rows[0]["address"] == "192.0.2.7");
}

TEST_CASE("roles parse from their names only and order reader < editor < admin") {
    CHECK(store::parse_role("reader") == Role::reader);
    CHECK(store::parse_role("editor") == Role::editor);
    CHECK(store::parse_role("admin") == Role::admin);
    for (auto r : {Role::reader, Role::editor, Role::admin}) CHECK(store::parse_role(store::role_name(r)) == r);
    for (const char* bad : {"", "Admin", "administrator", "viewer", "editor "}) {
        INFO(bad);
        CHECK_THROWS_AS(store::parse_role(bad), InputError);
    }
    CHECK_THROWS_WITH(store::parse_role("boss"), Catch::Contains("reader") && Catch::Contains("admin"));
    CHECK(store::role_allows(Role::admin, Role::editor));
    CHECK(store::role_allows(Role::editor, Role::editor));
    CHECK_FALSE(store::role_allows(Role::reader, Role::editor));
    CHECK_FALSE(store::role_allows(Role::editor, Role::admin));
}

TEST_CASE_METHOD(Fixture, "bad names, short passwords, taken names and a missing actor are refused and change nothing") {
    for (const char* bad : {"", "-lan", "lan nguyen", "nguyễn", "a/b", "x'; DROP TABLE account;--"}) {
        INFO(bad);
        CHECK_THROWS_AS(acc.add(bad, Role::reader, "đủ dài rồi nhé"), InputError);
    }
    CHECK_THROWS_AS(acc.add(std::string(65, 'a'), Role::reader, "đủ dài rồi nhé"), InputError);
    CHECK_THROWS_WITH(acc.add("lan", Role::reader, "ngắn"), Catch::Contains("too short"));
    CHECK_THROWS_AS(acc.add("lan", Role::reader, std::string(2000, 'x')), InputError);
    CHECK_THROWS_WITH(acc.add("lan.nguyen", Role::reader, "Lan.Nguyen"), Catch::Contains("name"));
    CHECK(acc.list().empty());
    acc.add("lan", Role::reader, "đủ dài rồi nhé");
    CHECK_THROWS_WITH(acc.add("Lan", Role::admin, "khác hẳn nhé"), Catch::Contains("taken"));
    REQUIRE(acc.list().size() == 1);
    CHECK(acc.list()[0].role == Role::reader);
    CHECK_THROWS_AS(acc.set_role("nobody", Role::admin), InputError);
    CHECK_THROWS_AS(acc.set_disabled("nobody", true), InputError);

    Accounts anonymous(s.db());
    CHECK_THROWS_WITH(anonymous.add("mai", Role::reader, "đủ dài rồi nhé"), Catch::Contains("audit"));
    CHECK_THROWS_AS(anonymous.set_role("lan", Role::admin), InputError);
    CHECK(acc.find("lan")->role == Role::reader);
    auto adds = audit_rows(s, "account.add");
    REQUIRE(adds.size() == 1);
    CHECK(adds[0]["account"] == "lan");
    CHECK(adds[0]["role"] == "reader");
    CHECK(adds[0]["_user"] == "admin-test");
}
