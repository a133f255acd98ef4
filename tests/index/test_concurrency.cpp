#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "corpus.h"

using namespace presswatch;

TEST_CASE("searches run while a writer commits, and see each commit whole", "[index][concurrency]") {
    testing::TempDir dir;
    constexpr int batches = 60, per_batch = 25;
    { index::Writer w(dir.path()); w.commit(); }  // an empty index to open
    std::atomic<bool> done{false};
    std::thread writer([&] {
        index::Writer w(dir.path());
        for (int b = 0; b < batches; ++b) {
            for (int i = 0; i < per_batch; ++i) {
                int id = b * per_batch + i + 1;
                w.put(testing::doc(id, "vnexpress", "Tin số " + std::to_string(id) + " về Thanh Hóa",
                                   "Nội dung bài viết về Thanh Hóa và cảng Nghi Sơn.", testing::vn_time(2026, 11, 1)));
            }
            w.commit();
        }
        done = true;
    });
    index::Searcher s(dir.path());
    index::SearchOptions o;
    o.facets = true;  // exact totals
    std::size_t last = 0, searches = 0;
    bool monotonic = true, whole = true;
    while (!done || searches == 0) {
        auto r = s.search("thanh hoa nghi son", o);
        monotonic = monotonic && r.total >= last;
        whole = whole && r.total % per_batch == 0;  // never half a commit
        last = r.total;
        ++searches;
    }
    writer.join();
    CHECK(monotonic);
    CHECK(whole);
    CHECK(searches > 1);
    CHECK(s.search("thanh hoa nghi son", o).total == batches * per_batch);
}
