// The long-running process's index writer: a decision reaches search when
// the keeper syncs, and while another writer (a crawl) holds the index it
// waits in the journal and arrives as soon as the lock is free.
#include <catch2/catch.hpp>

#include "index/index.h"
#include "pipeline/index_keeper.h"
#include "pipeline/index_sync.h"
#include "pipeline/index_sync_fixture.h"
#include "store/workflow.h"
#include "support.h"

using namespace presswatch;

namespace {

std::size_t count(const std::filesystem::path& index, const std::string& q) {
    index::Searcher s(index);
    index::SearchOptions o;
    o.facets = true;  // exact total
    return s.search(q, o).total;
}

}  // namespace

TEST_CASE("index keeper: a decision shows in search once sync_now returns", "[pipeline][keeper]") {
    testing::TempDir dir;
    store::Store st(dir.path());
    auto ids = testing::fill(st);
    pipeline::sync_index(st);
    auto index = pipeline::index_dir(st);
    std::size_t before = count(index, "is:new");
    pipeline::IndexKeeper keeper(dir.path());
    store::Workflow(st, "tester").set_review(ids[0], "relevant");
    REQUIRE(keeper.sync_now(std::chrono::seconds(10)));
    CHECK(count(index, "is:new") == before - 1);
}

TEST_CASE("index keeper: while another writer holds the index the decision waits, then arrives", "[pipeline][keeper]") {
    testing::TempDir dir;
    store::Store st(dir.path());
    auto ids = testing::fill(st);
    pipeline::sync_index(st);
    auto index = pipeline::index_dir(st);
    std::size_t before = count(index, "is:new");
    pipeline::IndexKeeper keeper(dir.path(), std::chrono::milliseconds(20));
    {
        index::Writer crawl_holds_it(index);  // as a crawl's sync would
        store::Workflow(st, "tester").set_review(ids[0], "relevant");
        CHECK_FALSE(keeper.sync_now(std::chrono::milliseconds(300)));
        CHECK_FALSE(keeper.last_error().empty());
        CHECK(count(index, "is:new") == before);  // not yet in search, but in the journal
        CHECK_FALSE(st.pending_index(10).empty());
    }
    REQUIRE(keeper.sync_now(std::chrono::seconds(10)));
    CHECK(count(index, "is:new") == before - 1);
    CHECK(keeper.last_error().empty());
}
