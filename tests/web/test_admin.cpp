// The admin side of the web interface: the admin page's account forms, the
// accounts API, the audit log, the configuration view and one's own
// password, against the real server on 127.0.0.1 with accounts (not
// --no-auth), on a copy of the demo's data.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <regex>

#include "store/accounts.h"
#include "store/audit_log.h"
#include "store/store.h"
#include "text/dates.h"
#include "web_fixture.h"

using namespace presswatch;
using namespace presswatch::testing;

namespace {

const std::string admin_password = "Lam Kinh mùa xuân 1428";
const std::string editor_password = "Hàm Rồng 1975 sông Mã";
const std::string reader_password = "cầu Hàm Rồng mùa thu";

// The demo's data with an admin "thu", an editor "lan" and a reader "minh",
// and a server that asks them to log in. Three wrong passwords lock a name.
struct AdminWorld {
    DemoCopy data;
    std::unique_ptr<RunningServer> server;

    explicit AdminWorld(std::optional<config::Config> cfg = std::nullopt) {
        {
            store::Store st(data.path());
            store::Accounts acc(st.db(), "tester");
            acc.add("thu", store::Role::admin, admin_password);
            acc.add("lan", store::Role::editor, editor_password);
            acc.add("minh", store::Role::reader, reader_password);
        }
        web::ServeOptions o;
        o.data_dir = data.path();
        o.login_limits.account_failures = 3;
        o.login_limits.address_failures = 100;
        o.login_limits.window = std::chrono::seconds(600);
        o.login_limits.lock = std::chrono::seconds(600);
        server = cfg ? std::make_unique<RunningServer>(o, std::move(*cfg)) : std::make_unique<RunningServer>(o);
    }
    httplib::Client client() const { return server->client(); }
    std::optional<store::Account> account(const std::string& name) const {
        store::Store st(data.path());
        return store::Accounts(st.db()).find(name);
    }
    // The audit rows of an action, as "user detail".
    std::vector<std::string> audit(const std::string& action) const {
        store::Store st(data.path());
        auto q = st.db().prepare("SELECT user, detail FROM audit WHERE action = ?1 ORDER BY id");
        q.bind(1, action);
        std::vector<std::string> out;
        while (q.step()) out.push_back(q.text(0) + " " + q.text(1));
        return out;
    }
};

httplib::Result post_form(httplib::Client& c, const Session& s, const std::string& path, httplib::Params fields) {
    fields.emplace("csrf", s.csrf);
    return c.Post(path, s.headers(), fields);
}

// The alert the admin and account pages show when a form is refused.
std::string page_error(const std::string& page) {
    std::smatch m;
    static const std::regex alert(R"re(<p class="error" role="alert">([^<]*)</p>)re");
    return std::regex_search(page, m, alert) ? std::string(m[1]) : std::string();
}

std::string page_notice(const std::string& page) {
    std::smatch m;
    static const std::regex notice(R"re(<p class="notice" role="status">([^<]*)</p>)re");
    return std::regex_search(page, m, notice) ? std::string(m[1]) : std::string();
}

bool can_log_in(const AdminWorld& w, const std::string& name, const std::string& password) {
    auto c = w.client();
    auto res = c.Post("/login", httplib::Params{{"name", name}, {"password", password}, {"next", "/today"}});
    return res && res->status == 303;
}

int api_status(httplib::Client& c, const Session& s, const std::string& method, const std::string& path,
               const std::string& body = "{}") {
    auto h = s.api_headers();
    httplib::Result r = method == "GET"     ? c.Get(path, h)
                        : method == "PATCH" ? c.Patch(path, h, body, "application/json")
                                            : c.Post(path, h, body, "application/json");
    return r ? r->status : -1;
}

nlohmann::json api_json(httplib::Client& c, const Session& s, const std::string& method, const std::string& path,
                        const std::string& body, int expected) {
    auto h = s.api_headers();
    httplib::Result r = method == "GET"     ? c.Get(path, h)
                        : method == "PATCH" ? c.Patch(path, h, body, "application/json")
                                            : c.Post(path, h, body, "application/json");
    REQUIRE(r);
    INFO(method << " " << path << " " << body << " -> " << r->body);
    CHECK(r->status == expected);
    CHECK(r->get_header_value("Content-Type") == "application/json");
    return nlohmann::json::parse(r->body);
}

}  // namespace

TEST_CASE("an editor and a reader get 403 on every admin page, form and accounts API route; anonymous goes to login",
          "[web][admin]") {
    AdminWorld w;
    auto c = w.client();
    for (auto [name, password] : {std::pair{"lan", editor_password}, std::pair{"minh", reader_password}}) {
        INFO(name);
        Session s = log_in(c, name, password);
        for (std::string page : {"/admin", "/admin/audit", "/admin/config", "/admin/audit?user=thu"})
            CHECK(c.Get(page, s.headers())->status == 403);
        CHECK(post_form(c, s, "/admin/accounts", {{"name", "mallory"}, {"role", "admin"}, {"password", "mật khẩu của kẻ gian"}})
                  ->status == 403);
        CHECK(post_form(c, s, "/admin/accounts/" + std::string(name) + "/role", {{"role", "admin"}})->status == 403);
        CHECK(post_form(c, s, "/admin/accounts/thu/disable", {})->status == 403);
        CHECK(post_form(c, s, "/admin/accounts/lan/enable", {})->status == 403);
        CHECK(post_form(c, s, "/admin/accounts/thu/password", {{"password", "mật khẩu của kẻ gian"}})->status == 403);
        CHECK(api_status(c, s, "GET", "/api/v1/accounts") == 403);
        CHECK(api_status(c, s, "POST", "/api/v1/accounts",
                         R"({"name":"mallory","role":"admin","password":"mật khẩu của kẻ gian"})") == 403);
        CHECK(api_status(c, s, "GET", "/api/v1/accounts/thu") == 403);
        CHECK(api_status(c, s, "PATCH", "/api/v1/accounts/" + std::string(name), R"({"role":"admin"})") == 403);
        CHECK(api_status(c, s, "PATCH", "/api/v1/accounts/thu", R"({"disabled":true})") == 403);
        CHECK(api_status(c, s, "POST", "/api/v1/accounts/thu/password", R"({"password":"mật khẩu của kẻ gian"})") == 403);
        // Only admins see the way to the admin page.
        CHECK(c.Get("/today", s.headers())->body.find("href=\"/admin\"") == std::string::npos);
    }
    CHECK_FALSE(w.account("mallory"));
    CHECK(w.account("lan")->role == store::Role::editor);
    CHECK(w.account("minh")->role == store::Role::reader);
    CHECK_FALSE(w.account("thu")->disabled);
    CHECK(can_log_in(w, "thu", admin_password));
    for (std::string page : {"/admin", "/admin/audit", "/admin/config", "/account"}) {
        auto res = c.Get(page);
        CHECK(res->status == 303);
        CHECK(httplib::detail::decode_url(res->get_header_value("Location"), false) == "/login?next=" + page);
    }
    Session admin = log_in(c, "thu", admin_password);
    for (std::string page : {"/admin", "/admin/audit", "/admin/config"}) CHECK(c.Get(page, admin.headers())->status == 200);
    CHECK(c.Get("/today", admin.headers())->body.find("href=\"/admin\"") != std::string::npos);
}

TEST_CASE("an admin's forms create an account that logs in, change its role, reset its password and disable it, "
          "each audited with the admin's name",
          "[web][admin]") {
    AdminWorld w;
    auto c = w.client();
    Session admin = log_in(c, "thu", admin_password);

    auto created = post_form(c, admin, "/admin/accounts",
                             {{"name", "Hoa.Le"}, {"role", "reader"}, {"password", "Sầm Sơn mùa hè"}, {"password2", "Sầm Sơn mùa hè"}});
    REQUIRE(created);
    CHECK(created->status == 303);
    CHECK(created->get_header_value("Location") == "/admin");
    auto page = c.Get("/admin", admin.headers());
    CHECK_THAT(page_notice(page->body), Catch::Contains("Đã tạo tài khoản «hoa.le»"));
    CHECK_THAT(page->body, Catch::Contains("data-account=\"hoa.le\""));
    CHECK(page_notice(c.Get("/admin", admin.headers())->body).empty());  // a notice shows once
    REQUIRE(w.account("hoa.le"));
    CHECK(w.account("hoa.le")->role == store::Role::reader);
    Session hoa = log_in(c, "hoa.le", "Sầm Sơn mùa hè");
    CHECK(c.Get("/search?q=thanh", hoa.headers())->status == 200);
    CHECK(c.Get("/review", hoa.headers())->status == 403);

    // Two different entries of the password, a taken name: refused in place, nothing made.
    auto mismatch = post_form(c, admin, "/admin/accounts",
                              {{"name", "tuan"}, {"role", "editor"}, {"password", "mật khẩu một"}, {"password2", "mật khẩu hai"}});
    CHECK(mismatch->status == 400);
    CHECK_THAT(page_error(mismatch->body), Catch::Contains("không giống nhau"));
    CHECK_THAT(mismatch->body, Catch::Contains("value=\"tuan\""));  // the name is kept in the form
    CHECK_FALSE(w.account("tuan"));
    auto taken = post_form(c, admin, "/admin/accounts", {{"name", "LAN"}, {"role", "reader"}, {"password", "mật khẩu khác hẳn"}});
    CHECK(taken->status == 409);
    CHECK_THAT(page_error(taken->body), Catch::Contains("đã có"));
    auto short_password = post_form(c, admin, "/admin/accounts", {{"name", "tuan"}, {"role", "reader"}, {"password", "ngắn"}});
    CHECK(short_password->status == 400);
    CHECK_THAT(page_error(short_password->body), Catch::Contains("ít nhất 8 ký tự"));

    // Role: the reader becomes an editor, at once in the open session.
    CHECK(post_form(c, admin, "/admin/accounts/hoa.le/role", {{"role", "editor"}})->status == 303);
    CHECK(w.account("hoa.le")->role == store::Role::editor);
    CHECK(c.Get("/review", hoa.headers())->status == 200);

    // A new password: the old one no longer logs in, the open session has ended.
    CHECK(post_form(c, admin, "/admin/accounts/hoa.le/password",
                    {{"password", "Pù Luông mây trắng"}, {"password2", "Pù Luông mây trắng"}})
              ->status == 303);
    CHECK(c.Get("/search?q=thanh", hoa.headers())->status == 303);
    CHECK_FALSE(can_log_in(w, "hoa.le", "Sầm Sơn mùa hè"));
    hoa = log_in(c, "hoa.le", "Pù Luông mây trắng");
    CHECK(c.Get("/api/v1/search?q=thanh", hoa.headers())->status == 200);

    // Disabled: its session stops working at once and it cannot log in; enabled again, it can.
    CHECK(post_form(c, admin, "/admin/accounts/hoa.le/disable", {})->status == 303);
    CHECK(w.account("hoa.le")->disabled);
    CHECK(c.Get("/api/v1/search?q=thanh", hoa.headers())->status == 401);
    CHECK(c.Get("/search", hoa.headers())->status == 303);
    CHECK_FALSE(can_log_in(w, "hoa.le", "Pù Luông mây trắng"));
    CHECK_THAT(c.Get("/admin", admin.headers())->body, Catch::Contains("Đã vô hiệu hoá"));
    CHECK(post_form(c, admin, "/admin/accounts/hoa.le/enable", {})->status == 303);
    CHECK(can_log_in(w, "hoa.le", "Pù Luông mây trắng"));

    CHECK(post_form(c, admin, "/admin/accounts/nobody/disable", {})->status == 404);

    // The same audit rows as `presswatch user`, with the admin as the user.
    CHECK(w.audit("account.add").back() == R"(thu {"account":"hoa.le","role":"reader"})");
    CHECK(w.audit("account.role").back() == R"(thu {"account":"hoa.le","from":"reader","to":"editor"})");
    CHECK(w.audit("account.password").back() == R"(thu {"account":"hoa.le"})");
    CHECK(w.audit("account.disable").back() == R"(thu {"account":"hoa.le"})");
    CHECK(w.audit("account.enable").back() == R"(thu {"account":"hoa.le"})");
    CHECK(w.audit("account.add").size() == 4);  // three by the fixture, one here: the refusals added none
}

TEST_CASE("the accounts API lists, creates, updates and resets, with JSON errors 400, 404 and 409",
          "[web][admin][api]") {
    AdminWorld w;
    auto c = w.client();
    Session admin = log_in(c, "thu", admin_password);

    auto list = api_json(c, admin, "GET", "/api/v1/accounts", "", 200);
    REQUIRE(list.size() == 3);
    CHECK(list[0]["name"] == "lan");
    CHECK(list[0]["role"] == "editor");
    CHECK(list[0]["disabled"] == false);
    CHECK(list[2]["name"] == "thu");
    CHECK(list[2]["last_login_at"] != "");  // thu has just logged in
    CHECK(list[1]["last_login_at"] == "");

    auto made = api_json(c, admin, "POST", "/api/v1/accounts",
                         R"({"name":"tuan","role":"editor","password":"Nga Sơn chiếu cói"})", 201);
    CHECK(made["name"] == "tuan");
    CHECK(made["role"] == "editor");
    CHECK(can_log_in(w, "tuan", "Nga Sơn chiếu cói"));
    Session tuan = log_in(c, "tuan", "Nga Sơn chiếu cói");

    struct Refusal {
        const char* method;
        std::string path, body;
        int status;
        const char* code;
    };
    for (const auto& r : std::vector<Refusal>{
             {"POST", "/api/v1/accounts", R"({"name":"tuan","role":"reader","password":"mật khẩu khác hẳn"})", 409, "name_taken"},
             {"POST", "/api/v1/accounts", R"({"name":"tuấn","role":"reader","password":"mật khẩu khác hẳn"})", 400, "bad_name"},
             {"POST", "/api/v1/accounts", R"({"name":"mai","role":"boss","password":"mật khẩu khác hẳn"})", 400, "bad_role"},
             {"POST", "/api/v1/accounts", R"({"name":"mai","role":"reader","password":"ngắn"})", 400, "bad_password"},
             {"POST", "/api/v1/accounts", R"(["not", "an", "object"])", 400, "bad_request"},
             {"POST", "/api/v1/accounts", R"({"name":)", 400, "bad_json"},
             {"GET", "/api/v1/accounts/nobody", "", 404, "not_found"},
             {"PATCH", "/api/v1/accounts/nobody", R"({"role":"admin"})", 404, "not_found"},
             {"PATCH", "/api/v1/accounts/tuan", R"({})", 400, "bad_request"},
             {"PATCH", "/api/v1/accounts/tuan", R"({"disabled":"perhaps"})", 400, "bad_request"},
             {"POST", "/api/v1/accounts/nobody/password", R"({"password":"mật khẩu khác hẳn"})", 404, "not_found"},
             {"POST", "/api/v1/accounts/tuan/password", R"({"password":"tuan"})", 400, "bad_password"},
         }) {
        auto e = api_json(c, admin, r.method, r.path, r.body, r.status);
        INFO(r.path << " " << r.body);
        CHECK(e["error"]["code"] == r.code);
        CHECK_FALSE(e["error"]["message"].get<std::string>().empty());
    }
    CHECK_FALSE(w.account("mai"));

    auto changed = api_json(c, admin, "PATCH", "/api/v1/accounts/tuan", R"({"role":"reader"})", 200);
    CHECK(changed["role"] == "reader");
    CHECK(c.Get("/review", tuan.headers())->status == 403);
    auto disabled = api_json(c, admin, "PATCH", "/api/v1/accounts/tuan", R"({"disabled":true})", 200);
    CHECK(disabled["disabled"] == true);
    CHECK(c.Get("/api/v1/search?q=thanh", tuan.headers())->status == 401);
    api_json(c, admin, "PATCH", "/api/v1/accounts/tuan", R"({"disabled":false})", 200);
    api_json(c, admin, "POST", "/api/v1/accounts/tuan/password", R"({"password":"Bến En hồ xanh"})", 200);
    CHECK(can_log_in(w, "tuan", "Bến En hồ xanh"));
    CHECK_FALSE(can_log_in(w, "tuan", "Nga Sơn chiếu cói"));
    // Without the CSRF header, nothing changes.
    auto no_csrf = c.Patch("/api/v1/accounts/tuan", admin.headers(), R"({"role":"admin"})", "application/json");
    CHECK(no_csrf->status == 403);
    CHECK(w.account("tuan")->role == store::Role::reader);
    for (const char* action : {"account.add", "account.role", "account.disable", "account.enable", "account.password"})
        CHECK_THAT(w.audit(action).back(), Catch::StartsWith("thu {\"account\":\"tuan\""));
}

TEST_CASE("the last enabled admin cannot be disabled or demoted: in the browser, the API and the CLI",
          "[web][admin]") {
    AdminWorld w;
    auto c = w.client();
    Session admin = log_in(c, "thu", admin_password);
    auto disable = post_form(c, admin, "/admin/accounts/thu/disable", {});
    CHECK(disable->status == 409);
    CHECK_THAT(page_error(disable->body), Catch::Contains("quản trị viên cuối cùng"));
    auto demote = post_form(c, admin, "/admin/accounts/thu/role", {{"role", "editor"}});
    CHECK(demote->status == 409);
    CHECK_THAT(page_error(demote->body), Catch::Contains("quản trị viên cuối cùng"));
    auto e = api_json(c, admin, "PATCH", "/api/v1/accounts/thu", R"({"disabled":true})", 409);
    CHECK(e["error"]["code"] == "last_admin");
    e = api_json(c, admin, "PATCH", "/api/v1/accounts/thu", R"({"role":"reader"})", 409);
    CHECK(e["error"]["code"] == "last_admin");
    for (const char* cmd : {"user disable thu", "user role thu editor"}) {
        auto r = run_presswatch("--data " + shell_quote(w.data.path().string()) + " " + cmd);
        INFO(cmd << "\n" << r.out);
        CHECK(r.code == 2);
        CHECK_THAT(r.out, Catch::Contains("last enabled admin"));
    }
    CHECK(w.account("thu")->role == store::Role::admin);
    CHECK_FALSE(w.account("thu")->disabled);
    CHECK(c.Get("/admin", admin.headers())->status == 200);  // still in

    // With a second admin, the first may step down: the rule is "at least one", not "this one".
    CHECK(post_form(c, admin, "/admin/accounts/lan/role", {{"role", "admin"}})->status == 303);
    CHECK(post_form(c, admin, "/admin/accounts/thu/role", {{"role", "editor"}})->status == 303);
    CHECK(c.Get("/admin", admin.headers())->status == 403);
    Session lan = log_in(c, "lan", editor_password);
    CHECK(api_json(c, lan, "PATCH", "/api/v1/accounts/lan", R"({"disabled":true})", 409)["error"]["code"] == "last_admin");
    // A disabled admin does not count: disabling the other admins leaves lan the last one.
    CHECK(api_status(c, lan, "PATCH", "/api/v1/accounts/thu", R"({"role":"admin","disabled":true})") == 200);
    CHECK(api_json(c, lan, "PATCH", "/api/v1/accounts/lan", R"({"role":"editor"})", 409)["error"]["code"] == "last_admin");
}

TEST_CASE("changing one's own password: the current one is checked and counts towards the lock; other sessions end",
          "[web][admin][account]") {
    AdminWorld w;
    auto c = w.client();
    Session here = log_in(c, "lan", editor_password);
    Session elsewhere = log_in(c, "lan", editor_password);
    auto page = c.Get("/account", here.headers());
    REQUIRE(page->status == 200);
    CHECK_THAT(page->body, Catch::Contains("Đổi mật khẩu"));
    CHECK_THAT(page->body, Catch::Contains("Biên tập viên"));

    auto change = [&](const std::string& current, const std::string& next, const std::string& again) {
        return post_form(c, here, "/account/password",
                         {{"current_password", current}, {"new_password", next}, {"new_password2", again}});
    };
    auto mismatch = change(editor_password, "Hải Tiến biển xanh", "Hải Tiến biển xanh!");
    CHECK(mismatch->status == 400);
    CHECK_THAT(page_error(mismatch->body), Catch::Contains("không giống nhau"));
    auto too_short = change(editor_password, "ngắn", "ngắn");
    CHECK(too_short->status == 400);
    auto wrong = change("không phải mật khẩu", "Hải Tiến biển xanh", "Hải Tiến biển xanh");
    CHECK(wrong->status == 403);
    CHECK_THAT(page_error(wrong->body), Catch::Contains("Mật khẩu hiện tại không đúng"));
    CHECK(can_log_in(w, "lan", editor_password));  // nothing changed (and a right login clears the failures)

    auto ok = change(editor_password, "Hải Tiến biển xanh", "Hải Tiến biển xanh");
    REQUIRE(ok);
    CHECK(ok->status == 303);
    CHECK(ok->get_header_value("Location") == "/account");
    CHECK_THAT(page_notice(c.Get("/account", here.headers())->body), Catch::Contains("Đã đổi mật khẩu"));
    CHECK(c.Get("/api/v1/search?q=thanh", here.headers())->status == 200);       // this session stays
    CHECK(c.Get("/api/v1/search?q=thanh", elsewhere.headers())->status == 401);  // the other ended
    CHECK_FALSE(can_log_in(w, "lan", editor_password));
    CHECK(can_log_in(w, "lan", "Hải Tiến biển xanh"));
    CHECK(w.audit("account.password").back() == R"(lan {"account":"lan"})");

    // Wrong current passwords are failed logins: three lock the name, for the form and the login alike.
    for (int i = 0; i < 3; ++i) CHECK(change("sai lần " + std::to_string(i), "Hàm Rồng mới", "Hàm Rồng mới")->status == 403);
    auto locked = change("Hải Tiến biển xanh", "Hàm Rồng mới", "Hàm Rồng mới");
    CHECK(locked->status == 429);
    CHECK_THAT(page_error(locked->body), Catch::Contains("tạm khóa"));
    CHECK_FALSE(can_log_in(w, "lan", "Hải Tiến biển xanh"));
    CHECK(w.audit("login.locked").size() == 1);
}

TEST_CASE("the audit log page lists changes newest first, filters by user, action and dates, and pages",
          "[web][admin][audit]") {
    AdminWorld w;
    // 60 decisions by "lan" on 01/11/2026 and one by "minh" on 20/11/2026, at known times (Vietnam time).
    const std::int64_t nov1 = *text::vietnam_midnight(2026, 11, 1), nov20 = *text::vietnam_midnight(2026, 11, 20);
    {
        store::Store st(w.data.path());
        st.db().transaction([&] {
            for (int i = 0; i < 60; ++i)
                st.db().prepare("INSERT INTO audit(at, user, action, article_id, detail) VALUES (?1, 'lan', 'review', 1, ?2)")
                    .bind(1, nov1 + 8 * 3600 + i * 60).bind(2, nlohmann::json{{"state", "relevant"}, {"n", i}}.dump()).run();
            st.db().prepare("INSERT INTO audit(at, user, action, article_id, detail) VALUES (?1, 'minh', 'flag', 2, '{}')")
                .bind(1, nov20 + 9 * 3600 + 5 * 60).run();
        });
    }
    auto c = w.client();
    Session admin = log_in(c, "thu", admin_password);
    auto rows = [&](const std::string& query) {
        auto res = c.Get("/admin/audit" + query, admin.headers());
        REQUIRE(res);
        INFO(query);
        REQUIRE(res->status == 200);
        std::vector<std::string> out;
        static const std::regex row(R"re(<td class="when">([^<]*)</td><td class="user">([^<]*)</td>)re");
        for (std::sregex_iterator it(res->body.begin(), res->body.end(), row), end; it != end; ++it)
            out.push_back((*it)[1].str() + " " + (*it)[2].str());
        return std::pair{out, res->body};
    };
    auto [all, page] = rows("");
    REQUIRE(all.size() == 50);
    // The fixture's account.add rows (today) come first, then minh's flag, then lan's latest review.
    CHECK(all[3] == "20/11/2026 09:05 minh");
    CHECK(all[4] == "01/11/2026 08:59 lan");
    CHECK_THAT(page, Catch::Contains("Tạo tài khoản"));
    CHECK_THAT(page, Catch::Contains("href=\"/articles/2\""));
    CHECK_THAT(page, Catch::Contains("trên 64"));  // 3 + 61 rows in all
    CHECK_THAT(page, Catch::Contains("href=\"/admin/audit?offset=50\""));

    auto [second, _] = rows("?offset=50");
    REQUIRE(second.size() == 14);
    CHECK(second.back() == "01/11/2026 08:00 lan");

    CHECK(rows("?user=minh").first == std::vector<std::string>{"20/11/2026 09:05 minh"});
    CHECK(rows("?action=account.add").first.size() == 3);
    CHECK(rows("?user=lan&action=review&from=2026-11-01&to=2026-11-01").first.size() == 50);
    CHECK(rows("?from=2026-11-02&to=2026-11-30").first == std::vector<std::string>{"20/11/2026 09:05 minh"});
    CHECK(rows("?from=20/11/2026&to=20/11/2026").first == std::vector<std::string>{"20/11/2026 09:05 minh"});
    CHECK(rows("?to=2026-10-31").first.empty());
    // The days are shown back as the office writes them; states and roles in Vietnamese, names as they are.
    CHECK_THAT(rows("?from=2026-11-02").second, Catch::Contains("value=\"02/11/2026\""));
    CHECK_THAT(page, Catch::Contains("tài khoản: minh · vai trò: Người đọc"));
    // The pager keeps the filters.
    CHECK_THAT(rows("?user=lan").second, Catch::Contains("href=\"/admin/audit?offset=50&amp;user=lan\""));
    for (const char* bad : {"?from=2026-13-01", "?to=hôm-qua", "?offset=x", "?from=2026-11-20&to=2026-11-01"}) {
        INFO(bad);
        CHECK(c.Get(std::string("/admin/audit") + bad, admin.headers())->status == 400);
    }
}

TEST_CASE("the configuration view shows each file and its origin with secrets masked", "[web][admin][config]") {
    TempDir conf;
    const std::string url_secret = "Bi-mat-SMTP-42", env_secret = "env-smtp-secret-77";
    {
        auto text = config::builtin_config_file("briefing.toml");
        REQUIRE(text);
        std::string b = std::regex_replace(*text, std::regex(R"(smtp_url = "")"),
                                           "smtp_url = \"smtps://mailer:" + url_secret + "@mail.example.vn:465\"");
        b = std::regex_replace(b, std::regex(R"(username = "")"), "username = \"mailer\"");
        REQUIRE(b.find(url_secret) != std::string::npos);
        std::ofstream(conf.path() / "briefing.toml") << b;
    }
    auto cfg = config::load_config(conf.path());
    REQUIRE(cfg.briefing.digest.smtp_url.find(url_secret) != std::string::npos);  // the server does use it
    ::setenv("PRESSWATCH_SMTP_PASSWORD", env_secret.c_str(), 1);
    AdminWorld w(std::move(cfg));
    auto c = w.client();
    Session admin = log_in(c, "thu", admin_password);
    auto res = c.Get("/admin/config", admin.headers());
    ::unsetenv("PRESSWATCH_SMTP_PASSWORD");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const auto& page = res->body;
    CHECK(page.find(url_secret) == std::string::npos);
    CHECK(page.find(env_secret) == std::string::npos);
    CHECK(page.find(admin_password) == std::string::npos);
    CHECK_THAT(page, Catch::Contains("smtps://mailer:••••••@mail.example.vn:465"));
    CHECK_THAT(page, Catch::Contains("PRESSWATCH_SMTP_PASSWORD</th><td>đã đặt"));
    CHECK_THAT(page, Catch::Contains((conf.path() / "briefing.toml").string()));  // where it came from
    CHECK_THAT(page, Catch::Contains("<code>sources.toml</code> — có sẵn trong chương trình"));
    CHECK_THAT(page, Catch::Contains("username = &quot;mailer&quot;"));  // the rest as it is
    CHECK_THAT(page, Catch::Contains(w.data.path().string()));
}

TEST_CASE("account names with markup render inert on the admin and audit pages", "[web][admin][security]") {
    AdminWorld w;
    const std::string crafted = "<img src=x onerror=alert(1)>";
    {
        // A name the store would refuse, written straight into the table (an older
        // version, another tool): the pages must still show it as text.
        store::Store st(w.data.path());
        st.db().prepare("INSERT INTO account(name, role, password_hash, created_at) VALUES (?1, 'reader', 'x', 0)")
            .bind(1, "<script>alert(2)</script>").run();
    }
    auto c = w.client();
    // Anyone can type a name on the login form: a lock writes it to the audit log.
    for (int i = 0; i < 3; ++i)
        c.Post("/login", httplib::Params{{"name", crafted}, {"password", "sai mật khẩu"}, {"next", "/today"}});
    Session admin = log_in(c, "thu", admin_password);
    auto refused = post_form(c, admin, "/admin/accounts",
                             {{"name", "<svg onload=alert(3)>"}, {"role", "reader"}, {"password", "mật khẩu dài dài"}});
    CHECK(refused->status == 400);
    CHECK_THAT(page_error(refused->body), Catch::Contains("Tên tài khoản không hợp lệ"));
    for (const auto& [path, body] : std::vector<std::pair<std::string, std::string>>{
             {"/admin", c.Get("/admin", admin.headers())->body},
             {"/admin/audit", c.Get("/admin/audit", admin.headers())->body},
             {"/admin/audit?user=...", c.Get("/admin/audit?user=" + encode(crafted), admin.headers())->body},
             {"refused form", refused->body}}) {
        INFO(path);
        CHECK(body.find("<script>alert") == std::string::npos);
        CHECK(body.find("<img src=x") == std::string::npos);
        CHECK(body.find("<svg") == std::string::npos);
        // An event handler attribute outside any quoted attribute value (where
        // the escaped name may sit, inert, e.g. in <option value="...">).
        std::string tags = std::regex_replace(body, std::regex(R"("[^"]*")"), "\"\"");
        static const std::regex handler(R"(<[^>]*\son(error|load)=)", std::regex::icase);
        CHECK_FALSE(std::regex_search(tags, handler));
    }
    CHECK_THAT(c.Get("/admin", admin.headers())->body, Catch::Contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
    auto audit = c.Get("/admin/audit?user=" + encode(crafted), admin.headers())->body;
    CHECK_THAT(audit, Catch::Contains("&lt;img src=x onerror=alert(1)&gt;"));
    CHECK_THAT(audit, Catch::Contains("Tạm khoá đăng nhập"));
}

TEST_CASE("a login-locked account shows an unlock button that lifts the lock, audited as the admin",
          "[web][admin][unlock]") {
    AdminWorld w;
    auto c = w.client();
    Session admin = log_in(c, "thu", admin_password);
    auto card_of = [&](const std::string& name) {
        auto page = c.Get("/admin", admin.headers())->body;
        auto at = page.find("data-account=\"" + name + "\"");
        REQUIRE(at != std::string::npos);
        return page.substr(at, page.find("</li>", at) - at);
    };
    CHECK_THAT(card_of("lan"), !Catch::Contains("/unlock"));  // not locked: no button

    for (int i = 0; i < 3; ++i)
        c.Post("/login", httplib::Params{{"name", "lan"}, {"password", "sai " + std::to_string(i)}, {"next", "/"}});
    CHECK(c.Post("/login", httplib::Params{{"name", "lan"}, {"password", editor_password}, {"next", "/"}})->status == 429);
    auto card = card_of("lan");
    CHECK_THAT(card, Catch::Contains("Tạm khoá đăng nhập (còn 10 phút)"));
    CHECK_THAT(card, Catch::Contains(R"(<form method="post" action="/admin/accounts/lan/unlock")"));

    // Only an admin, only with the token.
    Session reader = log_in(c, "minh", reader_password);
    CHECK(post_form(c, reader, "/admin/accounts/lan/unlock", {})->status == 403);
    CHECK(c.Post("/admin/accounts/lan/unlock", admin.headers(), httplib::Params{})->status == 403);
    CHECK_FALSE(can_log_in(w, "lan", editor_password));

    auto res = post_form(c, admin, "/admin/accounts/lan/unlock", {});
    REQUIRE(res);
    CHECK(res->status == 303);
    CHECK_THAT(page_notice(c.Get("/admin", admin.headers())->body), Catch::Contains("Đã mở khoá đăng nhập cho «lan»"));
    CHECK(w.audit("account.unlock") == std::vector<std::string>{R"(thu {"account":"lan"})"});
    CHECK(can_log_in(w, "lan", editor_password));
    CHECK_THAT(card_of("lan"), !Catch::Contains("Tạm khoá"));

    // Again: nothing to lift, said so; an unknown account is 404; the API does the same.
    post_form(c, admin, "/admin/accounts/lan/unlock", {});
    CHECK_THAT(page_notice(c.Get("/admin", admin.headers())->body), Catch::Contains("không bị khoá"));
    CHECK(post_form(c, admin, "/admin/accounts/khong-co/unlock", {})->status == 404);
    auto api = c.Post("/api/v1/accounts/lan/unlock", admin.api_headers(), "", "application/json");
    CHECK(api->status == 200);
    CHECK(nlohmann::json::parse(api->body)["unlocked"] == false);
    CHECK(c.Post("/api/v1/accounts/khong-co/unlock", admin.api_headers(), "", "application/json")->status == 404);
}

TEST_CASE("the audit log downloads as CSV with the page's filters, every row, spreadsheet-inert cells",
          "[web][admin][audit]") {
    AdminWorld w;
    auto c = w.client();
    // A name typed at the login form lands in the log as it was typed: here, a formula.
    for (int i = 0; i < 3; ++i)
        c.Post("/login", httplib::Params{{"name", "=1+2"}, {"password", "sai " + std::to_string(i)}, {"next", "/"}});
    Session admin = log_in(c, "thu", admin_password);
    for (const char* name : {"an", "binh", "chi"})
        CHECK(post_form(c, admin, "/admin/accounts",
                        {{"name", name}, {"role", "reader"}, {"password", "Sầm Sơn biển xanh"}, {"password2", "Sầm Sơn biển xanh"}})
                  ->status == 303);

    auto page = c.Get("/admin/audit?action=account.add", admin.headers());
    CHECK_THAT(page->body, Catch::Contains(R"(<a href="/admin/audit.csv?action=account.add" class="csv">)"));
    auto csv = c.Get("/admin/audit.csv?action=account.add", admin.headers());
    REQUIRE(csv);
    REQUIRE(csv->status == 200);
    CHECK(csv->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK_THAT(csv->get_header_value("Content-Disposition"), Catch::Contains("filename=\"nhat-ky-thay-doi-"));
    CHECK_THAT(csv->body, Catch::StartsWith("\xEF\xBB\xBFthoi_gian,nguoi_dung,hanh_dong,hanh_dong_tieng_viet,bai,chi_tiet\n"));
    std::size_t lines = std::count(csv->body.begin(), csv->body.end(), '\n');
    CHECK(lines == 1 + 3 + 3);  // the header, the three tester-made accounts and the admin's three
    CHECK_THAT(csv->body, Catch::Contains(R"(,thu,account.add,Tạo tài khoản,,"{""account"":""chi"",""role"":""reader""}")"));
    CHECK_THAT(csv->body, !Catch::Contains("login.locked"));

    auto all = c.Get("/admin/audit.csv", admin.headers());
    REQUIRE(all->status == 200);
    CHECK_THAT(all->body, Catch::Contains(",'=1+2,login.locked,"));
    CHECK_THAT(all->body, !Catch::Contains(",=1+2"));
    CHECK(c.Get("/admin/audit.csv?from=31/12/2026&to=01/01/2026", admin.headers())->status == 400);
    Session reader = log_in(c, "minh", reader_password);
    CHECK(c.Get("/admin/audit.csv", reader.headers())->status == 403);
}
