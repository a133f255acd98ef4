// Phrases are checked on each document's word positions
// (index/word_positions.h, index/phrase_filter.h), numbered by the index's
// own word numbers (index/word_ids.h): the order, the fields, and numbers
// that stay the same across writers and bulk builds.
#include <random>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "corpus.h"
#include "index/bulk_build.h"
#include "index/phrase_filter.h"
#include "index/schema.h"
#include "index/word_ids.h"
#include "index/word_positions.h"
#include "text/syllables.h"

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

TEST_CASE("word positions: shards by word number, common words apart, the first numbers in slots of their own, "
          "the others signed with their neighbours",
          "[index][search][phrase]") {
    using F = index::schema::WordField;
    const std::uint32_t shards = index::schema::position_shards;
    const std::uint32_t own = index::schema::own_position_words;  // words 1 .. own: a slot each
    const std::uint32_t a = own + 5, b7 = own + 7, two_bytes = own + 650;
    const std::uint32_t far = a + 3 * shards;  // same shard as a, listed after it
    const std::uint32_t alone = 9;             // a slot of its own
    index::PositionsBuilder b;
    // headline: a 6; lead: b7; body: a two_bytes a far alone; author: a.
    // Word 6 is common (unsigned, in the common family although its number
    // is small), the others are signed.
    b.add(a, F::headline, 0, false);
    b.add(6, F::headline, 1, true);
    b.add(b7, F::lead, 0, false);
    b.add(a, F::body, 0, false);
    b.add(two_bytes, F::body, 1, false);
    b.add(a, F::body, 2, false);
    b.add(far, F::body, 3, false);
    b.add(alone, F::body, 4, false);
    b.add(a, F::author, 0, false);
    Xapian::Document doc;
    b.put(doc);
    auto h = [](std::uint32_t w) { return index::neighbour_hash(w); };
    using Sig = std::pair<std::uint8_t, std::uint8_t>;  // hashes of the words before and after
    auto sig = [](std::uint8_t before, std::uint8_t after) { return Sig{before, after}; };
    struct Row {
        std::uint32_t word;
        bool common;
        std::vector<std::uint32_t> positions;  // 4 * index in field + field, increasing
        std::vector<Sig> signatures;           // empty: unsigned
    };
    const Row rows[] = {
        // A field's first word has no word before it (0), its last none after.
        {a, false, {0 * 4 + 0, 0 * 4 + 2, 0 * 4 + 3, 2 * 4 + 2}, {sig(0, h(6)), sig(0, h(two_bytes)), sig(0, 0), sig(h(two_bytes), h(far))}},
        {6, true, {1 * 4 + 0}, {}},
        {b7, false, {0 * 4 + 1}, {sig(0, 0)}},
        {two_bytes, false, {1 * 4 + 2}, {sig(h(a), h(a))}},
        {far, false, {3 * 4 + 2}, {sig(h(a), h(alone))}},
        {alone, false, {4 * 4 + 2}, {sig(h(far), 0)}},
        {a + shards, false, {}, {}},  // between a and far in their shard, absent
        {own + 8, false, {}, {}},
        {8, false, {}, {}},  // an empty slot of its own
        {6, false, {}, {}},  // a common word is not in the other families
    };
    for (const auto& r : rows) {
        INFO("word " << r.word << (r.common ? " (common)" : ""));
        std::string shard = doc.get_value(index::positions_slot(r.word, r.common));
        index::PositionList list(index::list_in_shard(shard, r.word, r.common));
        std::vector<std::uint32_t> positions;
        std::vector<Sig> signatures;
        while (list.next()) {
            positions.push_back(list.position());
            if (list.is_signed()) signatures.push_back(sig(list.before(), list.after()));
        }
        CHECK(positions == r.positions);
        CHECK(signatures == r.signatures);
    }
    // A word with a slot of its own: the slot holds its list alone.
    CHECK(index::positions_slot(alone, false) == index::schema::slot_own_positions + alone - 1);
    CHECK(index::positions_slot(alone, true) != index::positions_slot(alone, false));
    CHECK(index::list_in_shard(doc.get_value(index::positions_slot(alone, false)), alone, false) ==
          doc.get_value(index::positions_slot(alone, false)));
    CHECK(index::positions_slot(own + 1, false) < index::schema::slot_own_positions);
    // Slots without words have no value at all: a, two_bytes' shard, b7,
    // 6's and alone's (a and far share one).
    CHECK(doc.values_count() == 5);
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

TEST_CASE("a phrase every match needs is checked by the decider, its candidates walked from a rarer word's "
          "signatures; under OR the walk checks it whole; all three find the same",
          "[index][search][phrase]") {
    TestIndex idx(fields_corpus());
    index::Searcher s(idx.path());
    index::CommonGrams grams = index::CommonGrams::builtin();
    bool saw_common = false, saw_rare = false;
    for (const char* q : {"\"cảng nghi sơn\"", "\"nghi son\"", "title:\"họp bàn\"", "lead:\"mở rộng\"",
                          "\"sơn cảng\"", "author:\"văn sơn\"", "title:\"kế hoạch\"", "\"có gì\""}) {
        INFO(q);
        std::string phrase = q;
        phrase = phrase.substr(phrase.find('"') + 1);
        phrase.pop_back();
        bool all_common = true;
        for (const auto& w : text::syllables(phrase)) all_common &= grams.common(w.folded);
        (all_common ? saw_common : saw_rare) = true;
        auto alone = s.search(q, {});
        CHECK(alone.query_description.find("PHRASE-CHECK") != std::string::npos);
        CHECK((alone.query_description.find("PhraseCandidates") != std::string::npos) == !all_common);
        CHECK(alone.query_description.find("PhraseFilter") == std::string::npos);
        // OR with a word no article has: the phrase is no longer needed by
        // every match, so it is checked inside the query.
        std::string either = std::string("(") + q + ") OR khongcotunay";
        auto inside = s.search(either, {});
        CHECK(inside.query_description.find("PhraseFilter") != std::string::npos);
        CHECK(inside.query_description.find("PHRASE-CHECK") == std::string::npos);
        CHECK(idx.id_set(q) == idx.id_set(either));
    }
    CHECK(saw_common);
    CHECK(saw_rare);
}

TEST_CASE("phrases find exactly the articles that hold them, also where neighbour signatures collide, "
          "whether the words have slots of their own or share them",
          "[index][search][phrase]") {
    // Forty syllables, four of them common, in random texts; the answer is
    // worked out by brute force over the texts. A first article holds 300
    // syllables, so that some word numbers hash alike (below).
    std::vector<std::string> vocab;
    for (int i = 0; i < 300; ++i) vocab.push_back("ta" + std::to_string(i));
    // The rarer syllables the phrases use get the first word numbers, and
    // so slots of their own; or the index numbers other words first, and
    // theirs are shared slots.
    const bool own_slots = GENERATE(true, false);
    INFO((own_slots ? "slots of their own" : "shared slots"));
    std::vector<std::string> first;
    if (!own_slots)
        for (std::uint32_t i = 0; i < index::schema::own_position_words; ++i) first.push_back("tb" + std::to_string(i));
    index::CommonGrams grams({"ta0", "ta1", "ta2", "ta3"}, first);
    std::mt19937 rng(11);
    std::vector<std::vector<std::string>> bodies;
    auto t = vn_time(2026, 11, 2);
    testing::TempDir dir;
    auto add = [&](index::Writer& w, const std::vector<std::string>& words) {
        std::string body;
        for (const auto& x : words) body += (body.empty() ? "" : " ") + x;
        bodies.push_back(words);
        w.put(doc(static_cast<std::int64_t>(bodies.size()), "vnexpress", "", body, t));
    };
    {
        index::Writer w(dir.path(), index::Writer::Durability::normal, grams);
        add(w, vocab);
        for (int id = 1; id <= 300; ++id) {
            std::vector<std::string> words;
            int n = 3 + static_cast<int>(rng() % 12);
            for (int i = 0; i < n; ++i) {
                // Common syllables as often as all the others together.
                std::size_t k = rng() % 72;
                words.push_back(vocab[k < 36 ? k % 4 : 4 + (k - 36)]);
            }
            add(w, words);
        }
        w.commit();
    }
    // Two rarer syllables whose word numbers hash alike: an article with
    // "x y2" has, around x, the signature of "x y", and only the positions
    // can tell them apart.
    std::string x = vocab[4], y, y2;
    {
        Xapian::Database db(dir.path().string());
        for (std::size_t i = 5; i < vocab.size() && y.empty(); ++i)
            for (std::size_t j = i + 1; j < vocab.size() && y.empty(); ++j)
                if (index::neighbour_hash(index::word_id(db, vocab[i])) ==
                    index::neighbour_hash(index::word_id(db, vocab[j]))) {
                    y = vocab[i];
                    y2 = vocab[j];
                }
    }
    REQUIRE(!y.empty());
    {
        Xapian::Database db(dir.path().string());
        for (const auto& w : {x, y, y2, vocab[5], vocab[7]})
            CHECK(index::has_own_slot(index::word_id(db, w), false) == own_slots);
    }
    {
        index::Writer w(dir.path(), index::Writer::Durability::normal, grams);
        add(w, {x, y2, vocab[0]});
        add(w, {y2, x, y2});
        add(w, {x, y, vocab[1], y2});
        w.commit();
    }
    std::vector<std::vector<std::string>> phrases = {{x, y}, {x, y2}, {y, x}, {y2, x}, {x, y, vocab[1]},
                                                     {x, y2, vocab[0]}, {y2, x, y}, {y2, x, y2}};
    for (int k = 0; k < 150; ++k) {
        std::vector<std::string> phrase;
        int n = 2 + static_cast<int>(rng() % 2);
        for (int i = 0; i < n; ++i) phrase.push_back(vocab[rng() % 8]);  // 4 common, 4 not
        phrases.push_back(phrase);
    }
    index::Searcher s(dir.path());
    int nonempty = 0;
    for (const auto& phrase : phrases) {
        Ids expected;
        for (std::size_t d = 0; d < bodies.size(); ++d)
            for (std::size_t i = 0; i + phrase.size() <= bodies[d].size(); ++i)
                if (std::equal(phrase.begin(), phrase.end(), bodies[d].begin() + static_cast<std::ptrdiff_t>(i)))
                    expected.insert(static_cast<std::int64_t>(d + 1));
        std::string q = "\"";
        for (std::size_t i = 0; i < phrase.size(); ++i) q += (i ? " " : "") + phrase[i];
        q += "\"";
        INFO(q);
        CHECK(found(s, q) == expected);
        CHECK(found(s, "(" + q + ") OR khongcotunay") == expected);
        nonempty += !expected.empty();
    }
    CHECK(nonempty > 50);
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
    // A new index numbers the language's next most frequent syllables
    // first (their positions get slots of their own), then the words as
    // they come.
    const index::CommonGrams grams = index::CommonGrams::builtin();
    const auto& first = grams.numbered_first();
    REQUIRE(first.size() > 100);
    REQUIRE(first.size() <= index::schema::own_position_words);
    for (std::uint32_t i = 0; i < first.size(); ++i) CHECK(index::word_id(db, first[i]) == i + 1);
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

TEST_CASE("a bulk build whose lanes fill several parts each merges every part", "[index][search][phrase]") {
    testing::TempDir dir;
    auto target = dir.path() / "idx";
    auto parts = dir.path() / "idx.parts";
    auto t = vn_time(2026, 11, 2);
    {
        // 40 articles a lane, 7 a part: 6 parts a lane, the last one short.
        index::BulkBuilder b(target, 2, index::CommonGrams::builtin(), 7);
        index::run_per_lane(b, [&](unsigned lane) {
            for (int i = 0; i < 40; ++i) {
                std::int64_t id = 1 + lane * 100 + i;
                bool rain = i % 2 == 0;
                b.add(lane, doc(id, "vnexpress", rain ? "Mưa lớn gây ngập" : "Nắng nóng kéo dài",
                                rain ? "Đường ngập sâu sau mưa lớn." : "Nắng nóng làm khô hạn ruộng đồng.", t));
            }
        });
        CHECK(std::distance(std::filesystem::directory_iterator(parts), std::filesystem::directory_iterator()) == 12);
        b.finish();
    }
    CHECK_FALSE(std::filesystem::exists(parts));
    CHECK(Xapian::Database(target.string()).get_doccount() == 80);
    index::Searcher s(target);
    Ids all;
    for (unsigned lane = 0; lane < 2; ++lane)
        for (int i = 0; i < 40; ++i) all.insert(1 + lane * 100 + i);
    Ids rain, sun;
    for (auto id : all) ((id - 1) % 100 % 2 == 0 ? rain : sun).insert(id);  // i even: rain
    CHECK(found(s, "\"mưa lớn\"") == rain);
    CHECK(found(s, "\"nắng nóng\"") == sun);
    CHECK(found(s, "\"ngập sâu sau mưa\"") == rain);
    CHECK(found(s, "\"lớn mưa\"") == Ids{});
    CHECK(found(s, "outlet:vnexpress") == all);
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
