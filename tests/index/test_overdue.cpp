#include <catch2/catch.hpp>

#include <set>

#include "corpus.h"

using namespace presswatch;

TEST_CASE("status:overdue finds open flagged items whose deadline has passed when the query runs", "[index]") {
    testing::TempDir dir;
    const std::int64_t day = 86400, t0 = testing::vn_time(2026, 11, 1);
    struct Row {
        int id;
        std::string status;
        std::optional<std::int64_t> deadline;
    };
    // 1: waiting, deadline passed; 2: letter sent, deadline passed;
    // 3: answered (closed the loop) though late; 4: waiting, deadline ahead;
    // 5: no deadline at all.
    std::vector<Row> rows = {{1, "pending", t0 + 2 * day},
                             {2, "sent", t0 + 3 * day},
                             {3, "answered", t0 + 2 * day},
                             {4, "pending", t0 + 30 * day},
                             {5, "pending", std::nullopt}};
    {
        index::Writer w(dir.path());
        for (const auto& r : rows) {
            auto d = testing::doc(r.id, "vnexpress", "Dân phản ánh ô nhiễm ở Thanh Hóa", "Nội dung.", t0);
            d.clipping = d.flagged = true;
            d.response_status = r.status;
            d.deadline = r.deadline;
            w.put(d);
        }
        w.commit();
    }
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
