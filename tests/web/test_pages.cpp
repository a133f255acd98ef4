// The other pages against the real server on the demo's data: each answers,
// shows what its CLI command shows, and takes bad input as a 400 page.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>

#include "briefing/pdf_text.h"
#include "web_fixture.h"

using namespace presswatch;
using namespace presswatch::testing;

TEST_CASE("today, flagged, briefing and sources pages answer in Vietnamese", "[web][page]") {
    RunningServer server(demo_data());
    auto c = server.client();
    struct Row {
        const char* path;
        const char* shows;
    };
    for (auto row : {Row{"/today", "Điểm tin ngày"}, Row{"/flagged", "Tin cần trả lời"},
                     Row{"/flagged?status=overdue", "Quá hạn"}, Row{"/briefing?month=2026-11", "Báo cáo tháng 2026-11"},
                     Row{"/sources", "Nguồn tin"}, Row{"/review", "Duyệt tin"}}) {
        INFO(row.path);
        auto res = c.Get(row.path);
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
        CHECK_THAT(res->body, Catch::Contains(row.shows));
        CHECK_THAT(res->body, Catch::Contains("<html lang=\"vi\">"));
    }
    for (const char* bad : {"/flagged?status=%3Cx%3E", "/briefing?month=2026-13", "/today?date=hôm-qua",
                            "/search?q=thanh&offset=abc", "/briefing/download?month=2026-11&format=exe"}) {
        INFO(bad);
        auto res = c.Get(bad);
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK_THAT(res->body, Catch::Contains("Yêu cầu không hợp lệ"));
    }
    CHECK(c.Get("/")->status == 303);
    CHECK(c.Get("/")->get_header_value("Location") == "/today");
}

TEST_CASE("the flagged page lists every flagged clipping the CLI's search finds", "[web][page]") {
    RunningServer server(demo_data());
    auto cli = cli_json(demo_data(), "search --json --limit 1000 is:flagged");
    auto res = server.client().Get("/flagged");
    REQUIRE(res);
    std::size_t rows = 0;
    for (std::size_t at = 0; (at = res->body.find("<li class=\"hit\">", at)) != std::string::npos; ++at) ++rows;
    CHECK(rows == cli["hits"].size());
    for (const auto& h : cli["hits"]) CHECK_THAT(res->body, Catch::Contains("/articles/" + std::to_string(h["id"].get<long>())));
}

TEST_CASE("the briefing downloads are the CLI's reports, and the Word file opens", "[web][page]") {
    RunningServer server(demo_data());
    auto c = server.client();
    TempDir work;
    for (const char* format : {"csv", "json", "html", "docx"}) {
        INFO(format);
        auto res = c.Get(std::string("/briefing/download?month=2026-11&format=") + format);
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK_THAT(res->get_header_value("Content-Disposition"), Catch::Contains("attachment"));
        auto out = work.path() / (std::string("cli.") + format);
        auto r = run_presswatch("--data " + shell_quote(demo_data().string()) + " briefing --month 2026-11 -o " +
                                shell_quote(out.string()));
        REQUIRE(r.code == 0);
        std::ifstream f(out, std::ios::binary);
        std::string cli((std::istreambuf_iterator<char>(f)), {});
        std::string body = res->body;
        if (std::string(format) == "csv") body = body.substr(3);  // the BOM for Excel
        // CSV holds only figures; JSON and HTML also say when they were made.
        if (std::string(format) == "csv") CHECK(body == cli);
        if (std::string(format) == "json")
            CHECK(nlohmann::json::parse(body)["totals"] == nlohmann::json::parse(cli)["totals"]);
        if (std::string(format) == "html") CHECK_THAT(body, Catch::Contains("2026-11") || Catch::Contains("11/2026"));
        if (std::string(format) == "docx") CHECK(body.rfind("PK", 0) == 0);
        if (std::string(format) == "docx") {
            auto docx = work.path() / "web.docx";
            std::ofstream(docx, std::ios::binary) << res->body;
            auto text = docx_pdf_text(docx, work.path());
            if (!text) {
                WARN("LibreOffice is not installed: the Word file was not opened");
            } else {
                CHECK_THAT(without_spaces(*text), Catch::Contains("2026"));
            }
        }
    }
}

TEST_CASE("an article whose body repeats its lead shows the lead once", "[web][page]") {
    // The demo's outlets, like many real ones, print the lead above the body
    // and the extracted body starts with it again.
    store::Store st(demo_data());
    std::int64_t id = 0;
    std::string lead;
    for (auto aid : st.all_article_ids()) {
        auto a = st.article(aid);
        if (a && !a->article.description.empty() && a->article.body.starts_with(a->article.description + "\n\n")) {
            id = aid;
            lead = a->article.description;
            break;
        }
    }
    REQUIRE(id != 0);
    RunningServer server(demo_data());
    auto res = server.client().Get("/articles/" + std::to_string(id));
    REQUIRE(res);
    REQUIRE(res->status == 200);
    // The text a reader sees: tags (and the <mark>s of mentions) dropped,
    // the few entities the templates write turned back.
    std::string seen = std::regex_replace(res->body, std::regex("<[^>]*>"), "");
    for (auto [entity, c] : {std::pair{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}})
        seen = std::regex_replace(seen, std::regex(entity), c);
    std::size_t count = 0;
    for (auto p = seen.find(lead); p != std::string::npos; p = seen.find(lead, p + 1)) ++count;
    INFO(lead);
    CHECK(count == 1);
}
