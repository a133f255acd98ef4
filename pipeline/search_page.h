#pragma once
// One page of search results as every front end shows it: the query (or a
// saved search @NAME) run against the index, the hits' headlines, dates and
// texts read from the store (the truth) by id. `presswatch search` and the
// web server's search page and /api/v1/search all call run_search, so the
// same request gives the same ids, totals and facets everywhere.
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "store/saved_search.h"
#include "store/store.h"

namespace presswatch::briefing {
class OutletNames;
}

namespace presswatch::pipeline {

// More hits than this per page would make a table nobody reads and a slow
// exact-facet run; callers page with offset.
inline constexpr std::size_t max_search_limit = 1000;

struct SearchRequest {
    std::string query;             // the query language (docs/search.md), or @NAME
    bool exact = false, collapse = false, facets = false;
    bool all = false;              // every stored article, not only clippings
    std::string sort;              // "relevance" | "date" | "" (the saved search's, else relevance)
    std::size_t offset = 0, limit = 20;
};

struct SearchRow {
    index::Hit hit;
    store::StoredArticle article;
};

struct SearchPage {
    std::string query;             // the query run (a saved search's, for @NAME)
    std::string sort;              // "relevance" | "date"
    index::SearchOptions options;
    index::SearchResult result;
    std::vector<SearchRow> rows;
};

// Throws InputError for an empty query, an unknown saved search, a limit
// outside 1..max_search_limit, or a bad query (with what and where).
SearchPage run_search(store::Store& store, const SearchRequest& request);

// The search page as `presswatch search --json` prints it and /api/v1/search
// answers it.
nlohmann::json search_page_json(const SearchPage& page);

// A facet's heading ("Theo báo" for "outlet") and a value's label
// ("có"/"không" for flagged) as people read them.
const char* facet_label(const std::string& facet);
// The facets in the order people scan them: outlet, topic, month, agency,
// status, tone, flagged.
const std::vector<std::string>& facet_order();
// A value as people read it: an outlet by its name, a topic or an agency by
// its configured label, a flag, status or tone in Vietnamese, a month as it
// is. One labelling for the terminal and the web page.
std::string facet_value_label(const config::Config& cfg, const briefing::OutletNames& outlets,
                              const std::string& facet, const std::string& value);

// Snippets span paragraphs; one line reads better in a table or a
// spreadsheet: line breaks and tabs become spaces, runs of spaces one.
std::string single_line(std::string s);

// The page as CSV with a header row (`search --csv`, the web's export).
std::string search_page_csv(const SearchPage& page);

// A saved search as JSON (`search --list-saved --json`, /api/v1/saved-searches).
nlohmann::json saved_search_json(const store::SavedSearch& s);

// The date a hit is shown with: published, else fetched.
inline std::int64_t shown_date(const store::StoredArticle& a) { return a.article.published.value_or(a.fetched); }

}  // namespace presswatch::pipeline
