#pragma once
// A search's result set as a report the office prints or mails: the same
// blocks, table and writers as the monthly briefing (briefing/report_layout.h),
// so the list looks like the briefing's annex, in Word (.docx) or as a
// self-contained HTML page. The web's search page offers it beside the CSV.
#include <cstdint>
#include <string>

#include "briefing/report_layout.h"
#include "config/config.h"
#include "pipeline/search_page.h"
#include "store/store.h"

namespace presswatch::pipeline {

// The heading block (query, options, how many, when), then the hits on a
// landscape page, in the page's order. as_of: the time printed.
briefing::Layout search_report_layout(const SearchPage& page, const config::Config& cfg, store::Store& store,
                                      std::int64_t as_of);
// format: "docx" | "html"; throws InputError for another.
std::string search_report(const SearchPage& page, const config::Config& cfg, store::Store& store,
                          const std::string& format, std::int64_t as_of);

}  // namespace presswatch::pipeline
