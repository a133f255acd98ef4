#pragma once
// Word positions, kept in value slots instead of Xapian's positional
// postings (see schema.h, slot_positions).
//
// A word's position is 4 * (its index among the words of its field) + the
// field (schema::WordField), so a phrase is a run p, p + 4, p + 8, ... and
// can never span two fields, and p & 3 tells the field. Each document
// spreads its words over position_shards value slots by word number
// (word_ids.h): word w goes to slot slot_positions + w % position_shards.
// One shard's value lists its words by increasing number, each as
// varint(number), varint(n), then n bytes: its positions as varint deltas
// (the length lets a reader skip the words it does not want).
//
// A phrase check reads only the shards of the phrase's words: about 2/32
// of the position data for a two-word phrase. Xapian's glass backend keeps
// one B-tree entry per (term, document) with positions, about 21 bytes
// each on our articles (57 % of the index); one value per document read
// whole (schema 3's first form) made every check read all of a
// document's words. Measured in docs/benchmarks.md (search).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index/schema.h"

namespace presswatch::index {

// Collects one document's word positions, then encodes them per shard.
class PositionsBuilder {
public:
    void add(std::uint32_t word, schema::WordField field, std::uint32_t index_in_field);
    // Adds the non-empty shards to doc, and clears the builder.
    void put(Xapian::Document& doc);

private:
    std::vector<std::pair<std::uint32_t, std::uint32_t>> entries_;  // (word, position)
};

// The positions of word in one shard's value, in increasing order (empty
// if the shard does not list it).
void positions_in_shard(std::string_view shard, std::uint32_t word, std::vector<std::uint32_t>& out);

// Reads positions document by document, in increasing document order,
// keeping one value stream per shard it has needed.
class PositionReader {
public:
    explicit PositionReader(const Xapian::Database& db) : db_(db) {}
    // The positions of word in document did.
    void positions(Xapian::docid did, std::uint32_t word, std::vector<std::uint32_t>& out);

private:
    Xapian::Database db_;
    struct Stream {
        bool open = false;
        Xapian::docid last = 0;  // the last document asked for
        Xapian::ValueIterator it, end;
    };
    Stream streams_[schema::position_shards];
};

}  // namespace presswatch::index
