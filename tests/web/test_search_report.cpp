// The search page's report downloads: the result set of the query shown,
// as the Word and HTML report (pipeline/search_report.h), from the real
// server; the .docx is opened by LibreOffice as the briefing's tests do.
#include <catch2/catch.hpp>

#include <fstream>

#include "briefing/docx_part.h"
#include "briefing/pdf_text.h"
#include "web_fixture.h"

using namespace presswatch;
using namespace presswatch::testing;

namespace {

const std::string query = "thanh hoa";

std::vector<std::string> cli_headlines(const std::string& q) {
    auto page = cli_json(demo_data(), "search --json --sort date --limit 1000 " + shell_quote(q));
    std::vector<std::string> out;
    for (const auto& h : page["hits"]) out.push_back(h["headline"]);
    return out;
}

// The text of HTML or XML with the entities the writers use read back
// (headlines hold quotes and ampersands).
std::string unescaped(std::string s) {
    for (auto [entity, c] : {std::pair{"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"},
                             {"&amp;", "&"}}) {
        for (std::size_t at = s.find(entity); at != std::string::npos; at = s.find(entity, at + 1))
            s.replace(at, std::string(entity).size(), c);
    }
    return s;
}

// The Content-Disposition header as sent (cpp-httplib's client decodes
// %XX in header values), read with curl.
std::string raw_disposition(const RunningServer& server, const std::string& path) {
    auto r = run_shell("curl -s -D - -o /dev/null 'http://127.0.0.1:" + std::to_string(server.port()) + path + "'");
    auto at = r.out.find("Content-Disposition: ");
    return at == std::string::npos ? "" : r.out.substr(at, r.out.find('\r', at) - at);
}

}  // namespace

TEST_CASE("the search page links the Word and HTML report of the query it shows", "[web][page][search-report]") {
    RunningServer server(demo_data());
    auto page = server.client().Get("/search?q=" + encode(query) + "&sort=date");
    REQUIRE(page->status == 200);
    CHECK_THAT(page->body, Catch::Contains(R"(<a href="/search.docx?q=thanh%20hoa&amp;sort=date">Tải Word</a>)"));
    CHECK_THAT(page->body, Catch::Contains(R"(<a href="/search.html?q=thanh%20hoa&amp;sort=date">Tải HTML</a>)"));
}

TEST_CASE("the Word report of a search lists the CLI's hits, has a Vietnamese file name and opens in LibreOffice",
          "[web][page][search-report]") {
    RunningServer server(demo_data());
    auto res = server.client().Get("/search.docx?q=" + encode(query) + "&sort=date");
    REQUIRE(res);
    INFO(res->body.substr(0, 400));
    REQUIRE(res->status == 200);
    CHECK(res->get_header_value("Content-Type") ==
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    auto disposition = raw_disposition(server, "/search.docx?q=thanh%20hoa&sort=date");
    CHECK_THAT(disposition, Catch::StartsWith("Content-Disposition: attachment; filename=\"ket-qua-tim-kiem-"));
    CHECK_THAT(disposition, Catch::Contains(".docx\"; filename*=UTF-8''K%E1%BA%BFt%20qu%E1%BA%A3%20t%C3%ACm%20ki%E1%BA%BFm%20"));
    auto text = unescaped(docx_visible_text(docx_part(res->body, "word/document.xml")));
    CHECK_THAT(text, Catch::Contains("KẾT QUẢ TÌM KIẾM TIN, BÀI"));
    CHECK_THAT(text, Catch::Contains("Truy vấn: thanh hoa"));
    auto headlines = cli_headlines(query);
    REQUIRE(headlines.size() >= 3);
    CHECK_THAT(text, Catch::Contains(std::to_string(headlines.size()) + " kết quả"));
    for (const auto& h : headlines) CHECK_THAT(text, Catch::Contains(h));

    TempDir work;
    auto docx = work.path() / "ket-qua.docx";
    std::ofstream(docx, std::ios::binary) << res->body;
    auto pdf = docx_pdf_text(docx, work.path());
    if (!pdf) {
        WARN("libreoffice is not installed: skipping the Word check (scripts/install-deps installs it)");
        return;
    }
    REQUIRE_FALSE(pdf->empty());
    CHECK_THAT(without_spaces(*pdf), Catch::Contains(without_spaces("KẾT QUẢ TÌM KIẾM")));
}

TEST_CASE("the HTML report of a search is a page of the same hits, the query escaped", "[web][page][search-report]") {
    RunningServer server(demo_data());
    auto res = server.client().Get("/search.html?q=" + encode(query) + "&sort=date");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK_THAT(raw_disposition(server, "/search.html?q=thanh%20hoa"), Catch::Contains(".html\"; filename*=UTF-8''K%E1%BA%BFt"));
    CHECK_THAT(res->body, Catch::Contains("<title>Kết quả tìm kiếm: thanh hoa</title>"));
    auto body = unescaped(res->body);
    for (const auto& h : cli_headlines(query)) CHECK_THAT(body, Catch::Contains(h));

    // A query is user input: in the report it is text, never markup.
    auto crafted = server.client().Get("/search.html?q=" + encode("thanh hoa \"<img src=x onerror=alert(1)>\""));
    REQUIRE(crafted);
    CHECK_THAT(crafted->body, !Catch::Contains("<img src=x"));
}

TEST_CASE("a bad query gets the search's message instead of a report", "[web][page][search-report]") {
    RunningServer server(demo_data());
    auto res = server.client().Get("/search.docx?q=" + encode("(thanh"));
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(res->get_header_value("Content-Disposition").empty());
}
