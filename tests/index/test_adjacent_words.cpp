// Words typed one after another without quotes (index/query.cpp,
// adjacency_tiers): a Vietnamese word is several syllables, so the articles
// where the typed syllables stand together, in order, rank above every
// article where they do not, and snippets mark the phrase rather than each
// syllable wherever it occurs. Quotes stay strict. The texts are written
// for these tests: the articles with the syllables apart repeat them often
// in short texts, so that ranking the syllables one by one (BM25) puts them
// first, as a check below shows.
#include <catch2/catch.hpp>

#include "corpus.h"
#include "index/highlight.h"

using namespace presswatch;
using presswatch::testing::doc;
using presswatch::testing::TestIndex;
using presswatch::testing::vn_time;
using Ids = std::set<std::int64_t>;

namespace {

std::vector<index::Document> river_corpus() {
    auto t = vn_time(2026, 11, 2);
    std::vector<index::Document> v;
    // The phrase once, in a long text.
    v.push_back(doc(1, "vnexpress", "Khởi công cây cầu thứ ba ở thành phố",
                    "Công trình dài gần một cây số, do một liên danh nhà thầu trong nước thi công, dự kiến hoàn thành "
                    "sau hai năm. Cầu mới bắc qua sông Mã ở đoạn gần trung tâm, giảm tải cho hai cây cầu cũ đã xuống "
                    "cấp. Chủ đầu tư cho biết nguồn vốn đã được bố trí đủ cho năm đầu tiên.",
                    t));
    // The syllables apart, often, in a short text.
    v.push_back(doc(2, "dantri", "Sông quê mà nhớ",
                    "Sông nhỏ mà sâu, sông hiền mà dữ; người làng bảo sông này mà cạn thì ruộng khô.", t));
    // The phrase without diacritics, in the lead.
    auto c = doc(3, "tuoitre", "Lu tren song", "Nuoc dang nhanh o thuong nguon.", t);
    c.lead = "Muc nuoc song Ma dang len.";
    v.push_back(c);
    // The syllables in the other order: not the phrase.
    v.push_back(doc(4, "baomoi", "Mã số sông ngòi", "Mã sông được ghi trong sổ; sông nào cũng có mã, mã nào cũng có sông.",
                    t));
    // The headline ends with "sông" and the body starts with "Mã": two
    // fields, no phrase.
    v.push_back(doc(5, "nhandan", "Chiều trên sông", "Mã Văn Tài, người chèo đò, kể chuyện sông nước như chuyện nhà, mà ai cũng nghe.", t));
    // Neither syllable twice nor together: only "sông".
    v.push_back(doc(6, "vietnamnet", "Đò ngang", "Con sông chảy qua làng.", t));
    // Three syllables: all together, two pairs apart, each alone.
    v.push_back(doc(7, "vnexpress", "Nhà máy lọc dầu tăng công suất",
                    "Từ tháng tới, nhà máy lọc dầu chạy hết công suất sau đợt bảo dưỡng kéo dài.", t));
    v.push_back(doc(8, "dantri", "Lọc dầu và nhà máy",
                    "Máy lọc nước ở nhà máy điện; dầu máy lọc qua lưới; nhà máy khác lọc dầu thô, nhà máy nhỏ lọc "
                    "dầu nhờn.",
                    t));
    v.push_back(doc(9, "tuoitre", "Dầu ăn", "Nhà bếp có máy xay, dầu ăn và bộ lọc nước; nhà nào cũng vậy.", t));
    return v;
}

std::vector<std::int64_t> ranked(TestIndex& idx, const std::string& q, index::SearchOptions o = {}) {
    return idx.ids(q, o);
}

// The position of id in v (v.size() when absent).
std::size_t rank_of(const std::vector<std::int64_t>& v, std::int64_t id) {
    return static_cast<std::size_t>(std::find(v.begin(), v.end(), id) - v.begin());
}

}  // namespace

TEST_CASE("words typed together rank the articles where they stand together, in order, above every other",
          "[index][search][adjacent]") {
    TestIndex idx(river_corpus());
    struct Row {
        const char* query;
        Ids together;  // the articles holding the syllables together, in order
        Ids apart;     // the other matches
    };
    const Row rows[] = {
        {"song ma", {1, 3}, {2, 4, 5}},
        {"Sông Mã", {1, 3}, {2, 4, 5}},
        {"ma song", {4}, {1, 2, 3, 5}},
        {"loc dau", {7, 8}, {9}},
    };
    for (const auto& r : rows) {
        INFO(r.query);
        auto v = ranked(idx, r.query);
        REQUIRE(v.size() == r.together.size() + r.apart.size());
        CHECK(Ids(v.begin(), v.begin() + static_cast<long>(r.together.size())) == r.together);
        CHECK(Ids(v.begin() + static_cast<long>(r.together.size()), v.end()) == r.apart);
    }
    // What the ranking above overturns: one syllable at a time (an explicit
    // AND, or the option off), the articles with the syllables apart come
    // first on this corpus.
    auto by_syllable = ranked(idx, "song AND ma");
    CHECK(rank_of(by_syllable, 2) < rank_of(by_syllable, 1));
    index::SearchOptions off;
    off.rank_adjacent = false;
    auto unranked = ranked(idx, "song ma", off);
    CHECK(rank_of(unranked, 2) < rank_of(unranked, 1));
}

TEST_CASE("three syllables typed together: the whole run first, then articles with some of its pairs, then the rest",
          "[index][search][adjacent]") {
    TestIndex idx(river_corpus());
    // 7: "nhà máy lọc dầu"; 8: "nhà máy" and "lọc dầu" apart; 9: each alone.
    CHECK(ranked(idx, "nha may loc dau") == std::vector<std::int64_t>{7, 8, 9});
    CHECK(ranked(idx, "may loc dau") == std::vector<std::int64_t>{7, 8, 9});
}

TEST_CASE("quotes keep their strict meaning beside words typed together", "[index][search][adjacent]") {
    TestIndex idx(river_corpus());
    CHECK(idx.id_set("\"song ma\"") == Ids{1, 3});
    CHECK(idx.id_set("\"ma song\"") == Ids{4});
    CHECK(idx.id_set("\"nha may loc dau\"") == Ids{7});
}

TEST_CASE("words that never stand together still find the articles that hold them apart", "[index][search][adjacent]") {
    TestIndex idx(river_corpus());
    // "sông" and "làng" share articles 2 and 6 but never touch.
    CHECK(idx.id_set("song lang") == Ids{2, 6});
    CHECK(idx.id_set("\"song lang\"").empty());
}

TEST_CASE("words typed together keep the query language: fields, filters, OR, NOT, date order",
          "[index][search][adjacent][query]") {
    TestIndex idx(river_corpus());
    struct Row {
        const char* query;
        std::vector<std::int64_t> first;  // the first results, in order (as a set when several tie)
        Ids all;
    };
    const Row rows[] = {
        {"song ma outlet:dantri", {}, {2}},
        {"song ma -cầu", {3}, {2, 3, 4, 5}},
        {"song ma NOT mã", {}, {}},
        {"(song ma) OR (loc dau)", {}, {1, 2, 3, 4, 5, 7, 8, 9}},
        {"title:song ma", {}, {2, 3, 4, 5}},
        {"song ma*", {}, {1, 2, 3, 4, 5}},
    };
    for (const auto& r : rows) {
        INFO(r.query);
        auto v = ranked(idx, r.query);
        CHECK(Ids(v.begin(), v.end()) == r.all);
        for (std::size_t i = 0; i < r.first.size() && i < v.size(); ++i) CHECK(v[i] == r.first[i]);
    }
    // Under OR, each side ranks its own phrase first.
    auto either = ranked(idx, "(song ma) OR (loc dau)");
    for (std::int64_t together : {1, 3, 7, 8})
        for (std::int64_t apart : {2, 4, 5, 9}) CHECK(rank_of(either, together) < rank_of(either, apart));
    // Date order stays date order (newest first, then indexing order).
    index::SearchOptions by_date;
    by_date.sort = index::SortOrder::date;
    CHECK(idx.id_set("song ma", by_date) == Ids{1, 2, 3, 4, 5});
}

TEST_CASE("snippets mark the phrase typed, not each syllable wherever it stands", "[index][search][adjacent][snippet]") {
    auto corpus = river_corpus();
    // The phrase far into a long text, after its syllables apart.
    corpus.push_back(doc(10, "vnexpress", "Mùa lũ",
                         "Người dân ven sông chuẩn bị bao cát từ sớm, mà năm nay nước về nhanh hơn mọi năm. Chính "
                         "quyền xã đã lập ba điểm trực, kiểm tra từng hộ ở vùng trũng và dặn dò người già, trẻ nhỏ. "
                         "Đến chiều, mực nước sông Mã tại trạm thủy văn đã vượt báo động hai.",
                         vn_time(2026, 11, 3)));
    TestIndex idx(corpus);
    index::Searcher s(idx.path());
    index::SearchOptions o;
    o.text = [&](std::int64_t id) { return idx.text(id); };
    o.snippet_bytes = 160;
    struct Row {
        const char* query;
        std::int64_t id;
        const char* contains;
        const char* lacks;  // "" for none
    };
    const Row rows[] = {
        {"song ma", 1, "\x01sông Mã\x02", ""},
        {"\"song ma\"", 1, "\x01sông Mã\x02", ""},
        {"song ma", 3, "\x01song Ma\x02", ""},
        // Apart only: each syllable keeps its mark, which says why it matched.
        {"song ma", 2, "\x01Sông\x02 nhỏ \x01mà\x02", ""},
        // The phrase is shown though it comes late, and the syllables apart lose their marks.
        {"song ma", 10, "\x01sông Mã\x02", "\x01" "mà\x02"},
        {"nha may loc dau", 7, "\x01nhà máy lọc dầu\x02", ""},
        // A word also typed on its own stays marked wherever it is.
        {"song ma OR sông", 10, "\x01sông Mã\x02", ""},
    };
    for (const auto& r : rows) {
        INFO(r.query << " in " << r.id);
        auto snippet = testing::snippet_of(s.search(r.query, o), r.id);
        REQUIRE(snippet);
        CHECK_THAT(*snippet, Catch::Contains(r.contains));
        if (*r.lacks) CHECK_THAT(*snippet, !Catch::Contains(r.lacks));
    }
}

TEST_CASE("phrase marks: one mark over the syllables together, none on them apart, loose words kept",
          "[index][highlight][adjacent]") {
    const std::vector<std::vector<std::string>> phrases{{"song", "ma"}};
    struct Row {
        const char* snippet;
        std::vector<std::string> loose;
        const char* marked;
    };
    const Row rows[] = {
        {"\x01sông\x02 \x01Mã\x02 chảy", {}, "\x01sông Mã\x02 chảy"},
        {"\x01sông\x02 đẹp \x01mà\x02 \x01sông\x02, \x01Mã\x02 ơi", {}, "sông đẹp mà \x01sông, Mã\x02 ơi"},
        {"\x01sông\x02 đẹp \x01mà\x02 xa", {}, "\x01sông\x02 đẹp \x01mà\x02 xa"},
        {"\x01sông\x02 \x01Mã\x02 và \x01sông\x02 \x01" "cầu\x02", {"song"},
         "\x01sông Mã\x02 và \x01sông\x02 \x01" "cầu\x02"},
    };
    for (const auto& r : rows) {
        INFO(r.snippet);
        CHECK(index::mark_phrases(r.snippet, phrases, r.loose) == r.marked);
    }
}
