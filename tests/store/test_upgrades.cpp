// Upgrades: the database of every schema state a user could hold
// (tests/data/schema/, made by make_fixtures.cpp) is opened by the current
// code, reaches today's schema with every row intact, and the built binary
// reindexes and checks it. A database from a newer presswatch is refused
// unchanged, naming the release it needs.
#include <catch2/catch.hpp>

#include <map>

#include <fmt/format.h>

#include "store/database.h"
#include "store/file_codec.h"
#include "store/migrations.h"
#include "store/store.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::run_presswatch;
using presswatch::testing::TempDir;
namespace fs = std::filesystem;

namespace {

fs::path fixture_dir() { return fs::path(PRESSWATCH_SOURCE_DIR) / "tests" / "data" / "schema"; }

std::vector<fs::path> fixtures() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(fixture_dir()))
        if (e.path().extension() == ".db") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> columns(store::Database& db, const std::string& table) {
    std::vector<std::string> out;
    auto q = db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
    q.bind(1, table);
    while (q.step()) out.push_back(q.text(0));
    return out;
}

std::vector<std::string> tables(store::Database& db) {
    std::vector<std::string> out;
    auto q = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (q.step()) out.push_back(q.text(0));
    return out;
}

// Every row of a table as text, keyed by rowid, over the given columns.
std::map<std::int64_t, std::string> rows(store::Database& db, const std::string& table,
                                         const std::vector<std::string>& cols) {
    std::string list;
    for (const auto& c : cols) list += fmt::format(", quote(\"{}\")", c);
    std::map<std::int64_t, std::string> out;
    auto q = db.prepare(fmt::format("SELECT rowid{} FROM \"{}\"", list, table));
    while (q.step()) {
        std::string row;
        for (std::size_t i = 0; i < cols.size(); ++i) row += cols[i] + "=" + q.text(static_cast<int>(i + 1)) + " ";
        out[q.int64(0)] = row;
    }
    return out;
}

// The schema as comparable lines: objects, and each table's columns with
// type, NOT NULL, default and key.
std::vector<std::string> schema(store::Database& db) {
    std::vector<std::string> out;
    auto o = db.prepare("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    while (o.step()) out.push_back(o.text(0) + " " + o.text(1) + " on " + o.text(2));
    for (const auto& t : tables(db)) {
        auto c = db.prepare("SELECT name, type, \"notnull\", quote(dflt_value), pk FROM pragma_table_info(?1) ORDER BY cid");
        c.bind(1, t);
        while (c.step())
            out.push_back(fmt::format("{}.{} {} notnull={} default={} pk={}", t, c.text(0), c.text(1), c.int64(2),
                                      c.text(3), c.int64(4)));
    }
    return out;
}

std::int64_t count(store::Database& db, const std::string& table) {
    auto q = db.prepare("SELECT COUNT(*) FROM \"" + table + "\"");
    q.step();
    return q.int64(0);
}

}  // namespace

TEST_CASE("every older schema's database migrates to today's schema with every row intact, and check passes after a reindex") {
    auto files = fixtures();
    REQUIRE(files.size() >= 11);
    TempDir fresh_dir;
    std::vector<std::string> today;
    {
        store::Store fresh(fresh_dir.path());
        today = schema(fresh.db());
    }
    for (const auto& file : files) {
        INFO(file.filename().string());
        TempDir dir;
        fs::copy_file(file, dir.path() / "presswatch.db");
        fs::copy_file(file, dir.path() / "old.db");  // read again after the migration
        // What the old database holds, before any migration.
        std::map<std::string, std::vector<std::string>> old_columns;
        std::map<std::string, std::map<std::int64_t, std::string>> old_rows;
        {
            store::Database old(dir.path() / "presswatch.db", store::Database::Mode::read_only);
            for (const auto& t : tables(old)) old_columns[t] = columns(old, t);
            // The fixture holds what the test must keep: articles, decisions, responses, audit rows.
            CHECK(count(old, "article") == 3);
            CHECK(count(old, "review") == 3);
            CHECK(count(old, "tag") == 4);
            CHECK(count(old, "flag") == 1);
            CHECK(count(old, "audit") >= 4);
            if (old_columns.count("response")) CHECK(count(old, "response") == 1);
        }
        {
            store::Store st(dir.path());
            auto v = st.db().prepare("PRAGMA user_version");
            v.step();
            CHECK(v.int64(0) == store::latest_schema_version());
            CHECK(schema(st.db()) == today);
            for (const auto& [table, cols] : old_columns) {
                INFO(table);
                auto now_cols = columns(st.db(), table);
                REQUIRE_FALSE(now_cols.empty());
                std::vector<std::string> kept;  // columns a migration dropped are not compared
                for (const auto& c : cols)
                    if (std::find(now_cols.begin(), now_cols.end(), c) != now_cols.end()) kept.push_back(c);
                store::Database old(dir.path() / "old.db", store::Database::Mode::read_only);
                if (table == "index_journal" || table == "schema_migration" || table == "schema_writer") {
                    // Bookkeeping that migrations add to: the list of applied
                    // migrations and the releases that applied them, and the
                    // queue of articles to index (40 queues every article
                    // again, with a new queued_at).
                    // Nothing may be dropped from either.
                    auto now_rows = rows(st.db(), table, kept);
                    for (const auto& [id, row] : rows(old, table, kept)) CHECK(now_rows.count(id) == 1);
                } else {
                    CHECK(rows(st.db(), table, kept) == rows(old, table, kept));
                }
            }
            // The migrations run on the way record the release that ran them.
            CHECK(count(st.db(), "schema_writer") >= 1);
        }
        auto reindex = run_presswatch("--data '" + dir.path().string() + "' reindex");
        INFO(reindex.out);
        CHECK(reindex.code == 0);
        auto check = run_presswatch("--data '" + dir.path().string() + "' check --json");
        INFO(check.out);
        CHECK(check.code == 0);
        CHECK_THAT(check.out, Catch::Contains("\"articles\": 3") && Catch::Contains("\"documents\": 3"));
    }
}

TEST_CASE("a database written by a newer presswatch is refused unchanged, with the release it needs") {
    TempDir dir;
    fs::copy_file(fixture_dir() / "main-e112675-v33.db", dir.path() / "presswatch.db");
    { store::Store st(dir.path()); }  // today's schema
    {
        // What a later release leaves behind: a migration this one lacks,
        // recorded with the release that ran it.
        store::Database db(dir.path() / "presswatch.db");
        db.exec("INSERT INTO schema_migration(version) VALUES (990); PRAGMA user_version = 990; "
                "INSERT INTO schema_writer(version, presswatch, at) VALUES (990, '9.4.0', 1800000000)");
    }
    auto before = store::digest_file(dir.path() / "presswatch.db").sha256;
    auto r = run_presswatch("--data '" + dir.path().string() + "' stats");
    CHECK(r.code == 1);
    CHECK_THAT(r.out, Catch::Contains("has schema version 990") && Catch::Contains("upgrade presswatch to 9.4.0 or newer") &&
                          Catch::Contains(fmt::format("reads schema versions up to {}", store::latest_schema_version())) &&
                          Catch::Contains("Nothing was changed"));
    CHECK(store::digest_file(dir.path() / "presswatch.db").sha256 == before);

    auto refused = [&] {
        auto r2 = run_presswatch("--data '" + dir.path().string() + "' stats");
        CHECK(r2.code == 1);
        return r2.out;
    };
    SECTION("an unknown migration numbered below this release's latest is refused too") {
        {
            store::Database db(dir.path() / "presswatch.db");
            db.exec("DELETE FROM schema_migration WHERE version = 990; DELETE FROM schema_writer WHERE version = 990; "
                    "INSERT INTO schema_migration(version) VALUES (2); INSERT INTO schema_writer VALUES (2, '9.3.1', 0); "
                    "PRAGMA user_version = " + std::to_string(store::latest_schema_version()));
        }
        CHECK_THAT(refused(), Catch::Contains("unknown migrations: 2") && Catch::Contains("upgrade presswatch to 9.3.1 or newer"));
    }
    SECTION("without a recorded release it names the schema version to look for") {
        {
            store::Database db(dir.path() / "presswatch.db");
            db.exec("DELETE FROM schema_writer WHERE version = 990");
        }
        CHECK_THAT(refused(), Catch::Contains("upgrade presswatch to a release that knows schema version 990"));
    }
}
