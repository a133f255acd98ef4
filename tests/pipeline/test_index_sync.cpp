#include <catch2/catch.hpp>

#include <set>

#include "index/index.h"
#include "index_sync_fixture.h"
#include "pipeline/index_sync.h"
#include "store/story.h"
#include "support.h"

using namespace presswatch;

namespace {

std::set<std::int64_t> found(store::Store& s, const std::string& q) {
    index::Searcher searcher(pipeline::index_dir(s));
    index::SearchOptions o;
    o.limit = 100;
    std::set<std::int64_t> out;
    for (const auto& h : searcher.search(q, o).hits) out.insert(h.id);
    return out;
}

}  // namespace

TEST_CASE("sync indexes what the store queued, then nothing more", "[pipeline][index_sync]") {
    testing::TempDir dir;
    store::Store s(dir.path());
    auto ids = testing::fill(s);
    CHECK(s.pending_index(100).size() == 12);
    CHECK(pipeline::sync_index(s) == 12);
    CHECK(s.pending_index(100).empty());
    CHECK(pipeline::sync_index(s) == 0);
    std::set<std::int64_t> th = {ids[0], ids[2], ids[4], ids[6], ids[8], ids[10]};
    CHECK(found(s, "thanh hoa") == th);
    CHECK(found(s, "THANH HÓA") == th);
    CHECK(found(s, "Thanh Hoá") == th);
}

TEST_CASE("a changed article is re-indexed, replacing its old document", "[pipeline][index_sync]") {
    testing::TempDir dir;
    store::Store s(dir.path());
    auto ids = testing::fill(s);
    pipeline::sync_index(s);
    // Same URL, new content: the store queues it again.
    testing::save(s, "dantri", 1, "Tin số 1 về Nghi Sơn", "Bài viết đã sửa: cảng Nghi Sơn mở rộng.");
    CHECK(s.pending_index(100) == std::vector<std::int64_t>{ids[1]});
    CHECK(pipeline::sync_index(s) == 1);
    CHECK(found(s, "cang nghi son") == std::set<std::int64_t>{ids[1]});
    CHECK(found(s, "\"nghe an\"").count(ids[1]) == 0);
    index::Searcher searcher(pipeline::index_dir(s));
    CHECK(searcher.doc_count() == 12);
}

TEST_CASE("a change queued while a batch is indexed stays queued", "[pipeline][index_sync]") {
    testing::TempDir dir;
    store::Store s(dir.path());
    auto ids = testing::fill(s);
    pipeline::SyncOptions o;
    bool changed = false;
    o.after_step = [&](pipeline::SyncStep step) {
        if (step == pipeline::SyncStep::documents_written && !changed) {
            changed = true;
            testing::save(s, "vnexpress", 0, "Tin số 0 về Sầm Sơn", "Biển Sầm Sơn đón khách.");
        }
    };
    pipeline::sync_index(s, o);
    CHECK(s.pending_index(100).empty());
    // The second version reached the index, by the second pass of the loop.
    CHECK(found(s, "sam son") == std::set<std::int64_t>{ids[0]});
}

TEST_CASE("an article gone from the store is removed from the index", "[pipeline][index_sync]") {
    testing::TempDir dir;
    store::Store s(dir.path());
    auto ids = testing::fill(s);
    pipeline::sync_index(s);
    s.db().transaction([&] {
        s.db().prepare("DELETE FROM article WHERE id = ?1").bind(1, ids[0]).run();
        s.queue_index(ids[0]);
    });
    pipeline::sync_index(s);
    CHECK(found(s, "thanh hoa").count(ids[0]) == 0);
    index::Searcher searcher(pipeline::index_dir(s));
    CHECK(searcher.doc_count() == 11);
}

TEST_CASE("a story republished by another outlet joins its story; collapse shows it once",
          "[pipeline][index_sync][story]") {
    testing::TempDir dir;
    store::Store s(dir.path());
    testing::add_outlets(s);
    std::string body =
        "Ủy ban nhân dân tỉnh Thanh Hóa vừa phê duyệt dự án nâng cấp tuyến đê biển qua xã Hải Lộc với tổng vốn gần "
        "ba trăm tỷ đồng. Tuyến đê dài hơn bốn cây số, được gia cố bằng bê tông và trồng thêm rừng phòng hộ phía "
        "ngoài để giảm sóng. Công trình dự kiến khởi công trong quý tới và hoàn thành trước mùa mưa bão năm sau, bảo "
        "vệ hàng nghìn hộ dân sống ven biển.";
    auto a = testing::save(s, "vnexpress", 1, "Thanh Hóa nâng cấp đê biển Hải Lộc", body);
    auto b = testing::save(s, "dantri", 2, "Gần 300 tỷ đồng nâng cấp đê biển ở Thanh Hoá", body + "\n\nTheo Dân trí");
    auto c = testing::save(s, "tuoitre", 3, "Tin số 3 về Nghệ An", "Một bài khác hẳn, ngắn.");
    pipeline::sync_index(s);
    CHECK(s.article(a)->story == a);
    CHECK(s.article(b)->story == a);
    CHECK(s.article(c)->story == c);
    CHECK(store::count_stories(s, {a, b, c}) == 2);  // three clippings, two stories

    index::Searcher searcher(pipeline::index_dir(s));
    index::SearchOptions o;
    o.collapse = true;
    auto r = searcher.search("de bien", o);
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].collapsed == 1);
}
