#pragma once
// Saved searches: named queries (table saved_search, migration 32) that
// `presswatch search @NAME` and reports reuse. A query is stored as typed;
// it is checked by running it before it is saved.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace presswatch::store {

struct SavedSearch {
    std::string name;            // [a-z0-9_-], 1..64 characters
    std::string query;
    bool exact = false;
    bool collapse = false;
    std::string sort;            // "relevance" | "date" | "" (relevance)
    std::string created_by;
    std::int64_t created_at = 0, updated_at = 0;
};

// Adds or replaces by name (keeping created_*). Throws InputError for a bad
// name or an empty query.
void save_search(Store& store, const SavedSearch& s);
std::optional<SavedSearch> find_saved_search(Store& store, const std::string& name);
std::vector<SavedSearch> saved_searches(Store& store);  // by name
bool delete_saved_search(Store& store, const std::string& name);

}  // namespace presswatch::store
