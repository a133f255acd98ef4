// Phrases are checked on each document's word positions
// (index/word_positions.h, index/phrase_filter.h), numbered by the index's
// own word numbers (index/word_ids.h): the order, the fields, and numbers
// that stay the same across writers and bulk builds.
#include <catch2/catch.hpp>
#include <xapian.h>

#include "corpus.h"
#include "index/bulk_build.h"
#include "index/phrase_filter.h"
#include "index/schema.h"
#include "index/word_ids.h"
#include "index/word_positions.h"

using namespace presswatch;
using presswatch::testing::doc;
using presswatch::testing::TestIndex;
using presswatch::testing::vn_time;
using Ids = std::set<std::int64_t>;

namespace {

std::vector<index::Document> fields_corpus() {
    auto t = vn_time(2026, 11, 2);
    auto a = doc(1, "vnexpress", "Cảng Nghi Sơn mở rộng", "Tỉnh họp bàn kế hoạch.", t);
    a.lead = "Lọc hóa dầu tăng công suất.";
    a.author = "Lê Văn Sơn";
    auto b = doc(2, "dantri", "Họp bàn kế hoạch", "Cảng Nghi Sơn đón tàu lớn.", t);
    b.lead = "Mở rộng cảng.";
    // The headline ends with "Nghi" and the lead starts with "Sơn": not a phrase.
    auto c = doc(3, "tuoitre", "Thăm cảng Nghi", "Không có gì.", t);
    c.lead = "Sơn mở rộng bến.";
    return {a, b, c};
}

Ids found(index::Searcher& s, const std::string& q) {
    Ids out;
    index::SearchOptions o;
    o.limit = 200;
    for (const auto& h : s.search(q, o).hits) out.insert(h.id);
    return out;
}

}  // namespace

TEST_CASE("word positions are spread over shards by word number and read back per word", "[index][search][phrase]") {
    using F = index::schema::WordField;
    const auto shards = index::schema::position_shards;
    index::PositionsBuilder b;
    b.add(5, F::headline, 0);
    b.add(6, F::lead, 1);
    b.add(5, F::body, 3);
    b.add(5 + shards, F::body, 4);          // same shard as 5, listed after it
    b.add(650 + shards * 20, F::body, 1000); // a number of two bytes, in shard 650 % 32 = 10
    b.add(5, F::author, 0);
    Xapian::Document doc;
    b.put(doc);
    auto shard = [&](std::uint32_t word) { return doc.get_value(index::schema::slot_positions + word % shards); };
    std::vector<std::uint32_t> out;
    struct Row {
        std::uint32_t word;
        std::vector<std::uint32_t> positions;  // 4 * index in field + field
    };
    const Row rows[] = {
        {5, {0, 3 * 4 + 2, 0 * 4 + 3}},
        {6, {1 * 4 + 1}},
        {5 + shards, {4 * 4 + 2}},
        {5 + 2 * shards, {}},
        {650 + shards * 20, {1000 * 4 + 2}},
        {7, {}},
    };
    for (const auto& r : rows) {
        INFO("word " << r.word);
        index::positions_in_shard(shard(r.word), r.word, out);
        std::vector<std::uint32_t> sorted = r.positions;
        std::sort(sorted.begin(), sorted.end());
        CHECK(out == sorted);
    }
    // Shards without words have no value at all.
    CHECK(doc.get_value(index::schema::slot_positions + 7).empty());
    CHECK(doc.values_count() == 3);
    // A builder is empty again after put().
    Xapian::Document empty;
    b.put(empty);
    CHECK(empty.values_count() == 0);
}

TEST_CASE("phrases keep to their field: plain text, title:, lead: and author:", "[index][search][phrase]") {
    TestIndex idx(fields_corpus());
    struct Row {
        const char* query;
        Ids expected;
    };
    const Row rows[] = {
        {"\"cảng nghi sơn\"", {1, 2}},
        {"\"nghi son\"", {1, 2}},             // not 3: "Nghi" ends its headline, "Sơn" starts its lead
        {"title:\"nghi sơn\"", {1}},
        {"title:\"họp bàn\"", {2}},
        {"\"họp bàn\"", {1, 2}},
        {"lead:\"mở rộng\"", {2, 3}},
        {"\"mở rộng\"", {1, 2, 3}},
        {"author:\"văn sơn\"", {1}},
        {"\"văn sơn\"", {}},                   // the author is not article text
        {"\"sơn cảng\"", {}},
        {"\"lọc hóa dầu tăng\"", {1}},
        {"\"lọc hóa dầu giảm\"", {}},
        {"\"nghi son\" \"họp bàn\"", {1, 2}},
        {"\"nghi son\" OR \"lọc hóa dầu\"", {1, 2}},
        {"(\"nghi son\")", {1, 2}},
        {"cảng -\"nghi sơn\"", {3}},
        {"rộng NOT \"mở rộng\"", {}},
        {"rộng -(\"mở rộng\" OR tàu)", {}},
    };
    for (const auto& r : rows) {
        INFO(r.query);
        CHECK(idx.id_set(r.query) == r.expected);
    }
}

TEST_CASE("a phrase every match needs is checked by the decider, elsewhere inside the query, alike",
          "[index][search][phrase]") {
    TestIndex idx(fields_corpus());
    index::Searcher s(idx.path());
    for (const char* q : {"\"cảng nghi sơn\"", "\"nghi son\"", "title:\"họp bàn\"", "lead:\"mở rộng\"",
                          "\"sơn cảng\"", "author:\"văn sơn\""}) {
        INFO(q);
        auto alone = s.search(q, {});
        CHECK(alone.query_description.find("PHRASE-CHECK") != std::string::npos);
        CHECK(alone.query_description.find("PhraseFilter") == std::string::npos);
        // OR with a word no article has: the phrase is no longer needed by
        // every match, so it is checked inside the query.
        std::string either = std::string("(") + q + ") OR khongcotunay";
        auto inside = s.search(either, {});
        CHECK(inside.query_description.find("PhraseFilter") != std::string::npos);
        CHECK(idx.id_set(q) == idx.id_set(either));
    }
}

TEST_CASE("word numbers persist: a later writer numbers old words alike and new words afresh",
          "[index][search][phrase]") {
    testing::TempDir dir;
    auto t = vn_time(2026, 11, 2);
    {
        index::Writer w(dir.path());
        w.put(doc(1, "vnexpress", "Đê biển Hậu Lộc", "Đê biển sạt lở sau bão.", t));
        w.commit();
    }
    {
        index::Writer w(dir.path());
        w.put(doc(2, "dantri", "Sạt lở đê biển", "Người dân lo đê biển vỡ.", t));
        w.put(doc(3, "tuoitre", "Cầu tạm", "Cầu tạm xuống cấp nghiêm trọng.", t));
        w.commit();
    }
    Xapian::Database db(dir.path().string());
    // Words of both writers, each with its own number, none zero.
    std::set<std::uint32_t> numbers;
    for (const char* w : {"de", "bien", "hau", "loc", "sat", "lo", "sau", "bao", "cau", "tam", "xuong"})
        numbers.insert(index::word_id(db, w));
    CHECK(numbers.size() == 11);
    CHECK(numbers.count(0) == 0);
    index::Searcher s(dir.path());
    CHECK(found(s, "\"đê biển\"") == Ids{1, 2});
    CHECK(found(s, "\"sạt lở\"") == Ids{1, 2});
    CHECK(found(s, "\"cầu tạm xuống cấp\"") == Ids{3});
    CHECK(found(s, "\"biển đê\"") == Ids{});
}

TEST_CASE("a bulk build's lanes share word numbers, and a writer continues after them", "[index][search][phrase]") {
    testing::TempDir dir;
    auto target = dir.path() / "idx";
    auto t = vn_time(2026, 11, 2);
    {
        index::BulkBuilder b(target, 2);
        index::run_per_lane(b, [&](unsigned lane) {
            for (int i = 0; i < 40; ++i) {
                std::int64_t id = 1 + lane * 100 + i;
                // Each lane meets the words in its own order.
                b.add(lane, doc(id, "vnexpress", lane ? "Mưa lớn gây ngập" : "Ngập sâu sau mưa lớn",
                                lane ? "Đường ngập sâu, mưa lớn kéo dài." : "Mưa lớn kéo dài, đường ngập sâu.", t));
            }
        });
        b.finish();
    }
    {
        index::Writer w(target);
        w.put(doc(1000, "dantri", "Cây đổ", "Gió mạnh làm cây đổ, mưa lớn kéo dài.", t));
        w.commit();
    }
    index::Searcher s(target);
    CHECK(found(s, "\"mưa lớn kéo dài\"").size() == 81);
    CHECK(found(s, "\"ngập sâu\"").size() == 80);
    CHECK(found(s, "\"cây đổ\"") == Ids{1000});
    CHECK(found(s, "\"đổ gió\"") == Ids{});
    Xapian::Database db(target.string());
    CHECK(index::word_id(db, "cay") != index::word_id(db, "mua"));
    CHECK(index::word_id(db, "cay") != index::word_id(db, "ngap"));
}

TEST_CASE("a phrase on a small archive still gets an exact total, even on a short page", "[index][search][phrase]") {
    // The first matches weigh most (short, the phrase twice), so that once
    // a short page is full Xapian turns the later ones away unchecked
    // unless it was asked to count them.
    std::vector<index::Document> docs;
    auto t = vn_time(2026, 11, 2);
    std::string filler;
    for (int k = 0; k < 40; ++k) filler += " Người dân ven biển đánh bắt hải sản theo mùa.";
    for (int i = 1; i <= 30; ++i) {
        std::string body = i <= 3 ? "Thanh Hóa, Thanh Hóa." : i % 3 ? "Thanh Hóa mở rộng cảng biển." + filler
                                                                    : "Hoa thanh long chín đỏ." + filler;
        docs.push_back(doc(i, "vnexpress", "Tin số " + std::to_string(i), body, t));
    }
    TestIndex idx(docs);
    index::Searcher s(idx.path());
    index::SearchOptions o;
    o.limit = 3;
    auto r = s.search("\"thanh hoa\"", o);
    CHECK(r.hits.size() == 3);
    CHECK(r.total_exact);
    CHECK(r.total == 21);
}
