// Searching the news corpus (corpus.h): diacritics, ranking, the query
// language, filters, snippets, facets, collapse and sort.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "corpus.h"
#include "index/highlight.h"

using namespace presswatch;
using presswatch::testing::TestIndex;
using Ids = std::set<std::int64_t>;

TEST_CASE("every spelling of Thanh Hóa finds the same articles", "[index][search]") {
    TestIndex idx;
    const Ids thanh_hoa = {1, 2, 3, 4, 6};  // 6 is "Thanh Hòa", which folds alike
    for (const char* q : {"thanh hoa", "Thanh Hóa", "Thanh Hoá", "THANH HÓA", "\"thanh hoa\"", "thanh-hoa",
                          "Tha\xCC\x81nh Ho\xCC\x81" "a" /* NFD */}) {
        INFO(q);
        CHECK(idx.id_set(q) == thanh_hoa);
    }
}

TEST_CASE("articles spelled as the query is typed rank first", "[index][search][ranking]") {
    TestIndex idx;
    auto first = [&](const char* q) { return idx.ids(q).front(); };
    // Typed without diacritics: the article written without them first.
    CHECK(first("thanh hoa") == 4);
    // Typed with diacritics, either tone placement: the Hóa/Hoá articles
    // come before the article spelled "Hòa" and the one with none.
    for (const char* q : {"Thanh Hóa", "Thanh Hoá", "THANH HÓA"}) {
        INFO(q);
        auto ids = idx.ids(q);
        REQUIRE(ids.size() == 5);
        Ids top(ids.begin(), ids.begin() + 3);
        CHECK(top == Ids{1, 2, 3});
    }
}

TEST_CASE("exact mode keeps only the diacritics typed, with either tone placement", "[index][search][exact]") {
    TestIndex idx;
    index::SearchOptions exact;
    exact.exact = true;
    CHECK(idx.id_set("Thanh Hóa", exact) == Ids{1, 2, 3});
    CHECK(idx.id_set("Thanh Hoá", exact) == Ids{1, 2, 3});
    CHECK(idx.id_set("\"Thanh Hòa\"", exact) == Ids{6});
    CHECK(idx.id_set("thanh hoa", exact) == Ids{4});
}

TEST_CASE("the query language finds what it says", "[index][search][query]") {
    TestIndex idx;
    index::SearchOptions o;
    o.now = testing::vn_time(2026, 11, 21, 12);
    struct Row {
        const char* query;
        Ids expected;
    };
    const Row rows[] = {
        {"nghi son", {3, 7, 8}},
        {"\"nghi son\" \"loc dau\"", {7, 8}},
        {"\"son nghi\"", {}},                             // a phrase keeps its order
        {"nghi son AND cang", {3}},
        {"cảng OR lúa", {3, 4}},
        {"nghi son -cang", {7, 8}},
        {"nghi son NOT cảng", {7, 8}},
        {"(lúa OR cầu) thanh hoa", {1, 4}},
        {"nghi*", {2, 3, 6, 7, 8}},  // nghiệp, nghìn too
        {"bao d*", {7, 8}},
        {"title:nghi", {3, 7, 8}},
        {"title:\"lọc dầu\"", {7, 8}},
        {"title:\"nghi son\" -title:cang", {7, 8}},
        {"author:hoang", {1}},
        {"outlet:vnexpress", {1, 7}},
        {"outlet:VnExpress nghi son", {7}},
        {"topic:kinh-te", {3, 7, 8}},
        {"topic:kinh-te outlet:dantri", {8}},
        {"topic:moi-truong OR topic:van-hoa", {2, 6}},
        {"agency:so-nnmt", {2}},
        {"place:\"Nghi Sơn\"", {3, 7, 8}},
        {"place:nghi-son", {3, 7, 8}},
        {"tag:cang-bien", {3}},
        {"is:flagged", {2}},
        {"is:new nghi son", {3, 8}},
        {"review:relevant", {7}},
        {"tone:neutral date:2026-02", {6}},
        {"date:2026-11", {1, 2, 5, 7, 8}},
        {"date:2026-11-10..2026-11-20", {2, 5, 7}},
        {"date:2026-11-12..", {5, 7, 8}},
        {"date:..2026-02-01", {6}},
        {"date:10/11/2026", {2}},
        {"date:2026", {1, 2, 3, 4, 5, 6, 7, 8}},
        {"date:today", {8}},
        {"date:yesterday", {7}},
        {"date:10d", {5, 7, 8}},
        {"-nghi -hoa", {5}},
        {"xăng dầu", {7, 8}},
        {"50 ngày", {7, 8}},
    };
    for (const auto& r : rows) {
        INFO(r.query);
        CHECK(idx.id_set(r.query, o) == r.expected);
    }
}

TEST_CASE("a bad query says what is wrong and where", "[index][search][errors]") {
    TestIndex idx;
    index::Searcher s(idx.path());
    struct Row {
        const char* query;
        const char* message;  // a part of the message
    };
    const Row rows[] = {
        {"\"thanh hoa", "truy vấn sai ở cột 1: dấu ngoặc kép này chưa được đóng"},
        {"lúa \"thanh", "cột 5: dấu ngoặc kép này chưa được đóng; hãy đóng hoặc xóa nó (bad query at column 5: this quote is never closed"},
        {"(thanh hoa", "cột 1: dấu '(' này chưa được đóng"},
        {"thanh hoa)", "cột 10: dấu ')' này không có dấu '(' tương ứng"},
        {"colour:red", "không có trường 'colour:'"},
        {"outlet: vnexpress", "trường 'outlet:' chưa có giá trị"},
        {"date:2026-02-30", "'2026-02-30' không phải ngày có thật: tháng đó có 28 ngày"},
        {"date:2026-13", "'2026-13' có tháng không tồn tại"},
        {"date:yesterdayish", "không phải ngày"},
        {"date:2026-12..2026-01", "kết thúc trước khi bắt đầu"},
        {"date:0d", "phải đếm từ 1 đến"},
        {"is:important", "không có is:important"},
        {"thanh OR", "cột 7: sau OR không có gì (bad query at column 7: OR has nothing after it)"},
        {"AND thanh", "trước AND không có gì"},
        {"\"thanh-h*\"", ""},
        {"", "truy vấn trống"},
        {"   ", "truy vấn trống"},
        {"!!!", "truy vấn trống"},
    };
    for (const auto& r : rows) {
        INFO(r.query);
        if (std::string(r.message).empty()) {
            CHECK_NOTHROW(s.search(r.query, {}));
            continue;
        }
        try {
            s.search(r.query, {});
            FAIL("no error for this query");
        } catch (const InputError& e) {
            CHECK_THAT(e.what(), Catch::Contains(r.message));
        }
    }
}

TEST_CASE("snippets highlight every spelling of the query's words", "[index][search][snippet]") {
    TestIndex idx;
    index::Searcher s(idx.path());
    index::SearchOptions o;
    o.text = [&](std::int64_t id) { return idx.text(id); };
    struct Row {
        const char* query;
        std::int64_t id;
        const char* contains;
    };
    const Row rows[] = {
        // Words typed together, and phrases, are marked as one piece
        // where they stand together (test_adjacent_words.cpp).
        {"thanh hoa", 2, "\x01Thanh Hoá\x02"},
        {"\"thanh hoa\"", 1, "\x01Thanh Hóa\x02"},
        {"Thanh Hóa", 4, "\x01thanh hoa\x02"},
        {"loc dau", 7, "\x01lọc dầu\x02"},
        {"nghi", 3, "\x01Nghi\x02"},
        {"nghi*", 3, "\x01Nghi\x02"},
    };
    for (const auto& r : rows) {
        INFO(r.query);
        auto snippet = testing::snippet_of(s.search(r.query, o), r.id);
        REQUIRE(snippet);
        CHECK_THAT(*snippet, Catch::Contains(r.contains));
    }
}

TEST_CASE("snippet marks render as bold, <mark> or nothing", "[index][highlight]") {
    std::string s = "a \x01" "b<c>\x02 & d";
    CHECK(index::render_snippet(s, index::Markup::plain) == "a b<c> & d");
    CHECK(index::render_snippet(s, index::Markup::terminal) == "a \033[1mb<c>\033[22m & d");
    CHECK(index::render_snippet(s, index::Markup::html) == "a <mark>b&lt;c&gt;</mark> &amp; d");
}

TEST_CASE("date order, collapse by story and pagination", "[index][search][sort]") {
    TestIndex idx;
    index::SearchOptions by_date;
    by_date.sort = index::SortOrder::date;
    CHECK(idx.ids("nghi son", by_date) == std::vector<std::int64_t>{8, 7, 3});

    index::SearchOptions collapsed = by_date;
    collapsed.collapse = true;
    index::Searcher s(idx.path());
    auto r = s.search("nghi son", collapsed);
    REQUIRE(r.hits.size() == 2);
    CHECK(r.hits[0].id == 8);
    CHECK(r.hits[0].collapsed == 1);
    CHECK(r.hits[1].id == 3);
    CHECK(r.hits[1].collapsed == 0);

    index::SearchOptions page = by_date;
    page.offset = 1;
    page.limit = 1;
    CHECK(idx.ids("nghi son", page) == std::vector<std::int64_t>{7});
}

TEST_CASE("facets count every match by outlet, topic, flag and month", "[index][search][facets]") {
    TestIndex idx;
    index::Searcher s(idx.path());
    index::SearchOptions o;
    o.facets = true;
    o.limit = 1;  // counts cover all matches, not just the page
    auto r = s.search("thanh hoa", o);
    CHECK(r.total == 5);
    CHECK(r.total_exact);
    using F = std::vector<std::pair<std::string, std::size_t>>;
    auto facet = [&](const char* name) {
        F out;
        for (const auto& c : r.facets.at(name)) out.emplace_back(c.value, c.count);
        return out;
    };
    CHECK(facet("outlet") == F{{"baomoi", 1}, {"dantri", 1}, {"thanhnien", 1}, {"tuoitre", 1}, {"vnexpress", 1}});
    CHECK(facet("topic") == F{{"doanh-nghiep", 1}, {"giao-thong", 1}, {"kinh-te", 1}, {"moi-truong", 1},
                              {"nong-nghiep", 1}, {"van-hoa", 1}});
    CHECK(facet("flagged") == F{{"0", 4}, {"1", 1}});
    CHECK(facet("month") == F{{"2026-11", 2}, {"2026-10", 1}, {"2026-09", 1}, {"2026-02", 1}});
}

TEST_CASE("facets count agencies and tones, and their lines never count as topics",
          "[index][search][facets]") {
    auto docs = testing::news_corpus();
    docs[0].tone = "positive";
    docs[1].agencies = {"so-nnmt", "ubnd-nghi-son"};
    docs[1].tone = "negative";
    TestIndex idx(docs);
    index::Searcher s(idx.path());
    index::SearchOptions o;
    o.facets = true;
    o.limit = 1;
    auto r = s.search("thanh hoa", o);
    using F = std::vector<std::pair<std::string, std::size_t>>;
    auto facet = [&](const char* name) {
        F out;
        for (const auto& c : r.facets.at(name)) out.emplace_back(c.value, c.count);
        return out;
    };
    CHECK(facet("agency") == F{{"so-nnmt", 1}, {"ubnd-nghi-son", 1}});
    CHECK(facet("tone") == F{{"neutral", 3}, {"negative", 1}, {"positive", 1}});
    CHECK(facet("status").empty());
    // Topics are still every unnamed line: no "agency=..." leaks into them.
    for (const auto& [value, n] : facet("topic")) CHECK(value.find('=') == std::string::npos);
}

TEST_CASE("clippings_only leaves out articles that are not clippings", "[index][search]") {
    TestIndex idx;
    index::SearchOptions o;
    o.clippings_only = true;
    CHECK(idx.id_set("thanh hoa", o) == Ids{1, 2, 3, 4});
}

TEST_CASE("mention: filters on the level, and sets the scope itself", "[index][search][mention]") {
    auto subject = testing::doc(1, "vnexpress", "Thanh Hóa mở tuyến xe buýt mới", "Tuyến xe buýt nối hai huyện.",
                                testing::vn_time(2026, 11, 3));
    subject.mention_level = "subject";
    auto passing = testing::doc(2, "dantri", "Mưa lớn ở nhiều tỉnh miền Bắc",
                                "Hà Nội, Hải Phòng mưa to; Thanh Hóa có mưa rải rác.", testing::vn_time(2026, 11, 4));
    passing.clipping = false;
    passing.mention_level = "passing";
    auto other = testing::doc(3, "dantri", "Mưa lớn ở Hà Nội", "Nhiều tuyến phố ngập sâu.",
                              testing::vn_time(2026, 11, 4));
    other.clipping = false;
    other.mention_level = "not";
    TestIndex idx({subject, passing, other});
    index::SearchOptions clippings;
    clippings.clippings_only = true;
    CHECK(idx.id_set("mưa", clippings) == Ids{});
    CHECK(idx.id_set("mention:passing", clippings) == Ids{2});
    CHECK(idx.id_set("mưa mention:passing", clippings) == Ids{2});
    CHECK(idx.id_set("mention:subject", clippings) == Ids{1});
    CHECK(idx.id_set("mention:subject OR mention:passing", clippings) == Ids{1, 2});
    CHECK(idx.id_set("mention:not") == Ids{3});
}

TEST_CASE("text with a dateline glued to the lead is found by the place's name", "[index][search][glued]") {
    auto glued = testing::doc(1, "vnexpress", "Giáo viên vùng cao vượt đèo đến lớp",
                              "Thanh HóaNhiều giáo viên phải đi hơn hai mươi cây số mỗi ngày.",
                              testing::vn_time(2026, 11, 3));
    TestIndex idx({glued});
    CHECK(idx.id_set("thanh hoa") == Ids{1});
    CHECK(idx.id_set("\"thanh hoa\"") == Ids{1});
    CHECK(idx.id_set("\"hoa nhieu giao vien\"") == Ids{1});
    CHECK(idx.id_set("nhieu") == Ids{1});
}
