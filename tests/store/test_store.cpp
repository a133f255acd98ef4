#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "config/config.h"
#include "store/migrations.h"
#include "store/store.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::TempDir;

namespace {

Article sample_article(const std::string& url) {
    Article a;
    a.url = url;
    a.headline = "Người dân phường Sầm Sơn phản ánh ô nhiễm";
    a.description = "Nước thải đổ thẳng ra biển.";
    a.body = "Đoạn một.\n\nĐoạn hai.";
    a.author = "Lê Minh";
    a.published = 1'790'000'000;
    a.keywords = {"Thanh Hóa", "môi trường"};
    return a;
}

triage::Decision clipping_decision() {
    triage::Decision d;
    d.clipping = true;
    d.score = 3.5;
    d.tone = "negative";
    d.mentions.push_back({"Sầm Sơn", "Sầm Sơn", "ward", triage::Field::headline, 20, 8, "phường Sầm Sơn phản ánh"});
    d.topics.push_back({"moi-truong", 2.0, {"ô nhiễm"}});
    d.flag.needed = true;
    d.flag.severity = 2;
    d.flag.agencies = {"so-nnmt"};
    d.flag.deadline = 1'790'600'000;
    return d;
}

void add_outlet(store::Store& s) {
    config::Outlet o;
    o.slug = "vnexpress";
    o.name = "VnExpress";
    o.kind = "central";
    s.sync_outlets({o});
}

}  // namespace

TEST_CASE("migrations create the schema on an empty database and leave an existing one alone", "[store]") {
    TempDir dir;
    {
        store::Database db(dir.path() / "x.db");
        CHECK(store::migrate(db) == store::latest_schema_version());
        db.exec("INSERT INTO outlet(slug, name, kind) VALUES ('a', 'A', 'central')");
    }
    store::Database db(dir.path() / "x.db");
    CHECK(store::migrate(db) == store::latest_schema_version());
    auto q = db.prepare("SELECT COUNT(*) FROM outlet");
    REQUIRE(q.step());
    CHECK(q.int64(0) == 1);
}

TEST_CASE("a migration numbered below a database's version but added later is still applied", "[store]") {
    TempDir dir;
    {
        // A database as migrated before schema_migration existed: version
        // 33 without the later migration 21.
        store::Database db(dir.path() / "x.db");
        for (const auto& m : store::migration_history())
            if (m.version <= 33 && m.version != 21) db.exec(m.sql);
        db.exec("PRAGMA user_version = 33");
    }
    store::Database db(dir.path() / "x.db");
    CHECK(store::migrate(db) == store::latest_schema_version());
    auto q = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'pending_decision'");
    REQUIRE(q.step());
    CHECK(q.int64(0) == 1);
    // and the migrations it had are not run twice (they would fail: ALTER TABLE ADD COLUMN).
    CHECK(store::migrate(db) == store::latest_schema_version());
}

TEST_CASE("a database newer than the program is refused, not damaged", "[store]") {
    TempDir dir;
    {
        store::Database db(dir.path() / "x.db");
        db.exec("PRAGMA user_version = 999");
    }
    store::Database db(dir.path() / "x.db");
    CHECK_THROWS_WITH(store::migrate(db), Catch::Contains("upgrade presswatch"));
}

TEST_CASE("an article round-trips through the store with its decision and snapshot", "[store]") {
    TempDir dir;
    store::Store s(dir.path());
    add_outlet(s);
    std::string page = "<html><body><h1>Người dân</h1></body></html>";
    auto r = s.save_article("vnexpress", sample_article("https://vnexpress.net/a-1.html"), clipping_decision(),
                            {"https://vnexpress.net/a-1.html", 1'790'000'100, 200, "Content-Type: text/html", page});
    CHECK(r.inserted);
    auto a = s.article(r.id);
    REQUIRE(a);
    CHECK(a->article.headline == "Người dân phường Sầm Sơn phản ánh ô nhiễm");
    CHECK(a->article.keywords == std::vector<std::string>{"Thanh Hóa", "môi trường"});
    CHECK(a->article.published == 1'790'000'000);
    CHECK(a->clipping);
    CHECK(a->tone == "negative");
    CHECK(a->topics == std::vector<std::string>{"moi-truong"});
    CHECK(a->flagged);
    CHECK(a->agencies == std::vector<std::string>{"so-nnmt"});
    CHECK(a->deadline == 1'790'600'000);
    CHECK(a->places == std::vector<std::string>{"Sầm Sơn"});
    CHECK(a->review == "new");
    auto snap = s.snapshot(r.id);
    REQUIRE(snap);
    CHECK(snap->body == page);
    CHECK(s.pending_index(10) == std::vector<std::int64_t>{r.id});
}

namespace {

// The connection's prepared statements; with busy_only, those still
// stepping (holding a read open).
int statements(store::Store& s, bool busy_only = false) {
    int n = 0;
    for (sqlite3_stmt* st = sqlite3_next_stmt(s.db().handle(), nullptr); st; st = sqlite3_next_stmt(s.db().handle(), st))
        n += !busy_only || sqlite3_stmt_busy(st) ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("reading articles prepares their statements once and leaves none of them reading", "[store]") {
    TempDir dir;
    store::Store s(dir.path());
    add_outlet(s);
    auto one = s.save_article("vnexpress", sample_article("https://vnexpress.net/a-1.html"), clipping_decision(),
                              {"https://vnexpress.net/a-1.html", 1, 200, "", "<html></html>"});
    auto other = sample_article("https://vnexpress.net/a-2.html");
    other.headline = "Bài thứ hai";
    auto two = s.save_article("vnexpress", other, clipping_decision(),
                              {"https://vnexpress.net/a-2.html", 1, 200, "", "<html></html>"});
    REQUIRE(s.article(one.id));
    int kept = statements(s);
    CHECK(kept >= 3);                // the article, its topics, its places: kept
    CHECK(statements(s, true) == 0);  // no read left open between requests
    auto a = s.article(two.id);
    REQUIRE(a);
    CHECK(a->article.headline == "Bài thứ hai");  // the reused statement bound afresh
    CHECK(s.article(one.id)->article.headline == "Người dân phường Sầm Sơn phản ánh ô nhiễm");
    CHECK(!s.article(one.id + two.id + 100));
    CHECK(statements(s) == kept);  // prepared once, not per read
    CHECK(statements(s, true) == 0);
}

TEST_CASE("saving the same article again changes nothing; a changed one is updated in place", "[store]") {
    TempDir dir;
    store::Store s(dir.path());
    add_outlet(s);
    auto a = sample_article("https://vnexpress.net/a-1.html");
    store::Snapshot snap{a.url, 1, 200, "", "<html>1</html>"};
    auto first = s.save_article("vnexpress", a, clipping_decision(), snap);
    s.mark_indexed(std::vector<std::int64_t>{first.id});
    auto again = s.save_article("vnexpress", a, clipping_decision(), snap);
    CHECK_FALSE(again.inserted);
    CHECK_FALSE(again.changed);
    CHECK(again.id == first.id);
    CHECK(s.pending_index(10).empty());

    a.body += "\n\nĐính chính: số liệu đã được cập nhật.";
    auto edited = s.save_article("vnexpress", a, clipping_decision(), {a.url, 2, 200, "", "<html>2</html>"});
    CHECK(edited.changed);
    CHECK(edited.id == first.id);
    CHECK(s.stats().articles == 1);
    CHECK(s.stats().snapshots == 2);
    CHECK(s.pending_index(10) == std::vector<std::int64_t>{first.id});
}

TEST_CASE("a re-triage never replaces a person's flag", "[store]") {
    TempDir dir;
    store::Store s(dir.path());
    add_outlet(s);
    auto a = sample_article("https://vnexpress.net/a-2.html");
    auto r = s.save_article("vnexpress", a, clipping_decision(), {});
    s.db().exec("UPDATE flag SET source = 'user', needed = 0 WHERE article_id = " + std::to_string(r.id));
    a.body += " Thêm.";
    s.save_article("vnexpress", a, clipping_decision(), {});
    CHECK_FALSE(s.article(r.id)->flagged);
}

TEST_CASE("the data folder comes from --data, then PRESSWATCH_DATA, then XDG", "[store]") {
    CHECK(store::resolve_data_dir("/x/y") == "/x/y");
    setenv("PRESSWATCH_DATA", "/from/env", 1);
    CHECK(store::resolve_data_dir("") == "/from/env");
    unsetenv("PRESSWATCH_DATA");
    setenv("XDG_DATA_HOME", "/xdg", 1);
    CHECK(store::resolve_data_dir("") == "/xdg/presswatch");
    CHECK(store::resolve_data_dir("", "/configured") == "/configured");
}

TEST_CASE("the mention level is stored with the decision, and passing mentions are listed apart", "[store][levels]") {
    TempDir dir;
    store::Store s(dir.path());
    add_outlet(s);
    auto subject = s.save_article("vnexpress", sample_article("https://vnexpress.net/a-1.html"), clipping_decision(), {});
    triage::Decision passing;
    passing.mention_level = triage::MentionLevel::passing;
    passing.mentions.push_back({"Thanh Hóa", "Thanh Hóa", "province", triage::Field::body, 300, 10, "quê Thanh Hóa", true});
    auto p = s.save_article("vnexpress", sample_article("https://vnexpress.net/a-2.html"), passing, {});
    auto none = s.save_article("vnexpress", sample_article("https://vnexpress.net/a-3.html"), triage::Decision{}, {});
    CHECK(s.article(subject.id)->mention_level == "subject");
    CHECK(s.article(p.id)->mention_level == "passing");
    CHECK(s.article(none.id)->mention_level == "not");
    auto listed = s.passing_mentions(0, 2'000'000'000);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].id == p.id);
    CHECK(s.clippings(0, 2'000'000'000).size() == 1);
    // A re-triage moves it.
    s.save_decision(p.id, clipping_decision());
    CHECK(s.article(p.id)->mention_level == "subject");
    CHECK(s.passing_mentions(0, 2'000'000'000).empty());
}

TEST_CASE("migration 40 grades stored articles from their clipping flag and mentions, and queues them for the index",
          "[store][levels]") {
    TempDir dir;
    std::int64_t clip = 0, named = 0, none = 0;
    {
        store::Store s(dir.path());
        add_outlet(s);
        clip = s.save_article("vnexpress", sample_article("https://vnexpress.net/a-1.html"), clipping_decision(), {}).id;
        triage::Decision passing;
        passing.mentions.push_back({"Thanh Hóa", "Thanh Hóa", "province", triage::Field::body, 300, 10, "…", false});
        named = s.save_article("vnexpress", sample_article("https://vnexpress.net/a-2.html"), passing, {}).id;
        none = s.save_article("vnexpress", sample_article("https://vnexpress.net/a-3.html"), triage::Decision{}, {}).id;
        // Back to the database as it was before migration 40, index journal emptied.
        s.db().exec("DROP INDEX article_mention_level; ALTER TABLE article DROP COLUMN mention_level; "
                    "DELETE FROM schema_migration WHERE version = 40; PRAGMA user_version = 33; DELETE FROM index_journal");
    }
    store::Store s(dir.path());
    CHECK(s.article(clip)->mention_level == "subject");
    CHECK(s.article(named)->mention_level == "passing");
    CHECK(s.article(none)->mention_level == "not");
    CHECK(s.pending_index(10) == std::vector<std::int64_t>{clip, named, none});
}

namespace {

// What the article row holds for the body: its SQLite type and bytes.
std::pair<std::string, std::int64_t> stored_body(store::Store& s, std::int64_t id) {
    auto q = s.db().prepare("SELECT typeof(body), length(CAST(body AS BLOB)) FROM article WHERE id = ?1");
    q.bind(1, id);
    REQUIRE(q.step());
    return {q.text(0), q.int64(1)};
}

std::string long_body() {
    std::string body;
    for (int i = 0; i < 30; ++i)
        body += "Đoạn " + std::to_string(i) + ": Ủy ban nhân dân tỉnh Thanh Hóa họp bàn về dự án đường ven biển, "
                "người dân các xã ven biển mong công trình sớm hoàn thành.\n\n";
    return body;
}

// A long article saved as a clipping; returns it and its id.
std::pair<Article, std::int64_t> save_long(store::Store& s, const std::string& url) {
    add_outlet(s);
    auto a = sample_article(url);
    a.body = long_body();
    auto r = s.save_article("vnexpress", a, clipping_decision(), {a.url, 1, 200, "", "<html></html>"});
    return {a, r.id};
}

}  // namespace

TEST_CASE("an article's body is stored compressed and read back exactly as written, also after an edit",
          "[store][body]") {
    TempDir dir;
    store::Store s(dir.path());
    auto [a, id] = save_long(s, "https://vnexpress.net/dai.html");
    auto [type, bytes] = stored_body(s, id);
    CHECK(type == "blob");
    CHECK(bytes * 2 < static_cast<std::int64_t>(a.body.size()));
    CHECK(s.article(id)->article.body == a.body);

    a.body += "Đính chính: số liệu đã được cập nhật.";
    CHECK(s.save_article("vnexpress", a, clipping_decision(), {a.url, 2, 200, "", "<html></html>"}).changed);
    CHECK(stored_body(s, id).first == "blob");
    CHECK(s.article(id)->article.body == a.body);
    // Unchanged text is recognised as before (the hash is of the text).
    CHECK_FALSE(s.save_article("vnexpress", a, clipping_decision(), {a.url, 3, 200, "", "<html></html>"}).changed);
}

TEST_CASE("a body stored as text before migration 70, or too short to shrink, is read as it is", "[store][body]") {
    TempDir dir;
    store::Store s(dir.path());
    add_outlet(s);
    auto a = sample_article("https://vnexpress.net/ngan.html");
    a.body = "Ngắn.";
    auto r = s.save_article("vnexpress", a, clipping_decision(), {a.url, 1, 200, "", "<html></html>"});
    CHECK(stored_body(s, r.id).first == "text");
    CHECK(s.article(r.id)->article.body == "Ngắn.");
    // As an older release left it: plain text in the column.
    std::string old = long_body();
    s.db().prepare("UPDATE article SET body = ?2 WHERE id = ?1").bind(1, r.id).bind(2, old).run();
    CHECK(stored_body(s, r.id).first == "text");
    CHECK(s.article(r.id)->article.body == old);
}

TEST_CASE("a damaged compressed body is reported, not shown as bytes", "[store][body]") {
    TempDir dir;
    store::Store s(dir.path());
    auto id = save_long(s, "https://vnexpress.net/hong.html").second;
    s.db().prepare("UPDATE article SET body = substr(body, 1, 20) WHERE id = ?1").bind(1, id).run();
    CHECK_THROWS_WITH(s.article(id), Catch::Contains("article body in the store is damaged"));
}
