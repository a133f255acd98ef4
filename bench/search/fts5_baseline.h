#pragma once
// The baseline the issue names: SQLite FTS5 with the unicode61 tokenizer
// and remove_diacritics 2, the embedded full-text search a user would
// otherwise pick, over the same articles and the same query classes.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/index.h"
#include "store/database.h"

namespace presswatch::bench {

class Fts5Baseline {
public:
    explicit Fts5Baseline(const std::filesystem::path& file);
    void begin();
    void add(const index::Document& d);
    void commit();
    void optimize();  // merge FTS5 segments, as a finished build would

    // Each returns the number of hits on the page (<= 10), with snippets.
    std::size_t words(const std::string& match);
    std::size_t filtered(const std::string& match, const std::string& outlet, const std::string& topic);
    // Top 10 by rank plus exact counts by outlet, topic, flag and month.
    std::size_t date_facets(const std::string& match, const std::string& from_day, const std::string& to_day);
    // Newest first, one hit per story.
    std::size_t date_collapsed(const std::string& match);

    // An article's lead and body, as the store would give them to the
    // Xapian side for its snippets (a B-tree lookup by id, like the store's).
    std::string text(std::int64_t id);

private:
    store::Database db_;
    std::optional<store::Statement> text_;
};

}  // namespace presswatch::bench
