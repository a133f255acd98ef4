// Common grams (index/common_grams.h): phrases of common syllables are
// answered from pair terms and must find exactly what a phrase checked on
// word positions finds.
#include <catch2/catch.hpp>
#include <xapian.h>

#include "corpus.h"
#include "index/common_grams.h"
#include "index/schema.h"

using namespace presswatch;
using presswatch::testing::doc;
using presswatch::testing::TestIndex;
using presswatch::testing::vn_time;
using Ids = std::set<std::int64_t>;

namespace {

std::vector<index::Document> pairs_corpus() {
    auto t = vn_time(2026, 11, 2);
    return {
        doc(1, "vnexpress", "Kết quả khảo sát", "Ý kiến của người dân được ghi nhận đầy đủ.", t),
        doc(2, "dantri", "Hỏi ý kiến", "Đất này là của dân, người dân nói vậy.", t),
        // "của" ends the headline and "người" starts the body: not a phrase.
        doc(3, "tuoitre", "Tiếng nói của", "Người dân ven sông đã lên tiếng.", t),
        doc(4, "vietnamnet", "Họp dân", "Nhà của ông Ba, người dân xóm Bãi, bị ngập.", t),
        doc(5, "nhandan", "Cua nguoi dan", "Viet khong dau: cua nguoi dan o day.", t),
    };
}

}  // namespace

TEST_CASE("phrases of common syllables find exactly the adjacent pairs", "[index][search][grams]") {
    TestIndex idx(pairs_corpus());
    struct Row {
        const char* query;
        Ids expected;
    };
    const Row rows[] = {
        {"\"của người\"", {1, 5}},
        {"\"cua nguoi\"", {1, 5}},
        {"\"người của\"", {}},               // order matters
        {"\"của người dân\"", {1, 5}},       // three common syllables
        {"\"người dân\"", {1, 2, 3, 4, 5}},
        {"\"dân người\"", {2}},            // "của dân, người dân": punctuation is no break, as with positions
        {"\"của dân\"", {2}},
        {"\"ông ba\"", {4}},                 // not common: positions alone
        {"\"tiếng nói của\"", {3}},          // a phrase that ends a field
    };
    for (const auto& r : rows) {
        INFO(r.query);
        CHECK(idx.id_set(r.query) == r.expected);
    }
}

TEST_CASE("a two-syllable phrase of common syllables is one pair term", "[index][search][grams]") {
    TestIndex idx(pairs_corpus());
    index::Searcher s(idx.path());
    auto described = s.search("\"của người\"", {}).query_description;
    CHECK(described.find("XBcua_nguoi") != std::string::npos);
    CHECK(described.find("PhraseFilter") == std::string::npos);
    CHECK(described.find("PHRASE-CHECK") == std::string::npos);
    // A pair with a rarer syllable is walked from its positions.
    described = s.search("\"ông ba\"", {}).query_description;
    CHECK(described.find("PhraseCandidates(ong ba)") != std::string::npos);
    CHECK(described.find("PHRASE-CHECK(ong ba)") != std::string::npos);
}

TEST_CASE("a phrase answered by its pair term alone still highlights its words", "[index][search][grams][snippet]") {
    TestIndex idx(pairs_corpus());
    index::Searcher s(idx.path());
    index::SearchOptions o;
    o.text = [&](std::int64_t id) { return idx.text(id); };
    auto r = s.search("\"của người\"", o);
    REQUIRE(r.query_description.find("Zcua") == std::string::npos);  // the pair term alone
    REQUIRE(r.hits.size() == 2);
    for (const auto& h : r.hits) {
        INFO(h.id);
        CHECK_THAT(h.snippet, Catch::Contains(h.id == 1 ? "\x01" "của người\x02" : "\x01" "cua nguoi\x02"));
    }
}

TEST_CASE("an index records its common syllables; one without them still answers phrases",
          "[index][search][grams]") {
    testing::TempDir dir;
    {
        index::Writer w(dir.path(), index::Writer::Durability::normal, index::CommonGrams{});
        for (const auto& d : pairs_corpus()) w.put(d);
        w.commit();
    }
    Xapian::Database db(dir.path().string());
    CHECK(index::CommonGrams::of(db).empty());
    CHECK(db.allterms_begin(std::string(index::schema::common_gram)) ==
          db.allterms_end(std::string(index::schema::common_gram)));
    index::Searcher s(dir.path());
    std::set<std::int64_t> found;
    for (const auto& h : s.search("\"của người dân\"", {}).hits) found.insert(h.id);
    CHECK(found == Ids{1, 5});

    TestIndex with_builtin(pairs_corpus());
    Xapian::Database db2(with_builtin.path().string());
    CHECK(index::CommonGrams::of(db2).common("nguoi"));
    CHECK(db2.term_exists("XBnguoi_dan"));
}
