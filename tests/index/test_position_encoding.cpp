// The word position format of schema 6 (index/word_positions.h): lists of
// one position without a length, deltas within a field in words. Every
// position and signature written reads back, at the edges of fields, in
// long documents (positions of three varint bytes) and in shards that mix
// words found once with words found often; and an index of the previous
// format is refused with the way out, never read wrongly.
#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "corpus.h"
#include "index/schema.h"
#include "index/word_positions.h"

using namespace presswatch;
using F = index::schema::WordField;

namespace {

struct Expected {
    std::vector<std::uint32_t> positions;
    std::vector<std::pair<std::uint8_t, std::uint8_t>> signatures;
};

// A document as fields of word numbers; common: the words of the common
// family. Returns what each (word, common) must read back, worked out
// from the words alone.
std::map<std::pair<std::uint32_t, bool>, Expected> put_document(const std::vector<std::vector<std::uint32_t>>& fields,
                                                                 const std::set<std::uint32_t>& common,
                                                                 Xapian::Document& doc) {
    index::PositionsBuilder b;
    std::map<std::pair<std::uint32_t, bool>, Expected> expected;
    // Positions must come out increasing: collect, then sort per word.
    std::map<std::pair<std::uint32_t, bool>, std::vector<std::tuple<std::uint32_t, std::uint8_t, std::uint8_t>>> all;
    for (std::size_t f = 0; f < fields.size(); ++f) {
        const auto& words = fields[f];
        for (std::size_t i = 0; i < words.size(); ++i) {
            bool c = common.count(words[i]) > 0;
            b.add(words[i], static_cast<F>(f), static_cast<std::uint32_t>(i), c);
            std::uint8_t before = i > 0 ? index::neighbour_hash(words[i - 1]) : 0;
            std::uint8_t after = i + 1 < words.size() ? index::neighbour_hash(words[i + 1]) : 0;
            all[{words[i], c}].emplace_back(static_cast<std::uint32_t>(4 * i + f), before, after);
        }
    }
    b.put(doc);
    for (auto& [key, list] : all) {
        std::sort(list.begin(), list.end());
        for (const auto& [p, before, after] : list) {
            expected[key].positions.push_back(p);
            if (!key.second) expected[key].signatures.emplace_back(before, after);
        }
    }
    return expected;
}

void check_reads_back(const Xapian::Document& doc, const std::map<std::pair<std::uint32_t, bool>, Expected>& expected) {
    for (const auto& [key, e] : expected) {
        auto [word, common] = key;
        INFO("word " << word << (common ? " (common)" : ""));
        std::string shard = doc.get_value(index::positions_slot(word, common));
        index::PositionList list(index::list_in_shard(shard, word, common));
        Expected got;
        while (list.next()) {
            got.positions.push_back(list.position());
            if (list.is_signed()) got.signatures.emplace_back(list.before(), list.after());
        }
        CHECK(got.positions == e.positions);
        CHECK(got.signatures == e.signatures);
    }
}

}  // namespace

TEST_CASE("word positions read back exactly: words at field edges, found once or often, in long documents",
          "[index][phrase][positions]") {
    const std::uint32_t own = index::schema::own_position_words, shards = index::schema::position_shards;
    std::set<std::uint32_t> common = {3, 40, 41};
    SECTION("a word found once at the first and last place of each field, beside a word found often") {
        // Three words of one shard: once, between (found twice) and often.
        const std::uint32_t once = 1000, often = 1000 + 2 * shards, between = 1000 + shards;
        std::vector<std::vector<std::uint32_t>> fields = {
            {once, often, 3, between},                 // headline: once first, between last
            {often},                                   // lead: one word, first and last
            {between, 3, often, often, 40, 7, often},  // body: adjacent repeats, an own-slot word
            {7},                                       // author
        };
        Xapian::Document doc;
        auto expected = put_document(fields, common, doc);
        check_reads_back(doc, expected);
        // Absent words of the same shards read as empty.
        for (std::uint32_t w : {1000 + 3 * shards, 1000 - shards, 8u}) {
            std::string shard = doc.get_value(index::positions_slot(w, false));
            CHECK(index::list_in_shard(shard, w, false).empty());
        }
    }
    SECTION("random documents, short and long, where gaps between a word's places cross every varint size") {
        std::mt19937 rng(GENERATE(1u, 2u, 3u));
        for (int d = 0; d < 20; ++d) {
            std::vector<std::vector<std::uint32_t>> fields(4);
            // One long body in four: 6,000 words, positions up to 24,000
            // (three varint bytes once shifted).
            std::size_t body = d % 4 == 0 ? 6000 : 1 + rng() % 400;
            std::size_t sizes[4] = {1 + rng() % 15, rng() % 40, body, rng() % 4};
            for (int f = 0; f < 4; ++f)
                for (std::size_t i = 0; i < sizes[f]; ++i) {
                    // Common words, own-slot words, words in shared shards
                    // with numbers of one to three varint bytes.
                    std::uint32_t k = rng() % 100;
                    std::uint32_t w = k < 20   ? (k < 10 ? 3 : 40 + k % 2)
                                      : k < 45 ? 1 + rng() % own
                                      : k < 90 ? own + 1 + rng() % 3000
                                               : own + 1 + rng() % 400000;
                    fields[f].push_back(w);
                }
            Xapian::Document doc;
            auto expected = put_document(fields, common, doc);
            check_reads_back(doc, expected);
        }
    }
}

TEST_CASE("a word found once takes no length byte in its shard", "[index][phrase][positions]") {
    const std::uint32_t w = index::schema::own_position_words + 5;  // a shared shard
    index::PositionsBuilder b;
    b.add(w, F::body, 0, false);
    Xapian::Document doc;
    b.put(doc);
    // varint(word offset in the shard << 1 | once), varint(position << 1 |
    // signed) = 5, two signature bytes: four bytes.
    CHECK(doc.get_value(index::positions_slot(w, false)).size() == 4);
}

TEST_CASE("an index of the previous position format is refused with the way out, by the searcher and the writer",
          "[index][phrase][positions]") {
    testing::TestIndex idx({testing::doc(1, "vnexpress", "Cảng Nghi Sơn", "Tàu lớn cập cảng.", testing::vn_time(2026, 11, 2))});
    {
        Xapian::WritableDatabase db(idx.path().string(), Xapian::DB_OPEN);
        db.set_metadata(std::string(index::schema::version_key), "5");
        db.commit();
    }
    CHECK_THROWS_WITH(index::Searcher(idx.path()),
                      Catch::Contains("schema version 5") && Catch::Contains("presswatch reindex"));
    CHECK_THROWS_WITH(index::Writer(idx.path()),
                      Catch::Contains("schema version 5") && Catch::Contains("presswatch reindex"));
}
