#include "index/word_ids.h"

#include <algorithm>
#include <charconv>

#include "index/schema.h"

namespace presswatch::index {
namespace {

std::uint32_t parse_number(const std::string& s) {
    std::uint32_t n = 0;
    std::from_chars(s.data(), s.data() + s.size(), n);
    return n;
}

}  // namespace

std::string word_key(std::string_view folded) {
    std::string key(schema::word_key_prefix);
    key.append(folded);
    return key;
}

WordIds::WordIds(Xapian::WritableDatabase& db)
    : db_(&db), next_(std::max<std::uint32_t>(1, parse_number(db.get_metadata(std::string(schema::word_count_key))))) {}

std::uint32_t WordIds::id(std::string_view folded) {
    std::lock_guard lock(m_);
    // A word's std::string is built once per new word; lookups of known
    // words reuse this buffer.
    thread_local std::string key;
    key.assign(folded);
    if (auto it = ids_.find(key); it != ids_.end()) return it->second;
    std::uint32_t n = db_ ? parse_number(db_->get_metadata(word_key(folded))) : 0;
    if (n == 0) {
        n = next_++;
        if (db_) {
            db_->set_metadata(word_key(folded), std::to_string(n));
            db_->set_metadata(std::string(schema::word_count_key), std::to_string(next_));
        }
    }
    ids_.emplace(key, n);
    return n;
}

void WordIds::number_first(const std::vector<std::string>& folded_words) {
    {
        std::lock_guard lock(m_);
        if (next_ != 1 || !ids_.empty()) return;
    }
    for (const auto& w : folded_words) id(w);
}

void WordIds::record(Xapian::WritableDatabase& db) const {
    std::lock_guard lock(m_);
    for (const auto& [word, n] : ids_) db.set_metadata(word_key(word), std::to_string(n));
    db.set_metadata(std::string(schema::word_count_key), std::to_string(next_));
}

std::uint32_t word_id(const Xapian::Database& db, std::string_view folded) {
    return parse_number(db.get_metadata(word_key(folded)));
}

}  // namespace presswatch::index
