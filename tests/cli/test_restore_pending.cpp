// Decisions restored before their articles were crawled wait in the store
// and are applied when the articles arrive (here through `import`, which
// goes through pipeline/ingest like the crawl), then reach the index.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "store/workflow.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::TempDir;

namespace {

const std::string rubbish_url = "https://vnexpress.net/thoi-su/bai-rac-hoang-hoa-4800101.html";
const std::string festival_url = "https://vnexpress.net/du-lich/le-hoi-sam-son-4800102.html";
const std::string untouched_url = "https://vnexpress.net/thoi-su/duong-ven-bien-thanh-hoa-4800103.html";

// Three clippings about the province, written for this test.
std::string articles_jsonl() {
    auto line = [](const std::string& url, const std::string& headline, const std::string& lead,
                   const std::string& body, const std::string& date) {
        return nlohmann::json{{"url", url}, {"headline", headline}, {"description", lead}, {"articleBody", body},
                              {"datePublished", date}}
                   .dump() + "\n";
    };
    return line(rubbish_url, "Thanh Hóa: người dân xã Hoằng Hóa phản ánh bãi rác gây ô nhiễm",
                "Bãi rác tự phát ở tỉnh Thanh Hóa bốc mùi nhiều tháng nay.",
                "Người dân xã Hoằng Hóa, tỉnh Thanh Hóa phản ánh bãi rác tự phát gây ô nhiễm.\n\n"
                "Chính quyền địa phương chưa có phương án xử lý.",
                "2026-11-03T08:15:00+07:00") +
           line(festival_url, "Sầm Sơn, Thanh Hóa đón khách dịp lễ hội biển",
                "Lượng khách đến Thanh Hóa tăng mạnh so với năm trước.",
                "Thành phố biển Sầm Sơn của tỉnh Thanh Hóa đón hàng nghìn lượt khách.\n\nLễ hội diễn ra ba ngày.",
                "2026-11-05T10:00:00+07:00") +
           line(untouched_url, "Thanh Hóa khởi công đường ven biển",
                "Tỉnh Thanh Hóa khởi công tuyến đường ven biển mới.",
                "Dự án đường ven biển Thanh Hóa dài 20 km.\n\nCông trình dự kiến xong sau hai năm.",
                "2026-11-10T07:30:00+07:00");
}

// A dump as another data folder wrote it: decisions for two of the three.
std::string dump_jsonl() {
    return R"({"presswatch":"decisions","version":1,"created":"2026-11-20T09:00:00+07:00"}
{"kind":"article","url":")" + rubbish_url + R"(","review":{"state":"relevant","user":"lan","at":"2026-11-04T08:00:00+07:00"},"flag":{"needed":true,"severity":2,"agencies":["so-nnmt"],"deadline":null,"reason":"bãi rác"},"response":{"status":"sent","agency":"so-nnmt","letter_number":"125/SKHCN-TTBC","letter_date":"2026-11-04T00:00:00+07:00","deadline":"2026-11-25T00:00:00+07:00","updated_at":"2026-11-04T09:00:00+07:00"},"notes":[{"at":"2026-11-04T08:05:00+07:00","user":"lan","text":"gọi điện cho xã"}]}
{"kind":"article","url":")" + festival_url + R"(","review":{"state":"not-relevant","user":"lan","at":"2026-11-06T08:00:00+07:00"},"tone":"negative"}
{"kind":"audit","at":"2026-11-04T08:00:00+07:00","user":"lan","action":"review","url":")" + rubbish_url + R"(","detail":{"from":"new","to":"relevant"}}
{"kind":"audit","at":"2026-11-04T09:00:00+07:00","user":"lan","action":"sent","url":")" + rubbish_url + R"(","detail":{"letter":"125/SKHCN-TTBC"}}
{"kind":"audit","at":"2026-11-06T08:00:00+07:00","user":"lan","action":"review","url":")" + festival_url + R"(","detail":{"from":"new","to":"not-relevant"}}
)";
}

presswatch::testing::CommandResult cli(const std::filesystem::path& data, const std::string& args) {
    return presswatch::testing::run_presswatch("--data '" + data.string() + "' --user admin " + args);
}

std::set<std::string> search_urls(const std::filesystem::path& data, const std::string& query) {
    auto r = cli(data, "search --json --limit 100 '" + query + "'");
    INFO(r.out);
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out.substr(r.out.find('{')));
    std::set<std::string> urls;
    for (const auto& h : j["hits"]) urls.insert(h["url"].get<std::string>());
    return urls;
}

void write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

}  // namespace

TEST_CASE("decisions restored before a crawl are applied when the articles arrive, and searchable") {
    TempDir dir;
    auto data = dir.path() / "data";
    write(dir.path() / "decisions.jsonl", dump_jsonl());
    write(dir.path() / "articles.jsonl", articles_jsonl());

    auto first = cli(data, "restore '" + (dir.path() / "decisions.jsonl").string() + "'");
    INFO(first.out);
    REQUIRE(first.code == 0);
    CHECK(first.out.find("Đã khôi phục quyết định cho 0 tin, 3 dòng nhật ký.") != std::string::npos);
    CHECK(first.out.find("2 tin chưa có trong dữ liệu này") != std::string::npos);
    CHECK(first.out.find("Đang chờ bài viết: 2 quyết định.") != std::string::npos);

    auto imported = cli(data, "import '" + (dir.path() / "articles.jsonl").string() + "'");
    INFO(imported.out);
    REQUIRE(imported.code == 0);

    {
        store::Store s(data);
        auto rubbish = s.article(*s.article_id_by_url(rubbish_url));
        auto festival = s.article(*s.article_id_by_url(festival_url));
        auto untouched = s.article(*s.article_id_by_url(untouched_url));
        REQUIRE(rubbish->clipping);
        REQUIRE(festival->clipping);
        CHECK(rubbish->review == "relevant");
        CHECK(rubbish->response_status == "sent");
        CHECK(rubbish->response_agency == "so-nnmt");
        CHECK(festival->review == "not-relevant");
        CHECK(festival->tone == "negative");
        CHECK(untouched->review == "new");
        store::Workflow wf(s, "x");
        CHECK(wf.notes(rubbish->id).at(0).text == "gọi điện cho xã");
        // The audit rows that waited are now the article's, plus the application itself.
        std::vector<std::string> actions;
        for (const auto& e : wf.audit_log(rubbish->id)) actions.push_back(e.action);
        std::sort(actions.begin(), actions.end());
        CHECK(actions == std::vector<std::string>{"restore-pending", "review", "sent"});
    }

    // The index shows them: `import` synced it through the journal.
    struct Row {
        std::string query;
        std::set<std::string> urls;
    };
    std::vector<Row> rows = {
        {"is:new", {untouched_url}},
        {"review:relevant", {rubbish_url}},
        {"review:not-relevant", {festival_url}},
        {"status:sent", {rubbish_url}},
        {"agency:so-nnmt status:sent", {rubbish_url}},
        {"tone:negative sam son", {festival_url}},
    };
    for (const auto& r : rows) {
        INFO(r.query);
        CHECK(search_urls(data, r.query) == r.urls);
    }

    // Restoring the same file again applies the decisions to the articles
    // now present and adds no audit row but its own.
    auto again = cli(data, "restore '" + (dir.path() / "decisions.jsonl").string() + "'");
    INFO(again.out);
    CHECK(again.code == 0);
    CHECK(again.out.find("Đã khôi phục quyết định cho 2 tin, 0 dòng nhật ký.") != std::string::npos);
    CHECK(again.out.find("Đang chờ bài viết: 0 quyết định.") != std::string::npos);
    CHECK(search_urls(data, "is:new") == std::set<std::string>{untouched_url});

    // A dump of this folder carries the attached audit rows by URL, with
    // nothing left of the wait.
    auto dumped = cli(data, "dump");
    CHECK(dumped.code == 0);
    CHECK(dumped.out.find(R"("action":"sent","at":"2026-11-04T09:00:00+07:00")") != std::string::npos);
}
