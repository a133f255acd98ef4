// /api/v1/search against the real server on the demo's crawled data: the
// same answers as `presswatch search --json`, for every spelling, page and
// facet.
#include <catch2/catch.hpp>

#include <algorithm>

#include "web_fixture.h"

using namespace presswatch;
using namespace presswatch::testing;

namespace {

std::vector<std::int64_t> ids_of(const nlohmann::json& page) {
    std::vector<std::int64_t> ids;
    for (const auto& h : page["hits"]) ids.push_back(h["id"]);
    std::sort(ids.begin(), ids.end());  // spellings weigh terms differently: the set is what must agree
    return ids;
}

}  // namespace

TEST_CASE("the API's search finds the CLI's clippings for every spelling of the province", "[web][api]") {
    RunningServer server(demo_data());
    auto cli = cli_json(demo_data(), "search --json --limit 200 'thanh hoa'");
    auto expected = ids_of(cli);
    REQUIRE(expected.size() >= 5);
    for (std::string q : {"thanh hoa", "Thanh Hoá", "THANH HÓA", "Thanh Hóa"}) {
        INFO(q);
        auto page = server.get_json("/api/v1/search?limit=200&q=" + encode(q));
        CHECK(ids_of(page) == expected);
        CHECK(page["total"] == cli["total"]);
    }
}

TEST_CASE("the API's pages and facets equal the CLI's --json", "[web][api]") {
    RunningServer server(demo_data());
    struct Row {
        const char* cli;
        const char* api;
    };
    for (auto row : {Row{"--offset 0 --limit 3", "&offset=0&limit=3"}, Row{"--offset 3 --limit 3", "&offset=3&limit=3"},
                     Row{"--sort date --offset 2 --limit 4", "&sort=date&offset=2&limit=4"},
                     Row{"--collapse --limit 50", "&collapse=1&limit=50"}}) {
        INFO(row.cli);
        auto cli = cli_json(demo_data(), std::string("search --json --facets ") + row.cli + " 'thanh hoa'");
        auto api = server.get_json("/api/v1/search?facets=1&q=" + encode("thanh hoa") + row.api);
        CHECK(api == cli);
        CHECK_FALSE(api["facets"].empty());
    }
}

TEST_CASE("the API answers a bad query with 400, the CLI's message and its column", "[web][api]") {
    RunningServer server(demo_data());
    auto res = server.client().Get("/api/v1/search?q=" + encode("(thanh hoa"));
    REQUIRE(res);
    CHECK(res->status == 400);
    auto j = nlohmann::json::parse(res->body);
    CHECK(j["error"]["code"] == "bad_request");
    auto cli = run_presswatch("--data " + shell_quote(demo_data().string()) + " search '(thanh hoa'");
    CHECK(cli.code == 2);
    CHECK_THAT(cli.out, Catch::Contains(j["error"]["detail"].get<std::string>()));
    CHECK_THAT(j["error"]["detail"].get<std::string>(), Catch::Contains("cột"));
}

TEST_CASE("the search page shows results, facets as filters, paging, and a bad query in place", "[web][page]") {
    RunningServer server(demo_data());
    auto c = server.client();
    auto res = c.Get("/search?q=" + encode("Thanh Hoá") + "&limit=3");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK_THAT(res->body, Catch::Contains("<mark>"));
    CHECK_THAT(res->body, Catch::Contains("Theo báo"));
    CHECK_THAT(res->body, Catch::Contains("outlet%3A"));        // a facet links to its filter
    for (const char* facet : {"Theo cơ quan", "Theo tình trạng phản hồi", "Theo sắc thái"}) {
        INFO(facet);
        CHECK_THAT(res->body, Catch::Contains(facet));
    }
    // Outlets by the names people know, also those only the store names
    // (the demo's outlets are not in the default sources.toml).
    CHECK_THAT(res->body, Catch::Contains("Báo Xứ Thanh"));
    CHECK_THAT(res->body, !Catch::Contains(">xuthanh<"));
    CHECK_THAT(res->body, Catch::Contains("agency%3A"));
    CHECK_THAT(res->body, Catch::Contains("status%3A"));
    CHECK_THAT(res->body, Catch::Contains("tone%3A"));
    CHECK_THAT(res->body, Catch::Contains("rel=\"next\""));     // more than one page
    CHECK_THAT(res->body, Catch::Contains("/search.csv?q="));

    auto bad = c.Get("/search?q=" + encode("thanh AND"));
    REQUIRE(bad);
    CHECK(bad->status == 200);  // the page, with the message in place
    CHECK_THAT(bad->body, Catch::Contains("query-error"));
    CHECK_THAT(bad->body, Catch::Contains("cột"));
}

TEST_CASE("the CSV export holds the whole result set as the CLI writes it", "[web][page]") {
    RunningServer server(demo_data());
    auto res = server.client().Get("/search.csv?q=" + encode("thanh hoa"));
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    auto cli = run_presswatch("--data " + shell_quote(demo_data().string()) + " search --csv --limit 1000 'thanh hoa'");
    CHECK(res->body == "\xEF\xBB\xBF" + cli.out);
}
