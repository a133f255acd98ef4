// Logging in with accounts (store/accounts.h) and what a session may do:
// the real server on 127.0.0.1 without --no-auth, on a copy of the demo's
// data with accounts created directly in its store.
#include <catch2/catch.hpp>

#include <regex>

#include "store/accounts.h"
#include "store/store.h"
#include "web_fixture.h"

using namespace presswatch;
using namespace presswatch::testing;

namespace {

const std::string editor_password = "Hàm Rồng 1975 sông Mã";
const std::string reader_password = "cầu Hàm Rồng mùa thu";

// The demo's data with an editor "lan" and a reader "minh", and a server
// that asks them to log in. Login limits are small so a lock takes three tries.
struct AuthWorld {
    DemoCopy data;
    std::unique_ptr<RunningServer> server;

    explicit AuthWorld(bool behind_proxy = false) {
        {
            store::Store st(data.path());
            store::Accounts acc(st.db(), "tester");
            acc.add("lan", store::Role::editor, editor_password);
            acc.add("minh", store::Role::reader, reader_password);
        }
        web::ServeOptions o;
        o.data_dir = data.path();
        o.behind_proxy = behind_proxy;
        o.login_limits.account_failures = 3;
        o.login_limits.address_failures = 100;
        o.login_limits.window = std::chrono::seconds(600);
        o.login_limits.lock = std::chrono::seconds(600);
        server = std::make_unique<RunningServer>(o);
    }
    httplib::Client client() const { return server->client(); }
};

httplib::Result post_login(httplib::Client& c, const std::string& name, const std::string& password,
                           const std::string& next = "/search") {
    return c.Post("/login", httplib::Params{{"name", name}, {"password", password}, {"next", next}});
}

// The session cookie ("presswatch_session=...") a successful login set.
std::string login_cookie(httplib::Client& c, const std::string& name, const std::string& password) {
    auto res = post_login(c, name, password);
    REQUIRE(res);
    REQUIRE(res->status == 303);
    std::string set = res->get_header_value("Set-Cookie");
    REQUIRE_THAT(set, Catch::StartsWith("presswatch_session="));
    return set.substr(0, set.find(';'));
}

// The CSRF token the pages of this session carry.
std::string session_csrf(httplib::Client& c, const std::string& cookie) {
    auto res = c.Get("/search", {{"Cookie", cookie}});
    REQUIRE(res);
    REQUIRE(res->status == 200);
    std::smatch m;
    static const std::regex meta(R"re(<meta name="csrf-token" content="([^"]+)">)re");
    REQUIRE(std::regex_search(res->body, m, meta));
    return m[1];
}

std::int64_t first_new_article(httplib::Client& c, const std::string& cookie) {
    auto res = c.Get("/api/v1/search?q=is%3Anew", {{"Cookie", cookie}});
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return nlohmann::json::parse(res->body)["hits"][0]["id"].get<std::int64_t>();
}

std::string error_message(const std::string& page) {
    std::smatch m;
    static const std::regex alert(R"re(<p class="error" role="alert">([^<]*)</p>)re");
    return std::regex_search(page, m, alert) ? std::string(m[1]) : std::string();
}

}  // namespace

TEST_CASE("logging in sets a session cookie that is HttpOnly and SameSite=Strict, and goes to next",
          "[web][auth]") {
    AuthWorld w;
    auto c = w.client();
    auto res = post_login(c, "LAN", editor_password, "/search?q=thanh");
    REQUIRE(res);
    CHECK(res->status == 303);
    CHECK(res->get_header_value("Location") == "/search?q=thanh");
    std::string set = res->get_header_value("Set-Cookie");
    CHECK_THAT(set, Catch::Contains("HttpOnly"));
    CHECK_THAT(set, Catch::Contains("SameSite=Strict"));
    CHECK_THAT(set, Catch::Contains("Path=/"));
    CHECK(set.find("Secure") == std::string::npos);  // plain HTTP on loopback: a Secure cookie would not come back
    std::string cookie = set.substr(0, set.find(';'));
    auto page = c.Get("/search", {{"Cookie", cookie}});
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK_THAT(page->body, Catch::Contains("lan"));
    CHECK_THAT(page->body, Catch::Contains("action=\"/logout\""));
    // next cannot send people to another site.
    for (std::string next : {"//evil.example/", "https://evil.example/", "/\\evil.example"}) {
        INFO(next);
        auto r = post_login(c, "lan", editor_password, next);
        CHECK(r->get_header_value("Location") == "/today");
    }
}

TEST_CASE("behind a proxy the session cookie is Secure", "[web][auth]") {
    AuthWorld w(true);
    auto c = w.client();
    auto res = post_login(c, "lan", editor_password);
    REQUIRE(res);
    CHECK(res->status == 303);
    CHECK_THAT(res->get_header_value("Set-Cookie"), Catch::Contains("; Secure"));
}

TEST_CASE("a wrong password and an unknown name get the same 401 and message, and no cookie", "[web][auth]") {
    AuthWorld w;
    auto c = w.client();
    auto wrong = post_login(c, "lan", "not the password at all");
    auto unknown = post_login(c, "nobody-here", "not the password at all");
    REQUIRE(wrong);
    REQUIRE(unknown);
    CHECK(wrong->status == 401);
    CHECK(unknown->status == 401);
    CHECK_FALSE(error_message(wrong->body).empty());
    CHECK(error_message(wrong->body) == error_message(unknown->body));
    CHECK_FALSE(wrong->has_header("Set-Cookie"));
    CHECK_FALSE(unknown->has_header("Set-Cookie"));
}

TEST_CASE("every /api/v1/ route without a session gets 401; pages send to the login page", "[web][auth]") {
    AuthWorld w;
    auto c = w.client();
    // The routes as the API describes them; the description itself is public.
    auto spec_res = c.Get("/api/v1/openapi.json");
    REQUIRE(spec_res);
    REQUIRE(spec_res->status == 200);
    auto spec = nlohmann::json::parse(spec_res->body);
    int routes = 0;
    for (const auto& [pattern, methods] : spec["paths"].items()) {
        if (pattern.rfind("/api/v1/", 0) != 0) continue;  // /login and /logout are HTML forms
        std::string path = std::regex_replace(pattern, std::regex(R"(\{id\})"), "1");
        path = std::regex_replace(path, std::regex(R"(\{name\})"), "x");
        for (const auto& [method, op] : methods.items()) {
            for (std::string cookie : {std::string(), "presswatch_session=" + std::string(64, 'a')}) {
                INFO(method << " " << path << " cookie " << cookie);
                httplib::Headers h;
                if (!cookie.empty()) h.emplace("Cookie", cookie);
                httplib::Result res = method == "get"      ? c.Get(path, h)
                                      : method == "post"   ? c.Post(path, h, "{}", "application/json")
                                      : method == "delete" ? c.Delete(path, h)
                                      : method == "patch"  ? c.Patch(path, h, "{}", "application/json")
                                                           : c.Put(path, h, "{}", "application/json");
                REQUIRE(res);
                CHECK(res->status == 401);
                CHECK(nlohmann::json::parse(res->body)["error"]["code"] == "unauthenticated");
            }
            ++routes;
        }
    }
    CHECK(routes >= 10);
    for (std::string page : {"/today", "/search?q=thanh", "/review", "/flagged", "/briefing", "/sources", "/articles/1"}) {
        INFO(page);
        auto res = c.Get(page);
        REQUIRE(res);
        CHECK(res->status == 303);
        std::string location = res->get_header_value("Location");
        REQUIRE_THAT(location, Catch::StartsWith("/login?next="));
        CHECK(httplib::detail::decode_url(location.substr(12), false) == page);
    }
    // What needs no session: the login page and the embedded assets.
    CHECK(c.Get("/login")->status == 200);
    CHECK(c.Get("/static/style.css")->status == 200);
}

TEST_CASE("a reader may read but a reader's decision gets 403; an editor's is audited under the account's name",
          "[web][auth]") {
    AuthWorld w;
    auto c = w.client();
    auto reader = login_cookie(c, "minh", reader_password);
    auto id = first_new_article(c, reader);
    CHECK(c.Get("/api/v1/articles/" + std::to_string(id), {{"Cookie", reader}})->status == 200);
    std::string path = "/api/v1/articles/" + std::to_string(id) + "/review";
    std::string body = R"({"state":"relevant"})";
    auto denied = c.Post(path, {{"Cookie", reader}, {"X-CSRF-Token", session_csrf(c, reader)}}, body, "application/json");
    REQUIRE(denied);
    CHECK(denied->status == 403);
    CHECK(nlohmann::json::parse(denied->body)["error"]["code"] == "forbidden");
    CHECK(c.Get("/review", {{"Cookie", reader}})->status == 403);
    {
        store::Store st(w.data.path());
        CHECK(st.article(id)->review == "new");
    }
    auto editor = login_cookie(c, "lan", editor_password);
    auto ok = c.Post(path, {{"Cookie", editor}, {"X-CSRF-Token", session_csrf(c, editor)}}, body, "application/json");
    REQUIRE(ok);
    CHECK(ok->status == 200);
    store::Store st(w.data.path());
    CHECK(st.article(id)->review == "relevant");
    auto q = st.db().prepare("SELECT user FROM audit WHERE article_id = ?1 ORDER BY id DESC LIMIT 1");
    q.bind(1, id);
    REQUIRE(q.step());
    CHECK(q.text(0) == "lan");
}

TEST_CASE("a state change without the session's own CSRF token gets 403; with it 2xx", "[web][auth]") {
    AuthWorld w;
    auto c = w.client();
    auto editor = login_cookie(c, "lan", editor_password);
    auto other = login_cookie(c, "minh", reader_password);
    auto id = first_new_article(c, editor);
    std::string api = "/api/v1/articles/" + std::to_string(id) + "/review";
    std::string body = R"({"state":"relevant"})";
    CHECK(c.Post(api, {{"Cookie", editor}}, body, "application/json")->status == 403);
    CHECK(c.Post(api, {{"Cookie", editor}, {"X-CSRF-Token", session_csrf(c, other)}}, body, "application/json")
              ->status == 403);
    std::string form = "/articles/" + std::to_string(id) + "/review";
    CHECK(c.Post(form, {{"Cookie", editor}}, "state=relevant", "application/x-www-form-urlencoded")->status == 403);
    CHECK(c.Post("/logout", {{"Cookie", editor}}, "", "application/x-www-form-urlencoded")->status == 403);
    {
        store::Store st(w.data.path());
        CHECK(st.article(id)->review == "new");
    }
    std::string csrf = session_csrf(c, editor);
    CHECK(c.Post(form, {{"Cookie", editor}}, "state=relevant&csrf=" + csrf, "application/x-www-form-urlencoded")
              ->status == 303);
    CHECK(c.Post(api, {{"Cookie", editor}, {"X-CSRF-Token", csrf}}, R"({"state":"not-relevant"})", "application/json")
              ->status == 200);
    store::Store st(w.data.path());
    CHECK(st.article(id)->review == "not-relevant");
}

TEST_CASE("logout ends the session on the server: the old cookie then gets 401", "[web][auth]") {
    AuthWorld w;
    auto c = w.client();
    auto cookie = login_cookie(c, "lan", editor_password);
    CHECK(c.Get("/api/v1/search?q=thanh", {{"Cookie", cookie}})->status == 200);
    auto out = c.Post("/logout", {{"Cookie", cookie}}, "csrf=" + session_csrf(c, cookie),
                      "application/x-www-form-urlencoded");
    REQUIRE(out);
    CHECK(out->status == 303);
    CHECK_THAT(out->get_header_value("Set-Cookie"), Catch::Contains("Max-Age=0"));
    // A client that kept the cookie anyway gets nothing.
    CHECK(c.Get("/api/v1/search?q=thanh", {{"Cookie", cookie}})->status == 401);
    CHECK(c.Get("/search", {{"Cookie", cookie}})->status == 303);
}

TEST_CASE("repeated wrong passwords lock the name: 429, even with the right one, and an audit row", "[web][auth]") {
    AuthWorld w;
    auto c = w.client();
    for (int i = 0; i < 3; ++i) CHECK(post_login(c, "lan", "wrong password " + std::to_string(i))->status == 401);
    auto locked = post_login(c, "lan", editor_password);
    REQUIRE(locked);
    CHECK(locked->status == 429);
    CHECK(locked->has_header("Retry-After"));
    CHECK_THAT(error_message(locked->body), Catch::Contains("tạm khóa"));
    CHECK_FALSE(locked->has_header("Set-Cookie"));
    store::Store st(w.data.path());
    auto q = st.db().prepare("SELECT count(*) FROM audit WHERE action = 'login.locked'");
    REQUIRE(q.step());
    CHECK(q.int64(0) >= 1);
}
