// Writes the databases of older presswatch releases that tests/store/
// test_upgrades.cpp opens with the current code (README.md beside this
// file). Each is made by running that release's migrations (their SQL is
// never edited, so store::migration_history() still holds it) and then
// inserting a few rows with the columns that release had.
//
//   build/make_schema_fixtures tests/data/schema
//
// Run it again only to add the state of a new release; the files are
// committed so that a later change to a migration's SQL is caught.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "store/database.h"
#include "store/migrations.h"
#include "store/snapshot_codec.h"

using namespace presswatch;
namespace fs = std::filesystem;

namespace {

struct State {
    const char* name;
    std::vector<int> applied;  // in the order the release ran them
    bool tracked;              // schema_migration existed (from migration 21 on)
    const char* why;
};

// Every migration up to `last`, in today's order: a release's state once
// migrations were tracked and ran in list order.
std::vector<int> up_to(int last) {
    std::vector<int> v;
    for (const auto& m : store::migration_history())
        if (m.version <= last) v.push_back(m.version);
    return v;
}

// The schema states main has passed through (git log --first-parent --
// store/migrations.cpp), then one state per migration in today's order.
const State states[] = {
    {"main-ea08039-v1", {1}, false, "the skeleton: migration 1 only"},
    {"main-1946a88-v32", {1, 30, 31, 32}, false, "search merged first: version 32 without migrations 10 and 20"},
    {"main-b4b5746-v32", {1, 20, 30, 31, 32}, false, "briefing merged: version 32 without migration 10"},
    {"main-ffbbf72-v32", {1, 10, 20, 30, 31, 32}, false, "crawler merged"},
    {"main-9380a31-v33", {1, 10, 20, 30, 31, 32, 33}, false, "stories compared by date window"},
    {"main-e112675-v33", {1, 10, 20, 21, 30, 31, 32, 33}, true, "migration 21, migrations tracked one by one"},
    {"step-v10", {1, 10}, false, "migrations up to 10"},
    {"step-v20", {1, 10, 20}, false, "migrations up to 20"},
    {"step-v21", {1, 10, 20, 21}, true, "migrations up to 21"},
    {"step-v30", {1, 10, 20, 21, 30}, true, "migrations up to 30"},
    {"step-v31", {1, 10, 20, 21, 30, 31}, true, "migrations up to 31"},
    {"main-1f36689-v65", up_to(65), true, "the release before article bodies were compressed (migration 70)"},
    {"main-814a372-v70", up_to(70), true, "the release before snapshot dictionaries (migration 73)"},
};

const char* sql_of(int version) {
    for (const auto& m : store::migration_history())
        if (m.version == version) return m.sql;
    throw std::runtime_error(fmt::format("no migration {}", version));
}

// The rows each migration's tables get, written with that schema's columns.
void insert_rows(store::Database& db, const std::set<int>& has) {
    db.exec(R"sql(
INSERT INTO outlet(slug, name, kind) VALUES ('vnexpress', 'VnExpress', 'central'), ('baothanhhoa', 'Báo Thanh Hóa', 'local');
INSERT INTO frontier(url, outlet, kind, state, attempts, next_try, last_status, discovered_at, fetched_at) VALUES
  ('https://vnexpress.localhost/rss/thoi-su.rss', 'vnexpress', 'feed', 'done', 1, 1790003600, 200, 1790000000, 1790000000),
  ('https://vnexpress.localhost/thoi-su/duong-lien-xa-hoang-hoa-4900001.html', 'vnexpress', 'article', 'done', 1, NULL, 200, 1790000000, 1790000010),
  ('https://vnexpress.localhost/du-lich/bien-sam-son-4900002.html', 'vnexpress', 'article', 'done', 1, NULL, 200, 1790000000, 1790000020),
  ('https://baothanhhoa.localhost/kinh-te/cang-nghi-son-3.html', 'baothanhhoa', 'article', 'failed', 3, NULL, 503, 1790000000, 1790000030);
INSERT INTO article(id, url, outlet, headline, lead, body, author, section, language, keywords, published, published_raw,
                    fetched, content_hash, clipping, score, tone, decision) VALUES
  (1, 'https://vnexpress.localhost/thoi-su/duong-lien-xa-hoang-hoa-4900001.html', 'vnexpress',
   'Người dân Hoằng Hóa chờ sửa đường liên xã', 'Con đường qua ba xã của huyện Hoằng Hóa, Thanh Hóa xuống cấp.',
   'Mỗi khi mưa lớn, mặt đường ngập sâu.

Ủy ban nhân dân huyện cho biết đã lập dự án sửa chữa.', 'Lê Hoa', 'Thời sự', 'vi', '["giao thông"]',
   1789990000, '03/09/2026 08:00', 1790000010, 'h1', 1, 5.5, 'negative',
   '{"clipping":true,"score":5.5,"tone":"negative","topics":[{"slug":"giao-thong","score":3.0}],"flag":{"needed":true,"severity":2,"agencies":["so-xay-dung"]}}'),
  (2, 'https://vnexpress.localhost/du-lich/bien-sam-son-4900002.html', 'vnexpress',
   'Biển Sầm Sơn đón khách đầu mùa', 'Thành phố biển của Thanh Hóa đón hàng nghìn lượt khách.',
   'Các khách sạn kín phòng trong ngày cuối tuần.', '', 'Du lịch', 'vi', '[]',
   1789995000, '', 1790000020, 'h2', 1, 3.0, 'positive',
   '{"clipping":true,"score":3.0,"tone":"positive","topics":[{"slug":"du-lich","score":2.5}]}'),
  (3, 'https://baothanhhoa.localhost/the-thao/giai-bong-da-4.html', 'baothanhhoa',
   'Giải bóng đá thiếu niên khai mạc ở Hà Nội', 'Mười hai đội tham dự.', 'Trận mở màn diễn ra chiều qua.', '', '', 'vi', '[]',
   NULL, '', 1790000040, 'h3', 0, 0.0, 'neutral', '{"clipping":false,"score":0}');
INSERT INTO mention(article_id, field, offset, length, text, name, kind, snippet) VALUES
  (1, 'lead', 43, 13, 'Hoằng Hóa', 'Hoằng Hóa', 'former-district', 'của huyện Hoằng Hóa, Thanh Hóa'),
  (1, 'lead', 58, 10, 'Thanh Hóa', 'Thanh Hóa', 'province', 'Hoằng Hóa, Thanh Hóa xuống cấp'),
  (2, 'headline', 8, 9, 'Sầm Sơn', 'Sầm Sơn', 'ward', 'Biển Sầm Sơn đón khách');
INSERT INTO tag(article_id, topic, score, source, removed) VALUES
  (1, 'giao-thong', 3.0, 'auto', 0), (1, 'moi-truong', 0, 'user', 0), (2, 'du-lich', 2.5, 'auto', 0), (2, 'van-hoa', 1.0, 'auto', 1);
INSERT INTO flag(article_id, needed, severity, agencies, deadline, reasons, source) VALUES
  (1, 1, 2, '["so-xay-dung"]', 1790600000, '["phản ánh của người dân (+2.0)"]', 'auto');
INSERT INTO review(article_id, state, user, at, note) VALUES
  (1, 'relevant', 'lan', 1790001000, 'Gửi Sở Xây dựng'), (2, 'relevant', 'lan', 1790001100, ''), (3, 'not-relevant', 'minh', 1790001200, '');
INSERT INTO audit(id, at, user, action, article_id, detail) VALUES
  (1, 1790001000, 'lan', 'review', 1, '{"state":"relevant"}'),
  (2, 1790001100, 'lan', 'review', 2, '{"state":"relevant"}'),
  (3, 1790001150, 'lan', 'tag', 1, '{"add":"moi-truong"}'),
  (4, 1790001200, 'minh', 'review', 3, '{"state":"not-relevant"}');
INSERT INTO index_journal(article_id, queued_at) VALUES (3, 1790001200);
)sql");
    auto snap = db.prepare(
        "INSERT INTO snapshot(article_id, url, fetched, status, headers, body, raw_size, sha256) VALUES (?1, ?2, ?3, 200, "
        "'Content-Type: text/html; charset=utf-8', ?4, ?5, ?6)");
    auto arts = db.prepare("SELECT id, url, fetched, headline, body FROM article ORDER BY id");
    while (arts.step()) {
        std::string page = "<html><body><h1>" + arts.text(3) + "</h1><p>" + arts.text(4) + "</p></body></html>";
        snap.bind(1, arts.int64(0)).bind(2, arts.text(1)).bind(3, arts.int64(2)).bind_blob(4, store::compress(page));
        snap.bind(5, static_cast<std::int64_t>(page.size())).bind(6, store::sha256_hex(page)).run();
    }
    if (has.count(10))
        db.exec(R"sql(
INSERT INTO robots(origin, fetched_at, status, body) VALUES ('https://vnexpress.localhost', 1790000000, 200, 'User-agent: *
Disallow: /admin');
INSERT INTO source_read(url, outlet, kind, at, status, items, new_items, error) VALUES
  ('https://vnexpress.localhost/rss/thoi-su.rss', 'vnexpress', 'feed', 1790000000, 200, 30, 2, NULL),
  ('https://baothanhhoa.localhost/rss/home.rss', 'baothanhhoa', 'feed', 1790000000, 503, 0, 0, 'HTTP 503');
)sql");
    if (has.count(20))
        db.exec(R"sql(
UPDATE review SET tone = 'negative' WHERE article_id = 1;
UPDATE flag SET user_reason = 'Dân phản ánh nhiều lần' WHERE article_id = 1;
INSERT INTO response(article_id, status, agency, letter_number, letter_date, deadline, updated_at) VALUES
  (1, 'sent', 'so-xay-dung', '125/SKHCN-TTBC', 1790002000, 1790900000, 1790002000);
INSERT INTO note(article_id, at, user, text) VALUES (1, 1790002100, 'lan', 'Đã gọi điện cho Sở.');
INSERT INTO audit(id, at, user, action, article_id, detail) VALUES (5, 1790002000, 'lan', 'respond', 1, '{"status":"sent"}');
)sql");
    if (has.count(21))
        db.exec(R"sql(
INSERT INTO pending_decision(url, line, source, user, restored_at) VALUES
  ('https://vnexpress.localhost/xa-hoi/chua-thu-thap-4900009.html', '{"url":"https://vnexpress.localhost/xa-hoi/chua-thu-thap-4900009.html","review":"relevant"}', 'dump.jsonl', 'lan', 1790003000);
INSERT INTO audit(id, at, user, action, article_id, detail, waiting_url) VALUES
  (6, 1790002500, 'lan', 'review', NULL, '{"state":"relevant"}', 'https://vnexpress.localhost/xa-hoi/chua-thu-thap-4900009.html');
)sql");
    if (has.count(30)) db.exec("UPDATE index_journal SET version = 2 WHERE article_id = 3");
    if (has.count(31) && !has.count(33))
        db.exec("INSERT INTO story_member(article_id, story_id, simhash, band0, band1, band2, band3, published) VALUES "
                "(1, 1, 81985529216486895, 291, 17767, 35243, 52719, 1789990000), "
                "(2, 2, -1311768467463790321, 60875, 39612, 22136, 4660, 1789995000)");
    if (has.count(33))
        db.exec("INSERT INTO story_member(article_id, story_id, simhash, published, usable, content_hash) VALUES "
                "(1, 1, 81985529216486895, 1789990000, 1, 'h1'), (2, 2, -1311768467463790321, 1789995000, 1, 'h2'), "
                "(3, 3, 0, NULL, 0, 'h3')");
    if (has.count(32))
        db.exec("INSERT INTO saved_search(name, query, options, created_by, created_at, updated_at) VALUES "
                "('duong-xa', '\"đường liên xã\" tỉnh:thanh-hoa', '{\"sort\":\"date\"}', 'lan', 1790004000, 1790004000)");
}

void make(const fs::path& dir, const State& s) {
    fs::path file = dir / (std::string(s.name) + ".db");
    fs::remove(file);
    {
        store::Database db(file);
        // Small pages keep the committed files small; SQLite reads any size.
        db.exec("PRAGMA journal_mode=DELETE; PRAGMA page_size=1024; VACUUM");
        std::set<int> has;
        for (int v : s.applied) {
            db.transaction([&] { db.exec(sql_of(v)); });
            has.insert(v);
        }
        if (s.tracked) {
            db.exec("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY)");
            for (int v : s.applied) db.exec(fmt::format("INSERT INTO schema_migration(version) VALUES ({})", v));
        }
        db.transaction([&] { insert_rows(db, has); });
        db.exec(fmt::format("PRAGMA user_version = {}", *std::max_element(s.applied.begin(), s.applied.end())));
        // Left in rollback-journal mode: opening it read-only then needs no
        // -shm file beside it. presswatch turns WAL on when it opens it.
        db.exec("VACUUM");
    }
    std::cout << fmt::format("{}  {}\n", file.string(), s.why);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_schema_fixtures DIR (tests/data/schema)\n";
        return 2;
    }
    for (const auto& s : states) make(argv[1], s);
    return 0;
}
