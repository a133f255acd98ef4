// Snapshot pruning: raw pages of old non-clippings go, everything a person
// or triage kept stays (store/snapshot_pruning.h).
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "store/snapshot_pruning.h"
#include "store/store.h"
#include "support.h"
#include "triage/decision.h"

using namespace presswatch;
using presswatch::testing::TempDir;

namespace {

constexpr std::int64_t now = 1'800'000'000;
constexpr std::int64_t day = 86400;

void add_outlet(store::Store& s) {
    config::Outlet o;
    o.slug = "vnexpress";
    o.name = "VnExpress";
    s.sync_outlets({o});
}

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

// SQLite virtual machine steps that one pruning call takes, in a store
// holding `gone` old non-clippings already pruned and 10 to prune now.
std::int64_t steps_to_prune(std::size_t gone) {
    TempDir dir;
    store::Store s(dir.path());
    add_outlet(s);
    s.db().transaction([&] {
        for (std::size_t i = 0; i < gone; ++i) save(s, "da-xoa-" + std::to_string(i), false, now - 90 * day);
    });
    store::prune_snapshots(s.db(), now, 30, gone + 1);
    for (int i = 0; i < 10; ++i) save(s, "sap-xoa-" + std::to_string(i), false, now - 31 * day + i);
    for (int i = 0; i < 10; ++i) save(s, "moi-" + std::to_string(i), false, now - day);
    std::int64_t steps = 0;
    sqlite3_progress_handler(
        s.db().handle(), 1, [](void* n) { return ++*static_cast<std::int64_t*>(n), 0; }, &steps);
    auto r = store::prune_snapshots(s.db(), now, 30, 100);
    sqlite3_progress_handler(s.db().handle(), 0, nullptr, nullptr);
    CHECK(r.snapshots == 10);
    return steps;
}

}  // namespace

TEST_CASE("pruning removes only the old page snapshots of articles nobody kept", "[store]") {
    TempDir dir;
    store::Store s(dir.path());
    add_outlet(s);
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
    add_outlet(s);
    for (std::size_t i = 0; i < store::prune_batch + 20; ++i) save(s, "bai-" + std::to_string(i), false, now - 60 * day);
    CHECK(store::prune_snapshots(s.db(), now, 30, 7).snapshots == 7);
    CHECK(store::prune_snapshots(s.db(), now, 30, 100000).snapshots == store::prune_batch + 13);
    auto q = s.db().prepare("SELECT COUNT(*) FROM snapshot");
    q.step();
    CHECK(q.int64(0) == 0);
}

TEST_CASE("a pruning pass reads the old snapshots, not every article ever stored", "[store]") {
    // After a year the store holds some 1.4 million articles whose pages
    // are gone; a pass that walked them all held the write lock for
    // seconds, 96 times a day.
    auto few = steps_to_prune(50);
    auto many = steps_to_prune(3000);
    INFO("VM steps with 50 pruned articles: " << few << ", with 3000: " << many);
    CHECK(many < 2 * few);
}
