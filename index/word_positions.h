#pragma once
// Word positions, kept in value slots instead of Xapian's positional
// postings (see schema.h, slot_positions).
//
// A word's position is 4 * (its index among the words of its field) + the
// field (schema::WordField), so a phrase is a run p, p + 4, p + 8, ... and
// can never span two fields, and p & 3 tells the field.
//
// A document's positions are spread over value slots by word number, in
// three families: the words of the index's common list (common_grams.h)
// over common_position_shards slots; the words numbered 1 ..
// own_position_words outside it, one slot each; every other word over
// position_shards slots. Keeping them apart keeps a rarer word's slot
// small: the common words are in nearly every article with long lists, and
// a phrase walk skips through its rarest word's slot for every article
// holding that word (schema 3 had one family of 32 slots, so each skip
// read values shared with common words). The words just below the common
// list are in a quarter to a half of the articles: their walks are the
// longest, so each has a slot of its own, whose value stream holds that
// word's articles alone and is the walk itself (schema 5; a new index
// numbers them first, CommonGrams::numbered_first). One slot for every
// word would give an article ~300 value entries to add, commit and
// compact: the build was 27 % slower at 100,000 articles. Even 256 shards
// cost some (docs/benchmarks.md, search).
//
// A shard's value lists its words by increasing number, each as
// varint(((number - the previous number, or the shard) / shards) << 1 |
// once), where once says the word is there once; then, unless once,
// varint(n); then its list of n bytes (a list of one position is its one
// varint and, signed, two signature bytes: n is not needed, and most
// words of a document are there once). A slot of one word's own holds its
// list alone. A list is the word's positions, increasing: the first as
// varint((position << 1) | signed), each next one as a delta d, kept as
// varint((d / 4) << 1) when d is a multiple of 4 (the same field, d / 4
// words further) and as varint((d << 1) | 1) otherwise (schema 6; schema
// 5 had varint(n) for every word and varint(d): 9 % more bytes). In a
// signed list every position is followed by two bytes, the neighbour
// signature: the 8-bit
// hashes of the word numbers before and after it in its field (0 when
// there is none). A phrase whose rarest word is signed rules out almost
// every candidate on that word alone, without reading its common
// neighbours' long lists. Common words are unsigned: their phrases go by
// pair terms.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index/schema.h"

namespace presswatch::index {

// The 8-bit hash of a word number used in neighbour signatures. One byte
// a side: with 4 bits, one candidate in 16 of a two-word phrase still
// needed its other word read (a skip through that word's value stream).
inline std::uint8_t neighbour_hash(std::uint32_t word) { return static_cast<std::uint8_t>((word * 0x9E3779B1u) >> 24); }

// How many slots a family of words has (common or not).
inline std::uint32_t shards_of(bool common) {
    return common ? schema::common_position_shards : schema::position_shards;
}

// Whether a word's positions have a slot of their own.
inline bool has_own_slot(std::uint32_t word, bool common) {
    return !common && word >= 1 && word <= schema::own_position_words;
}

// The slot holding a word's positions.
inline Xapian::valueno positions_slot(std::uint32_t word, bool common) {
    if (has_own_slot(word, common)) return schema::slot_own_positions + word - 1;
    return (common ? schema::slot_common_positions : schema::slot_positions) + word % shards_of(common);
}

// Collects one document's word positions, then writes them per shard.
class PositionsBuilder {
public:
    // Words come in order within a field: index_in_field 0, 1, 2, ...
    // Common words (common_grams.h) go unsigned to their own family.
    void add(std::uint32_t word, schema::WordField field, std::uint32_t index_in_field, bool common);
    // Adds the non-empty shards to doc, and clears the builder.
    void put(Xapian::Document& doc);

private:
    struct Entry {
        Xapian::valueno slot;
        std::uint32_t word, position;
        bool common;
        std::uint8_t before, after;  // neighbour hashes
    };
    std::vector<Entry> entries_;
};

// Reads one word's list (the n bytes after its number) position by
// position, without building vectors: a phrase walk reads one list per
// candidate and keeps almost none of it.
class PositionList {
public:
    explicit PositionList(std::string_view list) : list_(list) {}
    // Moves to the next position; false at the end.
    bool next();
    std::uint32_t position() const { return position_; }
    bool is_signed() const { return signed_; }  // known after the first next()
    std::uint8_t before() const { return before_; }  // signed lists only
    std::uint8_t after() const { return after_; }

private:
    std::string_view list_;
    std::size_t at_ = 0;
    bool signed_ = false;
    std::uint32_t position_ = 0;
    std::uint8_t before_ = 0, after_ = 0;
};

// Word's list in the value of its slot (empty if it is not there).
std::string_view list_in_shard(std::string_view shard, std::uint32_t word, bool common);

// Reads positions document by document, in increasing document order,
// keeping one value stream per slot it has been asked for.
class PositionReader {
public:
    explicit PositionReader(const Xapian::Database& db) : db_(db) {}
    // The positions of word in document did, increasing (empty when it
    // has none).
    void positions(Xapian::docid did, std::uint32_t word, bool common, std::vector<std::uint32_t>& out);
    // Its list, valid until the next call for the same slot.
    std::string_view list(Xapian::docid did, std::uint32_t word, bool common);

private:
    struct Stream {
        Xapian::valueno slot;
        Xapian::docid last = 0;  // the last document asked for
        Xapian::ValueIterator it, end;
        std::string value;  // the value of the document last read
    };
    Xapian::Database db_;
    std::vector<Stream> streams_;
};

}  // namespace presswatch::index
