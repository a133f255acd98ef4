// Decisions through the API: the same store::Workflow rules and audit rows
// as the CLI, the account's name as the user, and search up to date when
// the answer comes back.
#include <catch2/catch.hpp>

#include "store/store.h"
#include "store/workflow.h"
#include "text/dates.h"
#include "web_fixture.h"

using namespace presswatch;
using namespace presswatch::testing;

namespace {

struct Api {
    RunningServer& server;
    std::string csrf;
    httplib::Result post(const std::string& path, const nlohmann::json& body) {
        auto c = server.client();
        return c.Post(path, {{"X-CSRF-Token", csrf}}, body.dump(), "application/json");
    }
    std::size_t total(const std::string& q) {
        return server.get_json("/api/v1/search?q=" + encode(q))["total"];
    }
};

std::int64_t first_hit(RunningServer& s, const std::string& q) {
    auto page = s.get_json("/api/v1/search?sort=date&q=" + encode(q));
    if (page["hits"].empty()) throw std::runtime_error("nothing matches " + q);
    return page["hits"][0]["id"];
}

}  // namespace

TEST_CASE("a review decision in the browser is audited under the account and drops is:new at once", "[web][api]") {
    DemoCopy data;
    RunningServer server(data.path(), "chi-lan");
    Api api{server, server.csrf()};
    std::size_t before = api.total("is:new");
    REQUIRE(before >= 3);
    auto id = first_hit(server, "is:new");
    auto res = api.post("/api/v1/articles/" + std::to_string(id) + "/review", {{"state", "relevant"}});
    REQUIRE(res);
    INFO(res->body);
    CHECK(res->status == 200);
    CHECK(nlohmann::json::parse(res->body)["review"] == "relevant");
    CHECK(api.total("is:new") == before - 1);

    store::Store st(data.path());
    auto log = store::Workflow(st, "x").audit_log(id);
    REQUIRE_FALSE(log.empty());
    CHECK(log.back().user == "chi-lan");
    CHECK(log.back().action == "review");

    SECTION("undo puts it back, through the same audit log") {
        auto u = api.post("/api/v1/review/undo", nlohmann::json::object());
        REQUIRE(u);
        CHECK(u->status == 200);
        CHECK(api.total("is:new") == before);
        auto again = api.post("/api/v1/review/undo", nlohmann::json::object());
        CHECK(again->status == 409);
    }
}

TEST_CASE("the response chain through the API: each step in order, 409 for a step out of order", "[web][api]") {
    DemoCopy data;
    RunningServer server(data.path());
    Api api{server, server.csrf()};
    auto id = first_hit(server, "-is:flagged");
    std::string base = "/api/v1/articles/" + std::to_string(id);

    auto early = api.post(base + "/respond", {{"step", "answered"}, {"date", "2026-11-20"}});
    CHECK(early->status == 409);
    CHECK(nlohmann::json::parse(early->body)["error"]["code"] == "conflict");

    auto flag = api.post(base + "/flag", {{"agency", {"so-yt"}}, {"severity", 2}, {"reason", "kiểm tra"}});
    INFO(flag->body);
    REQUIRE(flag->status == 200);
    CHECK(nlohmann::json::parse(flag->body)["flagged"] == true);

    auto no_letter = api.post(base + "/respond", {{"step", "sent"}, {"date", "2026-11-20"}});
    CHECK(no_letter->status == 400);  // bad input, not a chain refusal

    std::string today = text::iso_date(static_cast<std::int64_t>(std::time(nullptr)));
    auto sent = api.post(base + "/respond", {{"step", "sent"}, {"letter", "12/STTTT-BC"}, {"date", today}});
    INFO(sent->body);
    REQUIRE(sent->status == 200);
    CHECK(nlohmann::json::parse(sent->body)["status"] == "sent");
    CHECK(api.total("status:sent") >= 1);

    CHECK(api.post(base + "/respond", {{"step", "sent"}, {"letter", "13/X"}, {"date", "2026-11-21"}})->status == 409);
    auto answered = api.post(base + "/respond", {{"step", "answered"}, {"date", today}, {"reply", "5/SYT"}});
    REQUIRE(answered->status == 200);
    CHECK(nlohmann::json::parse(answered->body)["response"]["reply"] == "5/SYT");
    CHECK(api.post(base + "/respond", {{"step", "close"}})->status == 200);
    CHECK(api.post(base + "/respond", {{"step", "close"}})->status == 409);
    CHECK(api.post(base + "/respond", {{"step", "reopen"}, {"reason", "chưa xong"}})->status == 200);
    CHECK(api.post(base + "/respond", {{"step", "teleport"}})->status == 400);
    CHECK(api.post("/api/v1/articles/999999/respond", {{"step", "close"}})->status == 400);
    CHECK(server.client().Get("/api/v1/articles/999999")->status == 404);
}

TEST_CASE("saved searches through the API: save, list, run as @NAME, delete", "[web][api]") {
    DemoCopy data;
    RunningServer server(data.path());
    Api api{server, server.csrf()};
    auto saved = api.post("/api/v1/saved-searches", {{"name", "tinh-nha"}, {"q", "thanh hoa"}, {"sort", "date"}});
    INFO(saved->body);
    REQUIRE(saved->status == 201);
    auto list = server.get_json("/api/v1/saved-searches");
    REQUIRE(list.size() == 1);
    CHECK(list[0]["created_by"] == "web-tester");
    CHECK(server.get_json("/api/v1/search?q=%40tinh-nha")["total"] == api.total("thanh hoa"));
    CHECK(api.post("/api/v1/saved-searches", {{"name", "hong"}, {"q", "(thanh"}})->status == 400);
    auto c = server.client();
    CHECK(c.Delete("/api/v1/saved-searches/tinh-nha", {{"X-CSRF-Token", api.csrf}})->status == 200);
    CHECK(c.Delete("/api/v1/saved-searches/tinh-nha", {{"X-CSRF-Token", api.csrf}})->status == 404);
}
