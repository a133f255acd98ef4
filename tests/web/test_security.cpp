// The web server's defences, each against the attack it stops.
#include <catch2/catch.hpp>

#include <regex>

#include "index/index.h"
#include "pipeline/index_sync.h"
#include "store/saved_search.h"
#include "store/store.h"
#include "store/workflow.h"
#include "web/serve_options.h"
#include "web_fixture.h"

using namespace presswatch;
using namespace presswatch::testing;

namespace {

// Markup that would run or load something if a page let it through.
const std::vector<std::string> hostile = {
    "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<iframe src=\"https://evil.example/\"></iframe>",
    "<a href=\"javascript:alert(3)\">x</a>", "<svg onload=alert(4)>"};

std::string all_of_hostile() {
    std::string s;
    for (const auto& h : hostile) s += h + " ";
    return s;
}

// An article whose every field is an attack, about Thanh Hóa so that it is
// a clipping that shows on every page.
std::int64_t save_crafted_article(const std::filesystem::path& data) {
    store::Store st(data);
    Article a;
    a.url = "javascript:alert(5)";
    a.headline = "Thanh Hóa " + all_of_hostile();
    a.description = "Thanh Hóa " + all_of_hostile();
    a.author = all_of_hostile();
    a.body = "Tin ở Thanh Hóa.\n\n" + all_of_hostile() + "\n\nThanh Hóa lần nữa.";
    a.published = static_cast<std::int64_t>(std::time(nullptr)) - 600;
    triage::Decision d;
    d.clipping = true;
    d.score = 5;
    d.reasons = {all_of_hostile()};
    d.flag.needed = true;
    d.flag.reasons = {all_of_hostile()};
    store::Snapshot snap{"https://evil.example/", a.published.value_or(0), 200, "",
                         "<html><body><script>parent.document.title='pwned'</script>" + all_of_hostile() +
                             "</body></html>"};
    auto id = st.save_article(st.stats().outlets.empty() ? "vnexpress" : st.stats().outlets[0].slug, a, d, snap).id;
    store::Workflow(st, "tester").add_note(id, all_of_hostile());
    store::save_search(st, {"doc-hai", "\"<script>alert(6)</script>\" thanh hoa", false, false, "", "tester"});
    pipeline::sync_index(st);
    return id;
}

// No element or attribute from the hostile strings survives as markup.
void check_inert(const std::string& page) {
    CHECK(page.find("<script>alert") == std::string::npos);
    CHECK(page.find("<img src=x") == std::string::npos);
    CHECK(page.find("<iframe src=\"https://evil") == std::string::npos);
    CHECK(page.find("<svg") == std::string::npos);
    CHECK(page.find("href=\"javascript:") == std::string::npos);
    CHECK(page.find("src=\"javascript:") == std::string::npos);
    static const std::regex handler(R"(<[^>]*\son(error|load)=)", std::regex::icase);
    CHECK_FALSE(std::regex_search(page, handler));
    // Our own markup still there: the only script is the embedded file.
    static const std::regex script_tag(R"(<script(?![^>]*src="/static/app\.js")[^>]*>)");
    CHECK_FALSE(std::regex_search(page, script_tag));
}

}  // namespace

TEST_CASE("a crafted article renders inert on every page", "[web][security]") {
    DemoCopy data;
    auto id = save_crafted_article(data.path());
    RunningServer server(data.path());
    auto c = server.client();
    for (const std::string& path :
         std::vector<std::string>{"/articles/" + std::to_string(id), "/search?q=" + encode("thanh hoa") + "&sort=date",
                                  "/search?q=%40doc-hai", "/search", "/today", "/review"}) {
        INFO(path);
        auto res = c.Get(path);
        REQUIRE(res);
        CHECK(res->status == 200);
        check_inert(res->body);
    }
    // The archived page itself runs nothing: sandboxed, no script, no network.
    auto snap = c.Get("/articles/" + std::to_string(id) + "/snapshot");
    REQUIRE(snap);
    auto csp = snap->get_header_value("Content-Security-Policy");
    CHECK_THAT(csp, Catch::StartsWith("sandbox;"));
    CHECK_THAT(csp, Catch::Contains("default-src 'none'"));
    CHECK(csp.find("script") == std::string::npos);
    auto page = c.Get("/articles/" + std::to_string(id));
    CHECK_THAT(page->body, Catch::Contains("<iframe sandbox=\"\" src=\"/articles/"));
}

TEST_CASE("every answer carries the security headers, errors included", "[web][security]") {
    RunningServer server(demo_data());
    auto c = server.client();
    for (std::string path : {"/search", "/today", "/api/v1/search?q=thanh", "/no-such-page", "/api/v1/nothing",
                             "/static/style.css", "/articles/999999"}) {
        INFO(path);
        auto res = c.Get(path);
        REQUIRE(res);
        auto csp = res->get_header_value("Content-Security-Policy");
        CHECK_THAT(csp, Catch::Contains("script-src 'self'"));
        CHECK_THAT(csp, Catch::Contains("frame-ancestors 'none'"));
        CHECK(csp.find("unsafe-inline") == std::string::npos);
        CHECK(res->get_header_value("X-Frame-Options") == "DENY");
        CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(res->get_header_value("Referrer-Policy") == "same-origin");
    }
    CHECK(c.Get("/no-such-page")->status == 404);
    CHECK(c.Get("/api/v1/nothing")->status == 404);
    CHECK(nlohmann::json::parse(c.Get("/api/v1/nothing")->body)["error"]["code"] == "not_found");
}

TEST_CASE("a state change without the CSRF token, or with a wrong one, gets 403 and changes nothing",
          "[web][security]") {
    DemoCopy data;
    RunningServer server(data.path());
    auto c = server.client();
    auto id = server.get_json("/api/v1/search?q=is%3Anew")["hits"][0]["id"].get<std::int64_t>();
    std::string path = "/api/v1/articles/" + std::to_string(id) + "/review";
    std::string body = R"({"state":"relevant"})";
    CHECK(c.Post(path, body, "application/json")->status == 403);
    CHECK(c.Post(path, {{"X-CSRF-Token", std::string(64, 'a')}}, body, "application/json")->status == 403);
    // The page's form without its hidden field.
    CHECK(c.Post("/articles/" + std::to_string(id) + "/review", "state=relevant",
                 "application/x-www-form-urlencoded")->status == 403);
    store::Store st(data.path());
    CHECK(st.article(id)->review == "new");
    // With the token it works (the defence, not the route, refused).
    CHECK(c.Post(path, {{"X-CSRF-Token", server.csrf()}}, body, "application/json")->status == 200);
}

TEST_CASE("a request for another host name (DNS rebinding) gets no local user", "[web][security]") {
    RunningServer server(demo_data());
    auto c = server.client();
    auto res = c.Get("/api/v1/search?q=thanh", {{"Host", "evil.example:8080"}});
    REQUIRE(res);
    CHECK(res->status == 401);
    CHECK(c.Get("/search", {{"Host", "evil.example"}})->status == 401);
}

TEST_CASE("every page names its icon, embedded like the styles, so no browser asks for a missing /favicon.ico",
          "[web]") {
    RunningServer server(demo_data());
    auto c = server.client();
    auto page = c.Get("/search");
    REQUIRE(page);
    CHECK_THAT(page->body, Catch::Contains("<link rel=\"icon\" href=\"/static/favicon.svg\""));
    auto icon = c.Get("/static/favicon.svg");
    REQUIRE(icon);
    CHECK(icon->status == 200);
    CHECK(icon->get_header_value("Content-Type") == "image/svg+xml");
    CHECK_THAT(icon->body, Catch::StartsWith("<svg"));
}

TEST_CASE("static paths serve only the embedded files: ../ and its encodings get 404", "[web][security]") {
    RunningServer server(demo_data());
    auto c = server.client();
    CHECK(c.Get("/static/style.css")->status == 200);
    CHECK(c.Get("/static/app.js")->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
    for (std::string path : {"/static/../CMakeLists.txt", "/static/..%2fCMakeLists.txt", "/static/%2e%2e/%2e%2e/etc/passwd",
                             "/static/..%252f..%252fetc%252fpasswd", "/static/%2e%2e%5cCMakeLists.txt",
                             "/static/../../../../etc/passwd", "/static/", "/static/.", "/static/style.css/..",
                             "/articles/1/snapshot/../../../etc/passwd"}) {
        INFO(path);
        auto res = c.Get(path);
        REQUIRE(res);
        CHECK(res->status == 404);
        CHECK(res->body.find("root:") == std::string::npos);
    }
}

TEST_CASE("a 20 MB request body gets 413", "[web][security]") {
    RunningServer server(demo_data());
    auto c = server.client();
    std::string big(20 << 20, 'x');
    auto res = c.Post("/api/v1/articles/1/review", {{"X-CSRF-Token", server.csrf()}}, big, "application/json");
    REQUIRE(res);
    CHECK(res->status == 413);
    CHECK(c.Post("/articles/1/review", big, "application/x-www-form-urlencoded")->status == 413);
}

TEST_CASE("serve refuses addresses and options that would expose the data", "[web][security]") {
    using web::ServeOptions;
    auto refused = [](ServeOptions o, bool accounts) {
        try {
            web::check_listen_policy(o, accounts);
            return std::string();
        } catch (const InputError& e) {
            return std::string(e.what());
        }
    };
    ServeOptions o;
    o.host = "0.0.0.0";
    CHECK_THAT(refused(o, false), Catch::Contains("presswatch user add"));
    CHECK(refused(o, true).empty());
    o.no_auth = true;
    CHECK_THAT(refused(o, true), Catch::Contains("--no-auth is allowed only on a loopback"));
    o.host = "127.0.0.1";
    CHECK(refused(o, false).empty());
    o.tls_cert = "cert.pem";
    CHECK_THAT(refused(o, false), Catch::Contains("--tls-key"));

    auto r = run_presswatch("--data " + shell_quote(demo_data().string()) + " serve --no-auth --listen 0.0.0.0:0");
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("loopback"));
    r = run_presswatch("--data " + shell_quote(demo_data().string()) + " serve --listen localhost");
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("--listen"));
}

TEST_CASE("serve's listen address takes IPv4, a bracketed IPv6 and a port, and names what is wrong", "[web]") {
    struct Row {
        const char* listen;
        const char* host;
        int port;
    };
    for (auto row : {Row{"127.0.0.1:8080", "127.0.0.1", 8080}, Row{"[::1]:80", "::1", 80}, Row{"0.0.0.0:0", "0.0.0.0", 0}}) {
        web::ServeOptions o;
        web::parse_listen(row.listen, o);
        CHECK(o.host == row.host);
        CHECK(o.port == row.port);
    }
    for (const char* bad : {"8080", ":8080", "127.0.0.1:", "127.0.0.1:99999", "127.0.0.1:80x", "[::1:80"}) {
        INFO(bad);
        web::ServeOptions o;
        CHECK_THROWS_WITH(web::parse_listen(bad, o), Catch::Contains("--listen"));
    }
}
