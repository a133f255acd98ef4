// presswatch user add NAME --role R | list | disable NAME | enable NAME |
//                  passwd NAME | role NAME R | unlock NAME
// The accounts of the web interface (store/accounts.h). Every change is
// written to the audit log with --user (default: the system user) as who
// made it.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/context.h"
#include "cli/output.h"
#include "cli/password_prompt.h"
#include "store/accounts.h"
#include "store/store.h"
#include "text/dates.h"

namespace presswatch::cli::cmd_user {
namespace {

struct Options {
    std::string name, role;
    bool password_stdin = false, json = false;
};

// "07/12/2026 14:05" from the ISO time an Account holds; "" stays "".
std::string shown_time(const std::string& iso) {
    auto t = text::parse_iso8601(iso);
    return t ? text::vietnamese_datetime(*t) : std::string();
}

int add(Context& ctx, const Options& o) {
    // A bad role, name or a taken name are refused before the password is asked.
    auto role = store::parse_role(o.role);
    auto name = store::account_name(o.name);
    store::Store st(ctx.data_dir());
    store::Accounts accounts(st.db(), ctx.user());
    accounts.check_new_name(name);
    auto a = accounts.add(name, role, read_new_password(name, o.password_stdin));
    std::cout << fmt::format("Đã tạo tài khoản {} ({}).\n", a.name, store::role_title(a.role));
    return 0;
}

int list(Context& ctx, const Options& o) {
    store::Store st(ctx.data_dir());
    store::Accounts accounts(st.db());
    Records table({{"name", "Tài khoản"},
                   {"role_title", "Vai trò"},
                   {"state", "Trạng thái"},
                   {"created", "Tạo lúc"},
                   {"last_login", "Đăng nhập gần nhất"}});
    for (const auto& a : accounts.list())
        table.add({{"name", a.name},
                   {"role", store::role_name(a.role)},
                   {"role_title", store::role_title(a.role)},
                   {"disabled", a.disabled},
                   {"state", a.disabled ? "Vô hiệu hoá" : "Hoạt động"},
                   {"created_at", a.created_at},
                   {"created", shown_time(a.created_at)},
                   {"last_login_at", a.last_login_at},
                   {"last_login", a.last_login_at.empty() ? "chưa đăng nhập" : shown_time(a.last_login_at)}});
    if (table.empty() && !o.json) {
        std::cerr << fmt::format("Chưa có tài khoản nào. Tạo tài khoản quản trị đầu tiên: {} user add TÊN --role admin\n",
                                 ctx.program);
        return 0;
    }
    table.print(std::cout, o.json ? Format::json : Format::table);
    return 0;
}

int set_disabled(Context& ctx, const Options& o, bool disabled) {
    store::Store st(ctx.data_dir());
    store::Accounts(st.db(), ctx.user()).set_disabled(o.name, disabled);
    std::cout << (disabled ? fmt::format("Đã vô hiệu hoá tài khoản {}; các phiên đăng nhập của tài khoản đã kết thúc.\n", o.name)
                           : fmt::format("Đã mở lại tài khoản {}.\n", o.name));
    return 0;
}

int passwd(Context& ctx, const Options& o) {
    store::Store st(ctx.data_dir());
    store::Accounts accounts(st.db(), ctx.user());
    if (!accounts.find(o.name))
        throw InputError(fmt::format("there is no account named '{}': see the accounts with `{} user list`", o.name,
                                     ctx.program));
    accounts.set_password(o.name, read_new_password(o.name, o.password_stdin));
    std::cout << fmt::format("Đã đổi mật khẩu của {}; các phiên đăng nhập cũ đã kết thúc.\n", o.name);
    return 0;
}

int role(Context& ctx, const Options& o) {
    auto r = store::parse_role(o.role);
    store::Store st(ctx.data_dir());
    store::Accounts(st.db(), ctx.user()).set_role(o.name, r);
    std::cout << fmt::format("{} giờ có vai trò {}.\n", o.name, store::role_title(r));
    return 0;
}

int unlock(Context& ctx, const Options& o) {
    store::Store st(ctx.data_dir());
    bool was = store::Accounts(st.db(), ctx.user()).unlock(o.name);
    std::cout << (was ? fmt::format("Đã mở khoá đăng nhập cho {}.\n", o.name)
                      : fmt::format("{} không bị khoá đăng nhập.\n", o.name));
    return 0;
}

void register_user(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("user", "Accounts of the web interface: add, list, disable, enable, passwd, role, unlock");
    cmd->require_subcommand(1);
    cmd->footer("Roles: reader (search, read, digest, briefing), editor (+ review, tag, flag, respond, letters, "
                "saved searches), admin (+ accounts, audit log, sources).\n"
                "Example: presswatch user add lan.nguyen --role editor");
    auto name = [&](CLI::App* sub) { sub->add_option("NAME", o->name, "Account name, e.g. lan.nguyen")->required(); };
    auto stdin_flag = [&](CLI::App* sub) {
        sub->add_flag("--password-stdin", o->password_stdin,
                      "Read the password from the first line of standard input instead of asking on the terminal");
    };
    auto on = [&ctx, o](CLI::App* sub, auto run) {
        sub->callback([&ctx, o, run] { ctx.action = [&ctx, o, run] { return run(ctx, *o); }; });
    };

    auto* a = cmd->add_subcommand("add", "Create an account; asks for its password twice on the terminal");
    name(a);
    a->add_option("--role", o->role, "reader, editor or admin")->required();
    stdin_flag(a);
    on(a, add);

    auto* l = cmd->add_subcommand("list", "List the accounts with role, state and last login");
    l->add_flag("--json", o->json, "One JSON object a line");
    on(l, list);

    auto* d = cmd->add_subcommand("disable", "Stop an account from logging in and end its sessions");
    name(d);
    on(d, [](Context& c, const Options& x) { return set_disabled(c, x, true); });
    auto* e = cmd->add_subcommand("enable", "Let a disabled account log in again");
    name(e);
    on(e, [](Context& c, const Options& x) { return set_disabled(c, x, false); });

    auto* p = cmd->add_subcommand("passwd", "Set a new password; ends the account's sessions and lifts a login lock");
    name(p);
    stdin_flag(p);
    on(p, passwd);

    auto* r = cmd->add_subcommand("role", "Change an account's role");
    name(r);
    r->add_option("ROLE", o->role, "reader, editor or admin")->required();
    on(r, role);

    auto* u = cmd->add_subcommand("unlock", "Lift the lock that repeated failed logins put on an account");
    name(u);
    on(u, unlock);
}

}  // namespace
PRESSWATCH_COMMAND(register_user);
}  // namespace presswatch::cli::cmd_user
