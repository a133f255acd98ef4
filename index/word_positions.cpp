#include "index/word_positions.h"

#include <algorithm>

#include "index/word_ids.h"

namespace presswatch::index {
namespace {

std::uint32_t shard_of(std::uint32_t word) { return word % schema::position_shards; }

// Appends n as an unsigned LEB128 varint: 7 bits a byte, high bit set on
// every byte but the last.
void append_varint(std::string& out, std::uint32_t n) {
    while (n >= 0x80) {
        out.push_back(static_cast<char>((n & 0x7F) | 0x80));
        n >>= 7;
    }
    out.push_back(static_cast<char>(n));
}

// Reads a varint at s[at], moving at past it; 0 at a malformed end.
std::uint32_t read_varint(std::string_view s, std::size_t& at) {
    std::uint32_t n = 0;
    for (unsigned shift = 0; at < s.size() && shift < 35; shift += 7) {
        auto b = static_cast<unsigned char>(s[at++]);
        n |= static_cast<std::uint32_t>(b & 0x7F) << shift;
        if ((b & 0x80) == 0) return n;
    }
    at = s.size();
    return 0;
}

}  // namespace

void PositionsBuilder::add(std::uint32_t word, schema::WordField field, std::uint32_t index_in_field) {
    entries_.emplace_back(word, index_in_field * 4 + static_cast<std::uint32_t>(field));
}

void PositionsBuilder::put(Xapian::Document& doc) {
    // By shard, then word, then position: each shard's words in increasing
    // number, each word's positions increasing.
    std::sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
        std::uint32_t sa = shard_of(a.first), sb = shard_of(b.first);
        return sa != sb ? sa < sb : a < b;
    });
    std::string value, deltas;
    for (std::size_t i = 0; i < entries_.size();) {
        std::uint32_t shard = shard_of(entries_[i].first);
        value.clear();
        while (i < entries_.size() && shard_of(entries_[i].first) == shard) {
            std::uint32_t word = entries_[i].first;
            std::size_t end = i;
            while (end < entries_.size() && entries_[end].first == word) ++end;
            deltas.clear();
            std::uint32_t previous = 0;
            for (; i < end; ++i) {
                append_varint(deltas, entries_[i].second - previous);
                previous = entries_[i].second;
            }
            append_varint(value, word);
            append_varint(value, static_cast<std::uint32_t>(deltas.size()));
            value += deltas;
        }
        doc.add_value(schema::slot_positions + shard, value);
    }
    entries_.clear();
}

void positions_in_shard(std::string_view shard, std::uint32_t word, std::vector<std::uint32_t>& out) {
    out.clear();
    std::size_t at = 0;
    while (at < shard.size()) {
        std::uint32_t w = read_varint(shard, at);
        std::size_t bytes = read_varint(shard, at);
        if (w > word || bytes > shard.size() - at) return;  // words are in increasing order
        if (w == word) {
            std::string_view deltas = shard.substr(at, bytes);
            std::size_t d = 0;
            for (std::uint32_t p = 0; d < deltas.size();) out.push_back(p += read_varint(deltas, d));
            return;
        }
        at += bytes;  // another word's positions: skipped whole
    }
}

void PositionReader::positions(Xapian::docid did, std::uint32_t word, std::vector<std::uint32_t>& out) {
    out.clear();
    Stream& s = streams_[shard_of(word)];
    Xapian::valueno slot = schema::slot_positions + shard_of(word);
    // Value streams only move forward: a search asks in increasing document
    // order, anything else reopens the stream.
    if (!s.open || did < s.last) {
        s.it = db_.valuestream_begin(slot);
        s.end = db_.valuestream_end(slot);
        s.open = true;
    }
    s.last = did;
    if (s.it == s.end) return;
    if (s.it.get_docid() < did) s.it.skip_to(did);
    if (s.it == s.end || s.it.get_docid() != did) return;
    positions_in_shard(*s.it, word, out);
}

}  // namespace presswatch::index
