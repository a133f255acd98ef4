#pragma once
// Printing `presswatch search` results: a table for people (Vietnamese
// labels, matches in bold on a terminal), JSON and CSV for programs.
#include <string>
#include <vector>

#include "briefing/outlet_names.h"
#include "pipeline/search_page.h"
#include "store/saved_search.h"
#include "store/store.h"

namespace presswatch::cli {

using pipeline::SearchPage;
using pipeline::SearchRow;

// Outlets, topics and agencies by the names people know (outlets: the
// configuration, then the store's record).
void print_search_table(const SearchPage& page, bool terminal, const config::Config& cfg,
                        const briefing::OutletNames& outlets);
void print_search_json(const SearchPage& page);
void print_search_csv(const SearchPage& page);
void print_saved_searches(const std::vector<store::SavedSearch>& searches, bool json);

}  // namespace presswatch::cli
