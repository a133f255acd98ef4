// `presswatch user ...` through the built binary: accounts created from a
// script (--password-stdin) and on a terminal (no echo), listed through the
// output layer, changed, and bad input refused with exit 2 and nothing
// changed.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "pty_session.h"
#include "store/accounts.h"
#include "store/store.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::PtySession;
using presswatch::testing::run_presswatch;
using presswatch::testing::run_shell;
using presswatch::testing::TempDir;
using Outcome = store::LoginResult::Outcome;

namespace {

std::string data_arg(const TempDir& d) { return "--data '" + d.path().string() + "' --user thu.admin "; }

// `printf '%s\n' PASSWORD | presswatch ... ARGS`, stderr folded into stdout.
testing::CommandResult with_password(const TempDir& d, const std::string& password, const std::string& args) {
    return run_shell("printf '%s\\n' '" + password + "' | " + std::string(PRESSWATCH_BINARY) + " " + data_arg(d) +
                     args + " 2>&1");
}

std::vector<nlohmann::json> listed(const TempDir& d) {
    auto r = run_presswatch(data_arg(d) + "user list --json");
    REQUIRE(r.code == 0);
    std::vector<nlohmann::json> rows;
    std::size_t at = 0, end;
    while ((end = r.out.find('\n', at)) != std::string::npos) {
        rows.push_back(nlohmann::json::parse(r.out.substr(at, end - at)));
        at = end + 1;
    }
    return rows;
}

Outcome login(const TempDir& d, const std::string& name, const std::string& password) {
    store::Store s(d.path());
    return store::Accounts(s.db()).login(name, password, "127.0.0.1").outcome;
}

}  // namespace

TEST_CASE("user add --password-stdin creates the account, list --json shows it, and the password logs in") {
    TempDir d;
    auto r = with_password(d, "Sầm Sơn mùa hè 2026", "user add Lan.Nguyen --role editor --password-stdin");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("lan.nguyen") != std::string::npos);
    CHECK(r.out.find("Sầm Sơn") == std::string::npos);

    auto rows = listed(d);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["name"] == "lan.nguyen");
    CHECK(rows[0]["role"] == "editor");
    CHECK(rows[0]["disabled"] == false);
    CHECK(rows[0]["last_login_at"] == "");
    CHECK(login(d, "lan.nguyen", "Sầm Sơn mùa hè 2026") == Outcome::ok);

    auto table = run_presswatch(data_arg(d) + "user list");
    CHECK(table.code == 0);
    CHECK(table.out.find("Biên tập viên") != std::string::npos);

    store::Store s(d.path());
    auto q = s.db().prepare("SELECT user, detail FROM audit WHERE action = 'account.add'");
    REQUIRE(q.step());
    CHECK(q.text(0) == "thu.admin");
    CHECK(q.text(1).find("Sầm") == std::string::npos);
}

TEST_CASE("user add refuses a taken name, a bad role, a bad name and a missing password with exit 2, changing nothing") {
    TempDir d;
    REQUIRE(with_password(d, "mật khẩu đầu tiên", "user add lan --role reader --password-stdin").code == 0);

    auto taken = with_password(d, "mật khẩu thứ hai", "user add LAN --role admin --password-stdin");
    CHECK(taken.code == 2);
    CHECK(taken.out.find("taken") != std::string::npos);

    auto bad_role = with_password(d, "mật khẩu thứ hai", "user add mai --role boss --password-stdin");
    CHECK(bad_role.code == 2);
    CHECK(bad_role.out.find("reader") != std::string::npos);

    auto bad_name = with_password(d, "mật khẩu thứ hai", "user add 'mai anh' --role reader --password-stdin");
    CHECK(bad_name.code == 2);
    CHECK(bad_name.out.find("cannot name an account") != std::string::npos);

    auto short_password = with_password(d, "ngắn", "user add mai --role reader --password-stdin");
    CHECK(short_password.code == 2);
    CHECK(short_password.out.find("too short") != std::string::npos);

    auto empty = run_shell(std::string(PRESSWATCH_BINARY) + " " + data_arg(d) +
                           "user add mai --role reader --password-stdin </dev/null 2>&1");
    CHECK(empty.code == 2);
    CHECK(empty.out.find("--password-stdin") != std::string::npos);

    auto no_terminal = run_shell(std::string(PRESSWATCH_BINARY) + " " + data_arg(d) +
                                 "user add mai --role reader </dev/null 2>&1");
    CHECK(no_terminal.code == 2);
    CHECK(no_terminal.out.find("no terminal") != std::string::npos);

    auto no_role = with_password(d, "mật khẩu thứ hai", "user add mai --password-stdin");
    CHECK(no_role.code == 2);

    auto rows = listed(d);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["role"] == "reader");
    CHECK(login(d, "lan", "mật khẩu đầu tiên") == Outcome::ok);
}

TEST_CASE("user disable, enable, role, passwd and unlock change the account and say so, and unknown names exit 2") {
    TempDir d;
    REQUIRE(with_password(d, "mật khẩu ban đầu", "user add minh --role reader --password-stdin").code == 0);

    CHECK(run_presswatch(data_arg(d) + "user disable minh").code == 0);
    CHECK(listed(d)[0]["disabled"] == true);
    CHECK(login(d, "minh", "mật khẩu ban đầu") == Outcome::disabled);
    CHECK(run_presswatch(data_arg(d) + "user enable minh").code == 0);
    CHECK(login(d, "minh", "mật khẩu ban đầu") == Outcome::ok);

    CHECK(run_presswatch(data_arg(d) + "user role minh admin").code == 0);
    CHECK(listed(d)[0]["role"] == "admin");
    auto bad_role = run_presswatch(data_arg(d) + "user role minh superuser");
    CHECK(bad_role.code == 2);
    CHECK(listed(d)[0]["role"] == "admin");

    REQUIRE(with_password(d, "mật khẩu mới hơn", "user passwd minh --password-stdin").code == 0);
    CHECK(login(d, "minh", "mật khẩu ban đầu") == Outcome::bad_credentials);
    CHECK(login(d, "minh", "mật khẩu mới hơn") == Outcome::ok);

    for (const char* cmd : {"user disable nobody", "user enable nobody", "user role nobody editor"}) {
        auto r = run_presswatch(data_arg(d) + cmd);
        INFO(cmd << "\n" << r.out);
        CHECK(r.code == 2);
        CHECK(r.out.find("no account named 'nobody'") != std::string::npos);
    }
    auto nobody = with_password(d, "mật khẩu mới hơn", "user passwd nobody --password-stdin");
    CHECK(nobody.code == 2);

    CHECK(run_presswatch(data_arg(d) + "user unlock minh").out.find("không bị khoá") != std::string::npos);

    store::Store s(d.path());
    auto q = s.db().prepare("SELECT action FROM audit WHERE user = 'thu.admin' ORDER BY id");
    std::vector<std::string> actions;
    while (q.step()) actions.push_back(q.text(0));
    CHECK(actions == std::vector<std::string>{"account.add", "account.disable", "account.enable", "account.role",
                                              "account.password"});
}

TEST_CASE("user add on a terminal asks twice without echo, and refuses two different entries") {
    TempDir d;
    {
        PtySession pty({PRESSWATCH_BINARY, "--data", d.path().string(), "--user", "thu.admin", "user", "add", "hoa",
                        "--role", "reader"});
        REQUIRE(pty.wait_for("Mật khẩu cho hoa: "));
        pty.type("mưa rào tháng bảy\r");
        REQUIRE(pty.wait_for("Nhập lại mật khẩu: "));
        pty.type("mưa rào tháng bảy\r");
        REQUIRE(pty.wait_for("Đã tạo tài khoản hoa"));
        CHECK(pty.wait_exit() == 0);
        CHECK(pty.output().find("mưa rào") == std::string::npos);
    }
    CHECK(login(d, "hoa", "mưa rào tháng bảy") == Outcome::ok);
    {
        PtySession pty({PRESSWATCH_BINARY, "--data", d.path().string(), "--user", "thu.admin", "user", "add", "lan",
                        "--role", "reader"});
        REQUIRE(pty.wait_for("Mật khẩu cho lan: "));
        pty.type("mật khẩu một\r");
        REQUIRE(pty.wait_for("Nhập lại mật khẩu: "));
        pty.type("mật khẩu hai\r");
        REQUIRE(pty.wait_for("differ"));
        CHECK(pty.wait_exit() == 2);
    }
    CHECK(listed(d).size() == 1);
}
