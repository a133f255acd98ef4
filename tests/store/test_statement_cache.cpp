// Database::cached: statements kept per connection must answer exactly as
// freshly prepared ones, across schema changes, nested use and reuse.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "store/database.h"
#include "tests/support.h"

using namespace presswatch::store;
using presswatch::testing::TempDir;

namespace {

// A database holding table t with these names, ids from 1.
Database with_names(const TempDir& dir, const char* values) {
    Database db(dir.path() / "a.db");
    db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)");
    db.exec(std::string("INSERT INTO t(name) VALUES ") + values);
    return db;
}

std::vector<std::string> names(Database& db) {
    auto q = db.cached("SELECT * FROM t ORDER BY id");
    std::vector<std::string> out;
    while (q->step()) out.push_back(q->text(1));
    return out;
}

}  // namespace

TEST_CASE("a kept statement answers with the current schema after it changes", "[store][statement-cache]") {
    TempDir dir;
    Database db = with_names(dir, "('một'), ('hai')");
    CHECK(names(db) == std::vector<std::string>{"một", "hai"});

    // Same SQL text, another table behind it: SQLite prepares it again.
    db.exec("DROP TABLE t");
    db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, code INTEGER, name TEXT)");
    db.exec("INSERT INTO t(code, name) VALUES (7, 'ba')");
    auto q = db.cached("SELECT * FROM t ORDER BY id");
    REQUIRE(q->step());
    CHECK(q->int64(1) == 7);
    CHECK(q->text(2) == "ba");
    CHECK_FALSE(q->step());
}

TEST_CASE("a kept statement comes back reset and unbound", "[store][statement-cache]") {
    TempDir dir;
    Database db = with_names(dir, "('một'), ('hai'), ('ba')");
    const char* sql = "SELECT name FROM t WHERE id >= ?1 ORDER BY id";
    {
        auto q = db.cached(sql);
        q->bind(1, 1);
        REQUIRE(q->step());
        CHECK(q->text(0) == "một");
        // Left half-read: the next borrower must start from the first row.
    }
    {
        auto q = db.cached(sql);
        // No value bound this time: ?1 is NULL, so no row (not the old 1).
        CHECK_FALSE(q->step());
    }
    auto q = db.cached(sql);
    q->bind(1, 2);
    REQUIRE(q->step());
    CHECK(q->text(0) == "hai");
}

TEST_CASE("a half-read kept statement does not hide another connection's writes", "[store][statement-cache]") {
    TempDir dir;
    Database db = with_names(dir, "('một'), ('hai')");
    {
        auto q = db.cached("SELECT name FROM t ORDER BY id");
        REQUIRE(q->step());  // a read transaction is open until the reset
    }
    Database other(dir.path() / "a.db");
    other.exec("INSERT INTO t(name) VALUES ('ba')");
    auto n = db.cached("SELECT COUNT(*) FROM t");
    REQUIRE(n->step());
    CHECK(n->int64(0) == 3);
}

TEST_CASE("the same SQL borrowed twice at once gives two working statements", "[store][statement-cache]") {
    TempDir dir;
    Database db = with_names(dir, "('một'), ('hai')");
    const char* sql = "SELECT name FROM t WHERE id = ?1";
    auto outer = db.cached(sql);
    outer->bind(1, 1);
    REQUIRE(outer->step());
    {
        auto inner = db.cached(sql);
        inner->bind(1, 2);
        REQUIRE(inner->step());
        CHECK(inner->text(0) == "hai");
    }
    CHECK(outer->text(0) == "một");
    CHECK_FALSE(outer->step());
}
