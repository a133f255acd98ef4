#pragma once
// Printing `presswatch search` results: a table for people (Vietnamese
// labels, matches in bold on a terminal), JSON and CSV for programs.
#include <string>
#include <vector>

#include "index/index.h"
#include "store/saved_search.h"
#include "store/store.h"

namespace presswatch::cli {

struct SearchRow {
    index::Hit hit;
    store::StoredArticle article;
};

struct SearchPage {
    std::string query;
    index::SearchOptions options;
    index::SearchResult result;
    std::vector<SearchRow> rows;
};

void print_search_table(const SearchPage& page, bool terminal);
void print_search_json(const SearchPage& page);
void print_search_csv(const SearchPage& page);
void print_saved_searches(const std::vector<store::SavedSearch>& searches, bool json);

}  // namespace presswatch::cli
