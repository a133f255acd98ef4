// Closed date ranges are answered from year, month and day terms
// (schema.h: XDY, XDM, XDD): the fewest that cover the range, and exactly
// the articles of those days.
#include <catch2/catch.hpp>

#include "corpus.h"
#include "index/schema.h"

using namespace presswatch;
using presswatch::testing::doc;
using presswatch::testing::TestIndex;
using presswatch::testing::vn_time;
using Ids = std::set<std::int64_t>;

namespace {

std::vector<index::Document> days_corpus() {
    return {
        doc(1, "vnexpress", "Một", "Tin.", vn_time(2024, 2, 29)),
        doc(2, "vnexpress", "Hai", "Tin.", vn_time(2025, 12, 31)),
        doc(3, "vnexpress", "Ba", "Tin.", vn_time(2026, 1, 1)),
        doc(4, "vnexpress", "Bốn", "Tin.", vn_time(2026, 1, 31)),
        doc(5, "vnexpress", "Năm", "Tin.", vn_time(2026, 2, 1)),
        doc(6, "vnexpress", "Sáu", "Tin.", vn_time(2026, 2, 28)),
        doc(7, "vnexpress", "Bảy", "Tin.", vn_time(2026, 3, 1)),
        doc(8, "vnexpress", "Tám", "Tin.", vn_time(2026, 12, 31)),
    };
}

}  // namespace

TEST_CASE("date ranges find exactly the articles of their days, across month and year ends",
          "[index][search][dates]") {
    TestIndex idx(days_corpus());
    struct Row {
        const char* query;
        Ids expected;
        const char* terms;  // what the range must be made of, in Xapian's description
    };
    const Row rows[] = {
        {"date:2026", {3, 4, 5, 6, 7, 8}, "XDY2026"},
        {"date:2024..2025", {1, 2}, "XDY2024"},
        {"date:2025-12-31..2026-01-01", {2, 3}, "XDD20260101"},
        {"date:2026-01-01..2026-02-28", {3, 4, 5, 6}, "XDM202602"},
        {"date:2026-01-31..2026-02-01", {4, 5}, "XDD20260131"},
        {"date:2026-02-15..2026-03-01", {6, 7}, "XDD20260228"},
        {"date:2024-02", {1}, "XDM202402"},
        {"date:29/2/2024", {1}, "XDD20240229"},
        {"date:2025-12-01..2026-12-31", {2, 3, 4, 5, 6, 7, 8}, "XDM202512"},
        {"date:2026-03-02..2026-12-30", {}, "XDM202611"},
    };
    index::Searcher s(idx.path());
    for (const auto& r : rows) {
        INFO(r.query);
        CHECK(idx.id_set(r.query) == r.expected);
        auto described = s.search(r.query, {}).query_description;
        CHECK(described.find(r.terms) != std::string::npos);
        CHECK(described.find("VALUE_RANGE") == std::string::npos);
    }
    // A year that is whole is one term, not twelve months.
    auto described = s.search("date:2025-12-01..2026-12-31", {}).query_description;
    CHECK(described.find("XDY2026") != std::string::npos);
    CHECK(described.find("XDM202601") == std::string::npos);
}
