#include "index/word_positions.h"

#include <algorithm>

namespace presswatch::index {
namespace {

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

// Within a field, a word's positions are 4 apart times the words between
// (word_positions.h): such a delta d is kept as (d / 4) << 1, any other
// (the list moves to another field) as (d << 1) | 1. Gaps of up to 63
// words take one byte instead of 31.
std::uint32_t encode_delta(std::uint32_t d) { return d % 4 == 0 ? (d / 4) << 1 : (d << 1) | 1; }
std::uint32_t decode_delta(std::uint32_t n) { return n & 1 ? n >> 1 : (n >> 1) * 4; }

// The bytes of a one-position list starting at shard[at]: its varint, and
// the two signature bytes when it is signed.
std::size_t single_list_bytes(std::string_view shard, std::size_t at) {
    std::size_t end = at;
    std::uint32_t first = read_varint(shard, end);
    return end - at + ((first & 1) ? 2 : 0);
}

}  // namespace

void PositionsBuilder::add(std::uint32_t word, schema::WordField field, std::uint32_t index_in_field, bool common) {
    std::uint32_t position = index_in_field * 4 + static_cast<std::uint32_t>(field);
    // The word before this one in its field is the previous entry: words
    // come in order. It gets this word as its next neighbour.
    std::uint8_t before = 0;
    if (!entries_.empty() && index_in_field > 0 && entries_.back().position + 4 == position) {
        entries_.back().after = neighbour_hash(word);
        before = neighbour_hash(entries_.back().word);
    }
    entries_.push_back({positions_slot(word, common), word, position, common, before, 0});
}

void PositionsBuilder::put(Xapian::Document& doc) {
    // By slot, then word, then position.
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
        if (a.slot != b.slot) return a.slot < b.slot;
        return a.word != b.word ? a.word < b.word : a.position < b.position;
    });
    std::string value, list;
    for (std::size_t i = 0; i < entries_.size();) {
        Xapian::valueno slot = entries_[i].slot;
        bool own = has_own_slot(entries_[i].word, entries_[i].common);
        bool sign = !entries_[i].common;
        std::uint32_t shards = shards_of(entries_[i].common);
        std::uint32_t previous_word = entries_[i].word % shards;
        value.clear();
        while (i < entries_.size() && entries_[i].slot == slot) {
            std::uint32_t word = entries_[i].word;
            list.clear();
            std::uint32_t previous = 0;
            std::size_t count = 0;
            for (bool first = true; i < entries_.size() && entries_[i].word == word; ++i, first = false, ++count) {
                const Entry& e = entries_[i];
                if (first) append_varint(list, (e.position << 1) | (sign ? 1 : 0));
                else append_varint(list, encode_delta(e.position - previous));
                previous = e.position;
                if (sign) {
                    list.push_back(static_cast<char>(e.before));
                    list.push_back(static_cast<char>(e.after));
                }
            }
            if (!own) {
                // A word found once (most words of a document) has a list
                // whose length its first varint tells: no length varint.
                bool single = count == 1;
                append_varint(value, ((word - previous_word) / shards) << 1 | (single ? 1 : 0));
                if (!single) append_varint(value, static_cast<std::uint32_t>(list.size()));
            }
            value += list;
            previous_word = word;
        }
        doc.add_value(slot, value);
    }
    entries_.clear();
}

bool PositionList::next() {
    if (at_ >= list_.size()) return false;
    bool first = at_ == 0;
    std::uint32_t n = read_varint(list_, at_);
    if (first) {
        signed_ = n & 1;
        position_ = n >> 1;
    } else {
        position_ += decode_delta(n);
    }
    if (signed_) {
        if (list_.size() - at_ < 2) {  // malformed: a position without its signature
            at_ = list_.size();
            return false;
        }
        before_ = static_cast<std::uint8_t>(list_[at_++]);
        after_ = static_cast<std::uint8_t>(list_[at_++]);
    }
    return true;
}

std::string_view list_in_shard(std::string_view shard, std::uint32_t word, bool common) {
    if (has_own_slot(word, common)) return shard;
    std::uint32_t shards = shards_of(common);
    std::uint32_t w = word % shards;
    std::size_t at = 0;
    while (at < shard.size()) {
        std::uint32_t head = read_varint(shard, at);
        w += (head >> 1) * shards;
        std::size_t bytes = (head & 1) ? single_list_bytes(shard, at) : read_varint(shard, at);
        if (w > word || bytes > shard.size() - at) break;  // words are in increasing order
        if (w == word) return shard.substr(at, bytes);
        at += bytes;  // another word's positions: skipped whole
    }
    return {};
}

std::string_view PositionReader::list(Xapian::docid did, std::uint32_t word, bool common) {
    Xapian::valueno slot = positions_slot(word, common);
    auto s = std::find_if(streams_.begin(), streams_.end(), [&](const Stream& x) { return x.slot == slot; });
    // Value streams only move forward: a search asks in increasing document
    // order, anything else reopens the stream.
    if (s == streams_.end() || did < s->last) {
        if (s == streams_.end()) s = streams_.insert(streams_.end(), Stream{slot, 0, {}, {}, {}});
        s->it = db_.valuestream_begin(slot);
        s->end = db_.valuestream_end(slot);
    }
    s->last = did;
    if (s->it != s->end && s->it.get_docid() < did) s->it.skip_to(did);
    if (s->it == s->end || s->it.get_docid() != did) return {};
    s->value = *s->it;
    return list_in_shard(s->value, word, common);
}

void PositionReader::positions(Xapian::docid did, std::uint32_t word, bool common, std::vector<std::uint32_t>& out) {
    out.clear();
    PositionList l(list(did, word, common));
    while (l.next()) out.push_back(l.position());
}

}  // namespace presswatch::index
