// presswatch check and reindex, through the pipeline functions.
#include <catch2/catch.hpp>

#include "index/index.h"
#include "index_sync_fixture.h"
#include "pipeline/index_check.h"
#include "pipeline/index_sync.h"
#include "pipeline/reindex.h"
#include "support.h"

using namespace presswatch;

TEST_CASE("check finds missing, extra and stale documents, and repair mends them", "[pipeline][check]") {
    testing::TempDir dir;
    store::Store s(dir.path());
    auto ids = testing::fill(s);
    pipeline::sync_index(s);
    CHECK(pipeline::check_index(s).consistent());

    {
        // Damage the index behind the sync's back.
        index::Writer w(pipeline::index_dir(s));
        w.remove(ids[0]);
        auto stale = pipeline::index_document(*s.article(ids[1]));
        stale.headline = "Tin cũ";
        w.put(stale);
        auto extra = stale;
        extra.id = 9999;
        w.put(extra);
        w.commit();
    }
    s.queue_index(ids[2]);  // a change not yet synced: pending, not damage
    auto c = pipeline::check_index(s);
    CHECK(c.missing == std::vector<std::int64_t>{ids[0]});
    CHECK(c.stale == std::vector<std::int64_t>{ids[1]});
    CHECK(c.extra == std::vector<std::int64_t>{9999});
    CHECK(c.pending == std::vector<std::int64_t>{ids[2]});
    CHECK_FALSE(c.consistent());

    pipeline::repair_index(s, c);
    auto after = pipeline::check_index(s);
    CHECK(after.consistent());
    CHECK(after.pending.empty());
    CHECK(after.documents == 12);
}

TEST_CASE("reindex rebuilds the index, swaps it in and searches go on", "[pipeline][reindex]") {
    testing::TempDir dir;
    store::Store s(dir.path());
    auto ids = testing::fill(s);
    pipeline::sync_index(s);
    index::Searcher before(pipeline::index_dir(s));
    auto old = before.fingerprints();

    s.queue_index(ids[5]);  // queued before: in the new index, cleared
    auto r = pipeline::reindex(s, 2);
    CHECK(r.articles == 12);
    CHECK(s.pending_index(100).empty());
    CHECK_FALSE(std::filesystem::exists(pipeline::index_dir(s).string() + ".new"));
    CHECK_FALSE(std::filesystem::exists(pipeline::index_dir(s).string() + ".new.parts"));
    CHECK(pipeline::check_index(s).consistent());

    // A searcher opened on the old index finds the new one.
    index::SearchOptions o;
    o.limit = 100;
    CHECK(before.search("thanh hoa", o).hits.size() == 6);
    CHECK(before.fingerprints() == old);

    // And a second reindex replaces an index made by a reindex.
    CHECK(pipeline::reindex(s, 1).articles == 12);
    CHECK(index::Searcher(pipeline::index_dir(s)).fingerprints() == old);
}

TEST_CASE("reindex refuses while another writer holds the index", "[pipeline][reindex]") {
    testing::TempDir dir;
    store::Store s(dir.path());
    testing::fill(s);
    pipeline::sync_index(s);
    index::Writer busy(pipeline::index_dir(s));
    CHECK_THROWS_WITH(pipeline::reindex(s), Catch::Contains("being written by another presswatch process"));
}
