// `presswatch search` run as a user would: the built binary on a data
// folder filled through the store and the index sync.
#include <catch2/catch.hpp>

#include <array>
#include <fstream>
#include <iterator>
#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>

#include "briefing/docx_part.h"
#include "index/index.h"
#include "pipeline/index_sync.h"
#include "pipeline/index_sync_fixture.h"
#include "store/crawl_lock.h"
#include "support.h"

using namespace presswatch;

namespace {

struct Run {
    int status;
    std::string out;
};

// Runs the binary with args (already shell-quoted), stdout captured, stderr
// folded into it.
Run presswatch_cmd(const std::filesystem::path& data, const std::string& args) {
    auto r = presswatch::testing::run_presswatch("--data '" + data.string() + "' " + args);
    return {r.code, r.out};
}

struct Data {
    testing::TempDir dir;
    std::vector<std::int64_t> ids;
    Data() {
        store::Store s(dir.path());
        ids = testing::fill(s);
        pipeline::sync_index(s);
    }
};

std::vector<std::int64_t> json_ids(const std::string& out) {
    auto j = nlohmann::json::parse(out);
    std::vector<std::int64_t> ids;
    for (const auto& h : j["hits"]) ids.push_back(h["id"]);
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace

TEST_CASE("search lists the same clippings for every spelling of the province", "[cli][search]") {
    Data d;
    std::vector<std::int64_t> th = {d.ids[0], d.ids[2], d.ids[4], d.ids[6], d.ids[8], d.ids[10]};
    for (const char* q : {"'thanh hoa'", "'Thanh Hoá'", "'THANH HÓA'", "thanh hoa"}) {
        INFO(q);
        auto r = presswatch_cmd(d.dir.path(), std::string("search --json ") + q);
        REQUIRE(r.status == 0);
        CHECK(json_ids(r.out) == th);
    }
}

TEST_CASE("search prints a table with headlines from the store and plain snippets off a terminal", "[cli][search]") {
    Data d;
    auto r = presswatch_cmd(d.dir.path(), "search 'tin so 4'");
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("1 kết quả cho «tin so 4»"));
    CHECK_THAT(r.out, Catch::Contains("Tin số 4 về Thanh Hóa"));
    CHECK_THAT(r.out, Catch::Contains("Bài viết số 4 kể chuyện ở Thanh Hóa"));
    CHECK(r.out.find('\x01') == std::string::npos);
    CHECK(r.out.find("\033[") == std::string::npos);
}

TEST_CASE("search writes CSV with a header and one row per hit", "[cli][search]") {
    Data d;
    auto r = presswatch_cmd(d.dir.path(), "search --csv --sort date 'nghe an' --all");
    REQUIRE(r.status == 0);
    CHECK(r.out.rfind("id,date,outlet,headline,url,snippet,collapsed\n", 0) == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 7);
}

TEST_CASE("a bad query exits 2 with what and where", "[cli][search]") {
    Data d;
    struct Row {
        const char* args;
        int status;
        const char* message;
    };
    const Row rows[] = {
        {"search '\"thanh hoa'", 2, "truy vấn sai ở cột 1: dấu ngoặc kép này chưa được đóng"},
        {"search 'colour:red'", 2, "không có trường 'colour:'"},
        {"search 'date:2026-02-30'", 2, "không phải ngày có thật"},
        {"search @nothing", 2, "there is no saved search named 'nothing'"},
        {"search --save 'Bad Name' thanh", 2, "cannot name a saved search"},
        {"search --limit 0 thanh", 2, "--limit must be between"},
    };
    for (const auto& row : rows) {
        INFO(row.args);
        auto r = presswatch_cmd(d.dir.path(), row.args);
        CHECK(r.status == row.status);
        CHECK_THAT(r.out, Catch::Contains(row.message));
    }
}

TEST_CASE("a saved search runs again by name with its options", "[cli][search][saved]") {
    Data d;
    auto saved = presswatch_cmd(d.dir.path(), "search --save thanh-hoa --exact 'Thanh Hoá'");
    REQUIRE(saved.status == 0);
    CHECK_THAT(saved.out, Catch::Contains("Đã lưu tìm kiếm «thanh-hoa»"));
    auto again = presswatch_cmd(d.dir.path(), "search --json @thanh-hoa");
    REQUIRE(again.status == 0);
    std::vector<std::int64_t> th = {d.ids[0], d.ids[2], d.ids[4], d.ids[6], d.ids[8], d.ids[10]};
    CHECK(json_ids(again.out) == th);
    auto list = presswatch_cmd(d.dir.path(), "search --list-saved");
    CHECK_THAT(list.out, Catch::Contains("@thanh-hoa"));
    CHECK_THAT(list.out, Catch::Contains("Thanh Hoá"));
    CHECK(presswatch_cmd(d.dir.path(), "search --delete-saved thanh-hoa").status == 0);
    CHECK(presswatch_cmd(d.dir.path(), "search @thanh-hoa").status == 2);
}

TEST_CASE("check reports a consistent index, reindex rebuilds it", "[cli][check][reindex]") {
    Data d;
    auto check = presswatch_cmd(d.dir.path(), "check");
    CHECK(check.status == 0);
    CHECK_THAT(check.out, Catch::Contains("Chỉ mục khớp với kho."));
    auto re = presswatch_cmd(d.dir.path(), "reindex --threads 2");
    CHECK(re.status == 0);
    CHECK_THAT(re.out, Catch::Contains("Đã lập lại chỉ mục tìm kiếm: 12 bài"));
    auto json = presswatch_cmd(d.dir.path(), "check --json");
    CHECK(json.status == 0);
    auto j = nlohmann::json::parse(json.out);
    CHECK(j["consistent"] == true);
    CHECK(j["documents"] == 12);
}

TEST_CASE("compact-index compacts the index in place, search answers the same, and check passes",
          "[cli][compact]") {
    Data d;
    auto before = presswatch_cmd(d.dir.path(), "search --all --json 'thanh hoa'");
    REQUIRE(before.status == 0);
    auto r = presswatch_cmd(d.dir.path(), "compact-index");
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("Đã nén chỉ mục tìm kiếm: 12 bài"));
    CHECK_FALSE(std::filesystem::exists(d.dir.path() / "index.compact"));
    CHECK(presswatch_cmd(d.dir.path(), "search --all --json 'thanh hoa'").out == before.out);
    CHECK(presswatch_cmd(d.dir.path(), "check").status == 0);
}

TEST_CASE("compact-index is refused while a crawler holds the crawl lock", "[cli][compact]") {
    Data d;
    store::CrawlLock lock(d.dir.path());  // this process plays the crawler
    auto r = presswatch_cmd(d.dir.path(), "compact-index");
    CHECK(r.status != 0);
    CHECK_THAT(r.out, Catch::Contains("another crawler is already working on"));
}

TEST_CASE("check exits 1 on a damaged index and --repair mends it", "[cli][check]") {
    Data d;
    {
        store::Store s(d.dir.path());
        index::Writer w(pipeline::index_dir(s));
        w.remove(d.ids[0]);
        w.commit();
    }
    auto check = presswatch_cmd(d.dir.path(), "check");
    CHECK(check.status == 1);
    CHECK_THAT(check.out, Catch::Contains("Thiếu trong chỉ mục: 1 (" + std::to_string(d.ids[0]) + ")"));
    auto repair = presswatch_cmd(d.dir.path(), "check --repair");
    CHECK(repair.status == 0);
    CHECK_THAT(repair.out, Catch::Contains("Chỉ mục khớp với kho."));
}

TEST_CASE("search facets and pages in the table", "[cli][search]") {
    Data d;
    auto r = presswatch_cmd(d.dir.path(), "search --facets --limit 2 --offset 2 --sort date 'thanh hoa'");
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("6 kết quả cho «thanh hoa» (hiển thị 3–4)"));
    CHECK_THAT(r.out, Catch::Contains("Theo báo:"));
    CHECK_THAT(r.out, Catch::Contains("Theo tháng:"));
    // Newest first: ids 10, 8 are page one; 6, 4 page two.
    auto p6 = r.out.find("Tin số 6 về"), p4 = r.out.find("Tin số 4 về");
    CHECK(p6 != std::string::npos);
    CHECK(p4 != std::string::npos);
    CHECK(p6 < p4);
    CHECK(r.out.find("Tin số 10 về") == std::string::npos);
    // Outlets by the names people know, in the rows and the facet, never
    // by their slugs; the machine formats keep the slugs.
    auto outlets_line = r.out.substr(r.out.find("Theo báo:"));
    outlets_line = outlets_line.substr(0, outlets_line.find('\n'));
    for (const char* slug : {"vnexpress", "dantri", "tuoitre"}) {
        INFO(slug);
        CHECK(r.out.find(slug) == std::string::npos);
    }
    int named = 0;
    for (const char* name : {"VnExpress", "Dân trí", "Tuổi Trẻ"}) named += outlets_line.find(name) != std::string::npos;
    CHECK(named >= 2);
    auto json = presswatch_cmd(d.dir.path(), "search --json --facets 'thanh hoa'");
    REQUIRE(json.status == 0);
    CHECK_THAT(json.out, Catch::Contains("\"outlet\": \"dantri\"") || Catch::Contains("\"outlet\": \"tuoitre\"") ||
                             Catch::Contains("\"outlet\": \"vnexpress\""));
}

TEST_CASE("search --report writes the hits as a Word or HTML report; another extension is refused before searching",
          "[cli][search][report]") {
    Data d;
    auto docx = d.dir.path() / "kết quả.docx";
    auto r = presswatch_cmd(d.dir.path(), "search --report '" + docx.string() + "' 'thanh hoa'");
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("6 kết quả cho «thanh hoa», 6 trong báo cáo"));
    std::ifstream in(docx, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto text = testing::docx_visible_text(testing::docx_part(bytes, "word/document.xml"));
    CHECK_THAT(text, Catch::Contains("Tin số 4 về Thanh Hóa"));
    CHECK_THAT(text, Catch::Contains("thanh hoa"));

    auto html = d.dir.path() / "r.html";
    r = presswatch_cmd(d.dir.path(), "search --report '" + html.string() + "' 'tin so 4'");
    REQUIRE(r.status == 0);
    std::ifstream hin(html);
    std::string page((std::istreambuf_iterator<char>(hin)), std::istreambuf_iterator<char>());
    CHECK_THAT(page, Catch::Contains("Tin số 4 về Thanh Hóa"));
    CHECK(page.find("Tin số 6 về") == std::string::npos);

    auto txt = d.dir.path() / "r.txt";
    r = presswatch_cmd(d.dir.path(), "search --report '" + txt.string() + "' 'thanh hoa'");
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("must end in .docx (Word) or .html"));
    CHECK_FALSE(std::filesystem::exists(txt));
    r = presswatch_cmd(d.dir.path(), "search --json --report '" + html.string() + "' 'thanh hoa'");
    CHECK(r.status == 2);
}
