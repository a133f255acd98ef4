#pragma once
// Word numbers: every distinct folded word of an index has a number (1, 2,
// ...), so that a document's word positions (word_positions.h) are short
// strings of varints instead of text. The numbers belong to the index: each
// is recorded in its metadata under word_key(word), and the next free one
// under schema::word_count_key, committed with the documents that use them.
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "index/terms.h"

namespace presswatch::index {

// Metadata key of a folded word's number.
std::string word_key(std::string_view folded);

// The numbers of one index, for writing. Thread-safe: the lanes of a bulk
// build share one table.
class WordIds {
public:
    // A table backed by db's metadata: numbers already recorded are read
    // from it, new ones are recorded in it (committed with db).
    explicit WordIds(Xapian::WritableDatabase& db);
    // A table in memory only, for a bulk build: record() writes it into the
    // finished index.
    WordIds() = default;
    WordIds(const WordIds&) = delete;
    WordIds& operator=(const WordIds&) = delete;

    // The number of a folded word, allotted if new.
    std::uint32_t id(std::string_view folded);
    // The same for a scanned word, remembered in its cached forms: the
    // writer's hot loop asks for the same few thousand words again and
    // again (terms.h).
    std::uint32_t id(const WordForms& word) {
        if (word.number_owner != serial_) {
            word.number = id(word.folded);
            word.number_owner = serial_;
        }
        return word.number;
    }
    // On a table that has numbered nothing yet (a new index), numbers
    // these words first, in order; otherwise does nothing.
    void number_first(const std::vector<std::string>& folded_words);
    // Writes every number and the next free one into db's metadata.
    void record(Xapian::WritableDatabase& db) const;

private:
    const std::uint64_t serial_ = new_forms_owner();
    Xapian::WritableDatabase* db_ = nullptr;
    mutable std::mutex m_;
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::uint32_t next_ = 1;
};

// The number of a folded word in a (readable) index; 0 when the index has
// never seen the word.
std::uint32_t word_id(const Xapian::Database& db, std::string_view folded);

}  // namespace presswatch::index
