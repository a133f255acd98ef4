// Bulk actions on the daily review's selection, and the tone and topic
// controls: the real server on 127.0.0.1 on a copy of the demo's data.
// Every item gets the CLI's audit row; a bad selection changes nothing;
// undo takes back the whole batch.
#include <catch2/catch.hpp>

#include <regex>

#include <fmt/format.h>

#include "store/accounts.h"
#include "store/store.h"
#include "store/workflow.h"
#include "web_fixture.h"

using namespace presswatch;
using namespace presswatch::testing;

namespace {

std::vector<std::int64_t> unreviewed(const std::filesystem::path& data, std::size_t n) {
    store::Store st(data);
    return store::Workflow(st, "x").unreviewed(n);
}

std::size_t new_total(RunningServer& s) { return s.get_json("/api/v1/search?q=is%3Anew")["total"]; }

std::vector<store::AuditEntry> audit(const std::filesystem::path& data, std::int64_t id) {
    store::Store st(data);
    return store::Workflow(st, "x").audit_log(id);
}

store::StoredArticle article(const std::filesystem::path& data, std::int64_t id) {
    store::Store st(data);
    return *st.article(id);
}

httplib::Params bulk_form(const std::vector<std::int64_t>& ids, const std::string& action, const std::string& csrf) {
    httplib::Params p{{"action", action}};
    if (!csrf.empty()) p.emplace("csrf", csrf);
    for (auto id : ids) p.emplace("id", std::to_string(id));
    return p;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("a bulk review form marks every ticked item with the CLI's audit row and undo takes back the batch",
          "[web][review][bulk]") {
    DemoCopy data;
    RunningServer server(data.path(), "chi-lan");
    auto ids = unreviewed(data.path(), 3);
    REQUIRE(ids.size() == 3);
    std::size_t before = new_total(server);
    auto c = server.client();
    auto res = c.Post("/review/bulk", bulk_form(ids, "not-relevant", server.csrf()));
    REQUIRE(res);
    INFO(res->body);
    CHECK(res->status == 303);
    CHECK(res->get_header_value("Location") == "/review");
    CHECK(new_total(server) == before - 3);
    for (auto id : ids) {
        CHECK(article(data.path(), id).review == "not-relevant");
        auto log = audit(data.path(), id);
        REQUIRE_FALSE(log.empty());
        CHECK(log.back().action == "review");
        CHECK(log.back().user == "chi-lan");
        CHECK(log.back().detail_json == R"({"from":"new","to":"not-relevant"})");
    }
    // The notice after the redirect, once.
    auto page = c.Get("/review");
    CHECK_THAT(page->body, Catch::Contains("Đã ghi «Không liên quan» cho 3 tin."));
    CHECK_THAT(c.Get("/review")->body, !Catch::Contains("Đã ghi «Không liên quan»"));

    auto undo = c.Post("/review/undo", httplib::Params{{"csrf", server.csrf()}});
    CHECK(undo->status == 303);
    CHECK(new_total(server) == before);
    for (auto id : ids) CHECK(article(data.path(), id).review == "new");
    CHECK(c.Post("/review/undo", httplib::Params{{"csrf", server.csrf()}})->status == 409);
}

TEST_CASE("select all without JavaScript acts on the ids the list showed", "[web][review][bulk]") {
    DemoCopy data;
    RunningServer server(data.path());
    auto ids = unreviewed(data.path(), 2);
    REQUIRE(ids.size() == 2);
    httplib::Params p{{"action", "relevant"}, {"all", "1"}, {"csrf", server.csrf()}};
    for (auto id : ids) p.emplace("shown", std::to_string(id));
    auto res = server.client().Post("/review/bulk", p);
    REQUIRE(res);
    CHECK(res->status == 303);
    for (auto id : ids) CHECK(article(data.path(), id).review == "relevant");
}

TEST_CASE("the review page has a bulk bar with a box for each item, and tone and topic controls", "[web][review][bulk]") {
    DemoCopy data;
    RunningServer server(data.path());
    auto page = server.client().Get("/review");
    REQUIRE(page->status == 200);
    auto id = std::to_string(unreviewed(data.path(), 1).front());
    CHECK_THAT(page->body, Catch::Contains(R"(<form method="post" action="/review/bulk" id="bulk")"));
    CHECK_THAT(page->body, Catch::Contains(R"(<input type="checkbox" name="id" value=")" + id + R"(" form="bulk")"));
    CHECK_THAT(page->body, Catch::Contains(R"(name="shown" value=")" + id + "\""));
    CHECK_THAT(page->body, Catch::Contains("action=\"/articles/" + id + "/tone\""));
    CHECK_THAT(page->body, Catch::Contains("action=\"/articles/" + id + "/topics\""));
    CHECK_THAT(page->body, Catch::Contains(R"(<option value="moi-truong">)"));
}

TEST_CASE("a bulk action naming an unknown or malformed id changes nothing and says why in Vietnamese",
          "[web][review][bulk][security]") {
    DemoCopy data;
    RunningServer server(data.path());
    auto ids = unreviewed(data.path(), 2);
    auto c = server.client();
    auto csrf = server.csrf();
    std::size_t audit_before = audit(data.path(), ids[0]).size();

    auto missing = c.Post("/review/bulk", bulk_form({ids[0], 987654321, ids[1]}, "relevant", csrf));
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK_THAT(missing->body, Catch::Contains("Không có bài số 987654321; không tin nào được thay đổi."));
    auto bad = c.Post("/review/bulk", httplib::Params{{"action", "relevant"}, {"csrf", csrf},
                                                      {"id", std::to_string(ids[0])}, {"id", "12abc"}});
    CHECK(bad->status == 400);
    CHECK_THAT(bad->body, Catch::Contains("Mã tin «12abc» không hợp lệ"));
    auto none = c.Post("/review/bulk", bulk_form({}, "relevant", csrf));
    CHECK(none->status == 400);
    CHECK_THAT(none->body, Catch::Contains("Chưa chọn tin nào"));
    auto api = c.Post("/api/v1/review/batch", {{"X-CSRF-Token", csrf}},
                      nlohmann::json{{"action", "tone"}, {"tone", "negative"}, {"id", {ids[1], 55555555}}}.dump(),
                      "application/json");
    CHECK(api->status == 404);
    CHECK(nlohmann::json::parse(api->body)["error"]["code"] == "not_found");

    for (auto id : ids) CHECK(article(data.path(), id).review == "new");
    CHECK(audit(data.path(), ids[0]).size() == audit_before);
    CHECK(audit(data.path(), ids[1]).size() == audit_before);
}

TEST_CASE("a bulk POST without the CSRF token is refused and changes nothing", "[web][review][bulk][security]") {
    DemoCopy data;
    RunningServer server(data.path());
    auto ids = unreviewed(data.path(), 2);
    auto c = server.client();
    CHECK(c.Post("/review/bulk", bulk_form(ids, "relevant", ""))->status == 403);
    CHECK(c.Post("/review/bulk", bulk_form(ids, "relevant", "0000"))->status == 403);
    CHECK(c.Post("/api/v1/review/batch", nlohmann::json{{"action", "relevant"}, {"id", ids}}.dump(), "application/json")
              ->status == 403);
    for (auto id : ids) CHECK(article(data.path(), id).review == "new");
}

TEST_CASE("a reader's bulk POST and tone or topic decisions get 403, and the reader sees no controls",
          "[web][review][bulk][security]") {
    DemoCopy data;
    {
        store::Store st(data.path());
        store::Accounts acc(st.db(), "tester");
        acc.add("minh", store::Role::reader, "cầu Hàm Rồng mùa thu");
    }
    web::ServeOptions o;
    o.data_dir = data.path();
    RunningServer server(o);
    auto c = server.client();
    auto s = log_in(c, "minh", "cầu Hàm Rồng mùa thu");
    auto ids = unreviewed(data.path(), 2);
    httplib::Headers form_headers = s.headers();
    CHECK(c.Post("/review/bulk", form_headers, bulk_form(ids, "relevant", s.csrf))->status == 403);
    CHECK(c.Post("/api/v1/review/batch", s.api_headers(), nlohmann::json{{"action", "relevant"}, {"id", ids}}.dump(),
                 "application/json")->status == 403);
    std::string base = "/api/v1/articles/" + std::to_string(ids[0]);
    CHECK(c.Post(base + "/tone", s.api_headers(), R"({"tone":"negative"})", "application/json")->status == 403);
    CHECK(c.Post(base + "/topics", s.api_headers(), R"({"add":["moi-truong"]})", "application/json")->status == 403);
    CHECK(c.Post("/articles/" + std::to_string(ids[0]) + "/tone", form_headers,
                 httplib::Params{{"tone", "negative"}, {"csrf", s.csrf}})->status == 403);
    auto page = c.Get("/articles/" + std::to_string(ids[0]), form_headers);
    REQUIRE(page->status == 200);
    CHECK_THAT(page->body, !Catch::Contains("/tone\""));
    CHECK_THAT(page->body, !Catch::Contains("/topics\""));
    for (auto id : ids) {
        CHECK(article(data.path(), id).review == "new");
        CHECK(audit(data.path(), id).empty());
    }
}

TEST_CASE("tone and topics through the API and the article page's forms, each audited, and undo restores them",
          "[web][review][bulk]") {
    DemoCopy data;
    RunningServer server(data.path(), "chi-lan");
    auto ids = unreviewed(data.path(), 2);
    auto c = server.client();
    auto csrf = server.csrf();
    httplib::Headers h{{"X-CSRF-Token", csrf}};

    // The article page's tone button (a form POST, back to the article).
    auto tone = c.Post("/articles/" + std::to_string(ids[0]) + "/tone", httplib::Params{{"tone", "negative"}, {"csrf", csrf}});
    REQUIRE(tone);
    CHECK(tone->status == 303);
    CHECK(tone->get_header_value("Location") == "/articles/" + std::to_string(ids[0]));
    CHECK(article(data.path(), ids[0]).tone == "negative");
    CHECK(audit(data.path(), ids[0]).back().action == "tone");
    CHECK(audit(data.path(), ids[0]).back().user == "chi-lan");
    auto shown = c.Get("/articles/" + std::to_string(ids[0]));
    CHECK_THAT(shown->body, Catch::Contains(R"(value="negative" type="submit" class="choice" aria-pressed="true")"));

    // A topic added to both through the batch API, then the batch undone.
    std::string topic = "moi-truong";
    auto had = article(data.path(), ids[1]).topics;
    auto add = c.Post("/api/v1/review/batch", h,
                      nlohmann::json{{"action", "topic-add"}, {"topic", topic}, {"id", ids}}.dump(), "application/json");
    REQUIRE(add);
    INFO(add->body);
    CHECK(add->status == 200);
    CHECK(nlohmann::json::parse(add->body)["count"] == 2);
    for (auto id : ids) {
        CHECK(has(article(data.path(), id).topics, topic));
        CHECK(audit(data.path(), id).back().action == "topics");
    }
    {
        auto hits = server.get_json("/api/v1/search?limit=500&q=topic%3A" + topic)["hits"];
        std::size_t found = 0;
        for (const auto& hit : hits) found += hit["id"] == ids[0] || hit["id"] == ids[1];
        CHECK(found == 2);  // in search as soon as the answer comes back
    }
    auto undo = c.Post("/api/v1/review/undo", h, "", "application/json");
    CHECK(undo->status == 200);
    CHECK(nlohmann::json::parse(undo->body)["undone"].size() == 2);
    CHECK(article(data.path(), ids[1]).topics == had);

    // The topic remove button (a form POST from the review list, back to it).
    auto removed = c.Post("/articles/" + std::to_string(ids[0]) + "/topics",
                          httplib::Params{{"remove", topic}, {"add", ""}, {"csrf", csrf}, {"back", "/review"}});
    CHECK(removed->status == 303);
    CHECK(removed->get_header_value("Location") == "/review");
    CHECK_FALSE(has(article(data.path(), ids[0]).topics, topic));

    // Tone "auto" returns to triage's; a bad tone is refused in Vietnamese.
    CHECK(c.Post("/api/v1/articles/" + std::to_string(ids[0]) + "/tone", h, R"({"tone":"auto"})", "application/json")
              ->status == 200);
    auto bad = c.Post("/api/v1/articles/" + std::to_string(ids[0]) + "/tone", h, R"({"tone":"vui"})", "application/json");
    CHECK(bad->status == 400);
    CHECK(nlohmann::json::parse(bad->body)["error"]["message"].get<std::string>().find("Sắc thái không hợp lệ") == 0);
}

TEST_CASE("a bulk flag flags every item and its undo clears only the flags it set", "[web][review][bulk]") {
    DemoCopy data;
    RunningServer server(data.path());
    auto ids = unreviewed(data.path(), 2);
    auto c = server.client();
    httplib::Params p = bulk_form(ids, "flag", server.csrf());
    p.emplace("reason", "báo nêu sai số liệu");
    CHECK(c.Post("/review/bulk", p)->status == 303);
    for (auto id : ids) {
        CHECK(article(data.path(), id).flagged);
        CHECK(audit(data.path(), id).back().action == "flag");
    }
    CHECK(c.Post("/review/undo", httplib::Params{{"csrf", server.csrf()}})->status == 303);
    for (auto id : ids) CHECK_FALSE(article(data.path(), id).flagged);
}

TEST_CASE("a bulk flag with an agency and a severity sets both, and undo gives an item flagged before its own back",
          "[web][review][bulk]") {
    DemoCopy data;
    RunningServer server(data.path());
    auto ids = unreviewed(data.path(), 2);
    REQUIRE(ids.size() == 2);
    auto c = server.client();
    // The first item is flagged already, for the health department, at 1.
    auto one = c.Post(fmt::format("/articles/{}/flag", ids[0]),
                      httplib::Params{{"csrf", server.csrf()}, {"agency", "so-yt"}, {"severity", "1"}, {"reason", "a"}});
    REQUIRE(one->status == 303);
    httplib::Params p = bulk_form(ids, "flag", server.csrf());
    p.emplace("reason", "công trình xuống cấp");
    p.emplace("agency", "so-xd");
    p.emplace("severity", "3");
    auto res = c.Post("/review/bulk", p);
    INFO(res->body);
    CHECK(res->status == 303);
    for (auto id : ids) {
        auto a = article(data.path(), id);
        CHECK(a.flagged);
        CHECK(a.agencies == std::vector<std::string>{"so-xd"});
        CHECK(a.severity == 3);
    }
    CHECK(c.Post("/review/undo", httplib::Params{{"csrf", server.csrf()}})->status == 303);
    auto first = article(data.path(), ids[0]);
    CHECK(first.flagged);
    CHECK(first.agencies == std::vector<std::string>{"so-yt"});
    CHECK(first.severity == 1);
    CHECK_FALSE(article(data.path(), ids[1]).flagged);
}

TEST_CASE("a flag naming an unknown agency or a bad severity changes nothing and says so in Vietnamese",
          "[web][review][bulk]") {
    DemoCopy data;
    RunningServer server(data.path());
    auto ids = unreviewed(data.path(), 2);
    auto c = server.client();
    httplib::Params p = bulk_form(ids, "flag", server.csrf());
    p.emplace("agency", "so-khong-co");
    auto res = c.Post("/review/bulk", p);
    CHECK(res->status == 400);
    CHECK_THAT(res->body, Catch::Contains("Cơ quan không có trong danh sách"));
    httplib::Params q = bulk_form(ids, "flag", server.csrf());
    q.emplace("severity", "7");
    CHECK(c.Post("/review/bulk", q)->status == 400);
    nlohmann::json body = {{"agency", {"so-khong-co"}}, {"reason", "x"}};
    auto api = c.Post("/api/v1/articles/" + std::to_string(ids[0]) + "/flag", {{"X-CSRF-Token", server.csrf()}},
                      body.dump(), "application/json");
    CHECK(api->status == 400);
    CHECK(nlohmann::json::parse(api->body)["error"]["code"] == "bad_agency");
    for (auto id : ids) {
        CHECK_FALSE(article(data.path(), id).flagged);
        auto log = audit(data.path(), id);
        CHECK((log.empty() || log.back().action != "flag"));
    }
}

TEST_CASE("the flag forms offer the agencies by name, the communes' committees included", "[web][review]") {
    DemoCopy data;
    RunningServer server(data.path());
    auto c = server.client();
    auto review = c.Get("/review")->body;
    CHECK_THAT(review, Catch::Contains("id=\"bulk-agency\""));
    CHECK_THAT(review, Catch::Contains(R"(<option value="so-xd">)"));
    auto id = unreviewed(data.path(), 1).at(0);
    auto page = c.Get(fmt::format("/articles/{}", id))->body;
    CHECK_THAT(page, Catch::Contains(R"(<optgroup label="Ủy ban nhân dân xã, phường">)"));
    CHECK_THAT(page, Catch::Contains(R"(<option value="ubnd-phuong-hac-thanh">Ủy ban nhân dân phường Hạc Thành</option>)"));
}

TEST_CASE("a crafted topic name renders inert on the review and article pages", "[web][review][security]") {
    DemoCopy data;
    auto cfg = config::load_config();
    config::Topic t;
    t.slug = "doc-hai";
    t.name = R"x(<script>alert(1)</script><img src=x onerror="alert(2)">)x";
    cfg.triage.topics.push_back(t);
    web::ServeOptions o;
    o.data_dir = data.path();
    o.no_auth = true;
    o.local_user = "web-tester";
    RunningServer server(o, cfg);
    auto c = server.client();
    auto ids = unreviewed(data.path(), 1);
    auto add = c.Post("/review/bulk", httplib::Params{{"action", "topic-add"}, {"topic", "doc-hai"}, {"csrf", server.csrf()},
                                                      {"id", std::to_string(ids[0])}});
    CHECK(add->status == 303);
    for (const std::string& path : {std::string("/review"), "/articles/" + std::to_string(ids[0])}) {
        auto page = c.Get(path);
        REQUIRE(page->status == 200);
        INFO(path);
        CHECK_THAT(page->body, !Catch::Contains("<script>alert(1)"));
        CHECK_THAT(page->body, !Catch::Contains("<img src=x"));
        CHECK_THAT(page->body, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
    // A topic name typed into the request is never echoed raw either.
    auto bad = c.Post("/review/bulk", httplib::Params{{"action", "topic-add"}, {"topic", "<b onmouseover=x>"},
                                                      {"csrf", server.csrf()}, {"id", std::to_string(ids[0])}});
    CHECK(bad->status == 400);
    CHECK_THAT(bad->body, !Catch::Contains("<b onmouseover"));
    CHECK_THAT(bad->body, Catch::Contains("&lt;b onmouseover=x&gt;"));
}

TEST_CASE("one at a time: /review/one opens the oldest unreviewed clipping, a decision goes on to the next, a skipped "
          "one stays behind, and the end goes back to the list",
          "[web][review]") {
    DemoCopy data;
    RunningServer server(data.path(), "chi-lan");
    auto ids = unreviewed(data.path(), 1000);
    REQUIRE(ids.size() >= 4);
    auto c = server.client();
    auto article_of = [](std::int64_t id) { return fmt::format("/articles/{}?review=one", id); };
    auto first = c.Get("/review/one");
    CHECK(first->status == 303);
    CHECK(first->get_header_value("Location") == article_of(ids[0]));

    auto page = c.Get(article_of(ids[0]));
    REQUIRE(page->status == 200);
    CHECK_THAT(page->body, Catch::Contains(fmt::format("tin 1 / {} tin chờ duyệt", ids.size())));
    // Without review mode the article page has no review bar.
    CHECK_THAT(c.Get(fmt::format("/articles/{}", ids[0]))->body, !Catch::Contains("Duyệt từng tin"));

    // Skip the first: the second, and the first stays unreviewed.
    CHECK(c.Get(fmt::format("/review/one?after={}", ids[0]))->get_header_value("Location") == article_of(ids[1]));
    CHECK_THAT(c.Get(article_of(ids[1]))->body, Catch::Contains("tin 2 / "));

    // Relevant on the second (the form the page carries): audited, then on
    // to the third, not back to the skipped first.
    std::string back = fmt::format("/review/one?after={}", ids[1]);
    auto decided = c.Post(fmt::format("/articles/{}/review", ids[1]),
                          httplib::Params{{"csrf", server.csrf()}, {"state", "relevant"}, {"back", back}});
    CHECK(decided->status == 303);
    CHECK(decided->get_header_value("Location") == back);
    CHECK(article(data.path(), ids[1]).review == "relevant");
    CHECK(audit(data.path(), ids[1]).back().user == "chi-lan");
    CHECK(article(data.path(), ids[0]).review == "new");
    CHECK(c.Get(back)->get_header_value("Location") == article_of(ids[2]));

    // Past the last one: the list, saying the skipped ones wait there.
    auto end = c.Get(fmt::format("/review/one?after={}", ids.back()));
    CHECK(end->get_header_value("Location") == "/review");
    CHECK_THAT(c.Get("/review")->body, Catch::Contains("các tin đã bỏ qua vẫn chờ duyệt"));
}
