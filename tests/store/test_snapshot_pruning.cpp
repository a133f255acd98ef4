// Snapshot pruning: raw pages of old non-clippings go, everything a person
// or triage kept stays (store/snapshot_pruning.h).
#include <catch2/catch.hpp>

#include "store/snapshot_pruning.h"
#include "store/store.h"
#include "support.h"
#include "triage/decision.h"

using namespace presswatch;
using presswatch::testing::TempDir;

namespace {

constexpr std::int64_t now = 1'800'000'000;
constexpr std::int64_t day = 86400;

std::int64_t save(store::Store& s, const std::string& slug, bool clipping, std::int64_t fetched) {
    Article a;
    a.url = "https://vnexpress.localhost/" + slug + ".html";
    a.headline = "Bài " + slug;
    a.body = "Nội dung bài " + slug + ".";
    triage::Decision d;
    d.clipping = clipping;
    d.score = clipping ? 3.0 : 0.0;
    store::Snapshot snap{a.url, fetched, 200, "Content-Type: text/html", "<html><body>" + a.body + "</body></html>"};
    return s.save_article("vnexpress", a, d, snap).id;
}

std::int64_t snapshots_of(store::Store& s, std::int64_t id) {
    auto q = s.db().prepare("SELECT COUNT(*) FROM snapshot WHERE article_id = ?1");
    q.bind(1, id);
    q.step();
    return q.int64(0);
}

}  // namespace

TEST_CASE("pruning removes only the old page snapshots of articles nobody kept", "[store]") {
    TempDir dir;
    store::Store s(dir.path());
    config::Outlet o;
    o.slug = "vnexpress";
    o.name = "VnExpress";
    s.sync_outlets({o});
    auto old_plain = save(s, "cu-thuong", false, now - 40 * day);
    auto old_clipping = save(s, "cu-tin-tinh", true, now - 400 * day);
    auto new_plain = save(s, "moi-thuong", false, now - 29 * day);
    auto old_relevant = save(s, "cu-duoc-danh-dau", false, now - 40 * day);
    auto old_flagged = save(s, "cu-can-tra-loi", false, now - 40 * day);
    s.db().prepare("UPDATE review SET state = 'relevant', user = 'lan' WHERE article_id = ?1").bind(1, old_relevant).run();
    s.db().prepare("INSERT OR REPLACE INTO flag(article_id, needed, source) VALUES (?1, 1, 'user')").bind(1, old_flagged).run();

    CHECK(store::prune_snapshots(s.db(), now, 0, 100).snapshots == 0);  // 0: keep forever
    auto r = store::prune_snapshots(s.db(), now, 30, 100);
    CHECK(r.snapshots == 1);
    CHECK(r.bytes > 0);
    CHECK(snapshots_of(s, old_plain) == 0);
    CHECK(snapshots_of(s, old_clipping) == 1);
    CHECK(snapshots_of(s, new_plain) == 1);
    CHECK(snapshots_of(s, old_relevant) == 1);
    CHECK(snapshots_of(s, old_flagged) == 1);
    // The article itself stays, with its text.
    auto a = s.article(old_plain);
    REQUIRE(a);
    CHECK(a->article.body == "Nội dung bài cu-thuong.");
    CHECK(store::prune_snapshots(s.db(), now, 30, 100).snapshots == 0);  // idempotent
}

TEST_CASE("pruning stops at the number of snapshots asked for, in batches", "[store]") {
    TempDir dir;
    store::Store s(dir.path());
    config::Outlet o;
    o.slug = "vnexpress";
    o.name = "VnExpress";
    s.sync_outlets({o});
    for (std::size_t i = 0; i < store::prune_batch + 20; ++i) save(s, "bai-" + std::to_string(i), false, now - 60 * day);
    CHECK(store::prune_snapshots(s.db(), now, 30, 7).snapshots == 7);
    CHECK(store::prune_snapshots(s.db(), now, 30, 100000).snapshots == store::prune_batch + 13);
    auto q = s.db().prepare("SELECT COUNT(*) FROM snapshot");
    q.step();
    CHECK(q.int64(0) == 0);
}
