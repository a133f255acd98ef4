#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "corpus.h"

using namespace presswatch;

namespace {

struct Row {
    int id;
    std::string status;
    std::optional<std::int64_t> deadline;
};

// 1: waiting, deadline passed; 2: letter sent, deadline passed;
// 3: answered (closed the loop) though late; 4: waiting, deadline ahead;
// 5: no deadline at all.
std::vector<Row> response_rows(std::int64_t t0) {
    const std::int64_t day = 86400;
    return {{1, "pending", t0 + 2 * day},
            {2, "sent", t0 + 3 * day},
            {3, "answered", t0 + 2 * day},
            {4, "pending", t0 + 30 * day},
            {5, "pending", std::nullopt}};
}

void put_rows(const std::filesystem::path& dir, const std::vector<Row>& rows, std::int64_t t0) {
    index::Writer w(dir);
    for (const auto& r : rows) {
        auto d = testing::doc(r.id, "vnexpress", "Dân phản ánh ô nhiễm ở Thanh Hóa", "Nội dung.", t0);
        d.clipping = d.flagged = true;
        d.response_status = r.status;
        d.deadline = r.deadline;
        w.put(d);
    }
    w.commit();
}

}  // namespace

TEST_CASE("status:overdue finds open flagged items whose deadline has passed when the query runs", "[index]") {
    testing::TempDir dir;
    const std::int64_t day = 86400, t0 = testing::vn_time(2026, 11, 1);
    put_rows(dir.path(), response_rows(t0), t0);
    index::Searcher s(dir.path());
    auto ids_at = [&](std::int64_t now) {
        index::SearchOptions o;
        o.now = now;
        o.limit = 100;
        std::set<std::int64_t> out;
        for (const auto& h : s.search("status:overdue", o).hits) out.insert(h.id);
        return out;
    };
    CHECK(ids_at(t0 + day).empty());
    CHECK(ids_at(t0 + 10 * day) == std::set<std::int64_t>{1, 2});
    CHECK(ids_at(t0 + 40 * day) == std::set<std::int64_t>{1, 2, 4});
}

TEST_CASE("the status facet counts each response state, and overdue by the search's clock as status:overdue does",
          "[index][facets]") {
    testing::TempDir dir;
    const std::int64_t day = 86400, t0 = testing::vn_time(2026, 11, 1);
    put_rows(dir.path(), response_rows(t0), t0);
    index::Searcher s(dir.path());
    auto status_facet = [&](std::int64_t now) {
        index::SearchOptions o;
        o.now = now;
        o.facets = true;
        o.limit = 1;
        std::map<std::string, std::size_t> out;
        auto r = s.search("thanh hoa", o);  // held: a range-for over r's member must not outlive it
        for (const auto& c : r.facets.at("status")) out[c.value] = c.count;
        return out;
    };
    using M = std::map<std::string, std::size_t>;
    CHECK(status_facet(t0 + day) == M{{"pending", 3}, {"sent", 1}, {"answered", 1}});
    CHECK(status_facet(t0 + 10 * day) == M{{"pending", 3}, {"sent", 1}, {"answered", 1}, {"overdue", 2}});
    CHECK(status_facet(t0 + 40 * day) == M{{"pending", 3}, {"sent", 1}, {"answered", 1}, {"overdue", 3}});
}
