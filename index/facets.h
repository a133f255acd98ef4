#pragma once
// Facet counting during a search: exact counts by outlet, topic, flag,
// month, agency, response status (with "overdue") and tone
// (schema::slot_facets). Counts are exact only when the
// enquire checks every match (check_at_least = doc count), which
// searcher.cpp does when facets are asked for.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/index.h"

namespace presswatch::index {

class FacetCounters {
public:
    // now: the clock "overdue" is counted against (the query's).
    explicit FacetCounters(std::int64_t now);
    ~FacetCounters();
    FacetCounters(const FacetCounters&) = delete;
    FacetCounters& operator=(const FacetCounters&) = delete;
    // db: the database enquire searches (the counts read its values).
    void attach(Xapian::Enquire& enquire, const Xapian::Database& db);
    // "outlet", "topic", "flagged", "month", "agency", "status", "tone" ->
    // counts, most first (months newest first).
    std::map<std::string, std::vector<FacetCount>> counts() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace presswatch::index
