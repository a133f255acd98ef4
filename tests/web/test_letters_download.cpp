// The Flagged page's letters download: the items an editor selects, one
// .docx per agency as `presswatch letters` drafts them, a .zip for several.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include <zip.h>

#include "briefing/docx_part.h"
#include "web_fixture.h"

using namespace presswatch;
using namespace presswatch::testing;

namespace {

// The names inside a zip archive held in memory.
std::set<std::string> zip_names(const std::string& bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
    REQUIRE(z);
    std::set<std::string> out;
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) out.insert(zip_get_name(z, static_cast<zip_uint64_t>(i), 0));
    zip_close(z);
    return out;
}

struct Due {
    std::int64_t id;
    std::set<std::string> agencies;
};

// Flagged clippings whose letter has not been sent, with their agencies
// (the search's agency facet, then one search per agency).
std::vector<Due> letters_due() {
    const std::string due = "is:flagged status:pending";
    auto page = cli_json(demo_data(), "search --json --facets --limit 1 '" + due + "'");
    std::map<std::int64_t, std::set<std::string>> by_id;
    for (const auto& f : page["facets"]["agency"]) {
        std::string agency = f["value"];
        auto hits = cli_json(demo_data(), "search --json --limit 1000 '" + due + " agency:" + agency + "'");
        for (const auto& h : hits["hits"]) by_id[h["id"].get<std::int64_t>()].insert(agency);
    }
    std::vector<Due> out;
    for (const auto& [id, agencies] : by_id) out.push_back({id, agencies});
    return out;
}

httplib::Params selection(const RunningServer& server, const std::vector<std::int64_t>& ids) {
    httplib::Params p{{"csrf", server.csrf()}};
    for (auto id : ids) p.emplace("id", std::to_string(id));
    return p;
}

}  // namespace

TEST_CASE("the flagged page lets an editor select the items whose letter is due", "[web][page][letters]") {
    RunningServer server(demo_data());
    auto due = letters_due();
    REQUIRE(!due.empty());
    auto res = server.client().Get("/flagged");
    REQUIRE(res);
    CHECK_THAT(res->body, Catch::Contains("action=\"/flagged/letters\""));
    for (const auto& d : due)
        CHECK_THAT(res->body, Catch::Contains("name=\"id\" value=\"" + std::to_string(d.id) + "\""));
}

TEST_CASE("one selected item gives its agency's letter as .docx; items for several agencies give a .zip of them",
          "[web][page][letters]") {
    RunningServer server(demo_data());
    auto due = letters_due();
    REQUIRE(!due.empty());
    auto c = server.client();

    // One item of one agency: the letter itself.
    auto single = std::find_if(due.begin(), due.end(), [](const Due& d) { return d.agencies.size() == 1; });
    REQUIRE(single != due.end());
    auto one = c.Post("/flagged/letters", selection(server, {single->id}));
    REQUIRE(one);
    CHECK(one->status == 200);
    CHECK(one->get_header_value("Content-Type") ==
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    CHECK_THAT(one->get_header_value("Content-Disposition"),
               Catch::Contains("cong-van-" + *single->agencies.begin() + ".docx"));
    auto text = docx_visible_text(docx_part(one->body, "word/document.xml"));
    CHECK_THAT(text, Catch::Contains("Kính gửi"));

    // Everything due: one letter per agency named by the items, in a zip.
    std::vector<std::int64_t> ids;
    std::set<std::string> expected;
    for (const auto& d : due) {
        ids.push_back(d.id);
        for (const auto& a : d.agencies) expected.insert("cong-van-" + a + ".docx");
    }
    REQUIRE(expected.size() >= 2);
    auto all = c.Post("/flagged/letters", selection(server, ids));
    REQUIRE(all);
    CHECK(all->status == 200);
    CHECK(all->get_header_value("Content-Type") == "application/zip");
    CHECK(zip_names(all->body) == expected);
    for (const auto& name : expected) {
        INFO(name);
        CHECK_THAT(docx_visible_text(docx_part(docx_part(all->body, name.c_str()), "word/document.xml")),
                   Catch::Contains("Kính gửi"));
    }
}

TEST_CASE("a letters request without a selection, with a bad id or with no letter due is refused and says why",
          "[web][page][letters]") {
    RunningServer server(demo_data());
    auto c = server.client();
    auto none = c.Post("/flagged/letters", selection(server, {}));
    REQUIRE(none);
    CHECK(none->status == 400);
    CHECK_THAT(none->body, Catch::Contains("chọn ít nhất một tin"));

    auto bad = c.Post("/flagged/letters", httplib::Params{{"csrf", server.csrf()}, {"id", "1; DROP"}});
    REQUIRE(bad);
    CHECK(bad->status == 400);

    // An article that is not flagged has no letter to draft.
    auto page = cli_json(demo_data(), "search --json --limit 1 'thanh hoa -is:flagged'");
    REQUIRE(!page["hits"].empty());
    auto not_due = c.Post("/flagged/letters", selection(server, {page["hits"][0]["id"].get<std::int64_t>()}));
    REQUIRE(not_due);
    CHECK(not_due->status == 409);

    auto no_token = c.Post("/flagged/letters", httplib::Params{{"id", std::to_string(letters_due().at(0).id)}});
    REQUIRE(no_token);
    CHECK(no_token->status == 403);
}
