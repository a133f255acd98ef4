// Phrases are checked on each document's word sequence (schema::slot_words,
// index/phrase_filter.h), numbered by the index's own word numbers
// (index/word_ids.h): the order, the fields, and numbers that stay the same
// across writers and bulk builds.
#include <catch2/catch.hpp>
#include <xapian.h>

#include "corpus.h"
#include "index/bulk_build.h"
#include "index/phrase_filter.h"
#include "index/schema.h"
#include "index/word_ids.h"

using namespace presswatch;
using presswatch::testing::doc;
using presswatch::testing::TestIndex;
using presswatch::testing::vn_time;
using Ids = std::set<std::int64_t>;

namespace {

std::string seq(std::initializer_list<std::uint32_t> ids) {
    std::string out;
    for (auto n : ids) {
        if (n == 0) out.push_back('\0');
        else index::append_varint(out, n);
    }
    return out;
}

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

TEST_CASE("a run matches only whole word numbers inside one of the asked fields", "[index][search][phrase]") {
    const unsigned headline = 1u << 0, body = 1u << 2, author = 1u << 3, text = 0b0111;
    struct Row {
        std::string sequence, run;
        unsigned mask;
        bool holds;
    };
    const Row rows[] = {
        {seq({1, 2, 3, 0, 0, 0, 0}), seq({2, 3}), text, true},
        {seq({1, 2, 3, 0, 0, 0, 0}), seq({3, 2}), text, false},
        {seq({1, 2, 3, 0, 0, 0, 0}), seq({2, 3}), body, false},        // in the headline only
        {seq({1, 2, 0, 3, 0, 0, 0}), seq({2, 3}), text, false},        // across headline and lead
        {seq({0, 0, 7, 8, 0, 9, 0}), seq({7, 8}), body, true},
        {seq({0, 0, 7, 8, 0, 9, 10, 0}), seq({9, 10}), text, false},   // the author is not text
        {seq({0, 0, 7, 8, 0, 9, 10, 0}), seq({9, 10}), author, true},
        // 645 is 0x85 0x05: the byte of 5 inside it is not the number 5.
        {seq({645, 6, 0, 0, 0}), seq({5, 6}), headline, false},
        {seq({645, 6, 0, 0, 0}), seq({645, 6}), headline, true},
        {seq({4, 5, 6, 0, 0, 0}), seq({5, 6}), headline, true},
        {seq({1, 2, 0, 0, 0}), "", text, false},                      // a word the index lacks
    };
    for (const auto& r : rows) {
        INFO("row " << (&r - rows));
        CHECK(index::PhraseFilter::holds(r.sequence, r.run, r.mask) == r.holds);
    }
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
