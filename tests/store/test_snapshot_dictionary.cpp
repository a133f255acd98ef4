// Page snapshots compressed with a zstd dictionary per outlet
// (store/snapshot_dictionary.h): pages read back byte for byte, each outlet
// with its own dictionary, renewed after refresh_days, and a snapshot
// naming a dictionary the database lacks is a clear error.
#include <random>

#include <catch2/catch.hpp>

#include "store/snapshot_dictionary.h"
#include "store/store.h"
#include "support.h"
#include "triage/decision.h"

using namespace presswatch;
using presswatch::testing::TempDir;

namespace {

constexpr std::int64_t start = 1'800'000'000;
constexpr std::int64_t day = 86400;

// A page of an outlet: the outlet's template (the same on each of its
// pages, different between outlets) around an article of its own.
std::string page(const std::string& outlet, int n) {
    std::mt19937 site(static_cast<unsigned>(std::hash<std::string>{}(outlet)));
    std::string head = "<html><head><style>";
    for (int i = 0; i < 3000; ++i) head += ".c" + std::to_string(site() % 100000) + "{margin:" + std::to_string(site() % 40) + "px}";
    head += "</style></head><body><nav>";
    for (int i = 0; i < 400; ++i) head += "<a href=\"/muc-" + std::to_string(site()) + "\">Mục " + std::to_string(i) + "</a>";
    std::mt19937 own(static_cast<unsigned>(n) * 7919u + 1u);
    std::string article = "</nav><article>";
    for (int i = 0; i < 800; ++i) article += "từ" + std::to_string(own() % 5000) + " ";
    return head + article + "</article><footer>" + outlet + "</footer></body></html>";
}

// A store with the two outlets the tests use.
struct Outlets {
    explicit Outlets(store::Store& s) {
        std::vector<config::Outlet> v;
        for (const char* slug : {"vnexpress", "dantri"}) {
            config::Outlet o;
            o.slug = slug;
            o.name = slug;
            v.push_back(o);
        }
        s.sync_outlets(v);
    }
};

// An empty store in a folder of its own, with those outlets.
struct Fixture {
    TempDir dir;
    store::Store store{dir.path()};
    Outlets outlets{store};
};

std::int64_t save(store::Store& s, const std::string& outlet, int n, std::int64_t fetched) {
    Article a;
    a.url = "https://" + outlet + ".localhost/bai-" + std::to_string(n) + ".html";
    a.headline = "Bài " + std::to_string(n);
    a.body = "Nội dung bài " + std::to_string(n) + ".";
    store::Snapshot snap{a.url, fetched, 200, "Content-Type: text/html", page(outlet, n)};
    return s.save_article(outlet, a, triage::Decision{}, snap).id;
}

struct Row {
    std::optional<std::int64_t> dictionary;
    std::int64_t bytes;
};

Row row(store::Store& s, std::int64_t article) {
    auto q = s.db().prepare("SELECT dictionary_id, length(body) FROM snapshot WHERE article_id = ?1");
    q.bind(1, article);
    REQUIRE(q.step());
    return {q.opt_int64(0), q.int64(1)};
}

}  // namespace

TEST_CASE("snapshots after an outlet's first page use it as a dictionary, read back byte for byte, "
          "much smaller than alone", "[store][snapshot]") {
    Fixture f;
    auto& s = f.store;
    auto first = save(s, "vnexpress", 1, start);
    auto second = save(s, "vnexpress", 2, start + 60);
    auto other = save(s, "dantri", 3, start + 120);
    auto other2 = save(s, "dantri", 4, start + 180);
    // The first page of each outlet alone; the next with its outlet's.
    CHECK(!row(s, first).dictionary);
    CHECK(!row(s, other).dictionary);
    REQUIRE(row(s, second).dictionary);
    REQUIRE(row(s, other2).dictionary);
    CHECK(*row(s, second).dictionary != *row(s, other2).dictionary);
    // The template is most of the page: with the dictionary, a page takes
    // less than half what it takes alone.
    CHECK(row(s, second).bytes * 2 < row(s, first).bytes);
    int n = 1;
    for (auto id : {first, second, other, other2}) {
        INFO("article " << id);
        auto snap = s.snapshot(id);
        REQUIRE(snap);
        CHECK(snap->body == page(id == other || id == other2 ? "dantri" : "vnexpress", n++));
    }
    // Another connection (the web server's) reads them from the database.
    store::Store reader(f.dir.path());
    CHECK(reader.snapshot(second)->body == page("vnexpress", 2));
    CHECK(reader.snapshot(other2)->body == page("dantri", 4));
}

TEST_CASE("a page sealed on another thread with the outlet's dictionary is stored as sealed", "[store][snapshot]") {
    Fixture f;
    auto& s = f.store;
    save(s, "vnexpress", 1, start);
    auto with = s.snapshot_dictionaries().current("vnexpress");
    REQUIRE(with);
    Article a;
    a.url = "https://vnexpress.localhost/sealed.html";
    a.headline = "Bài niêm phong";
    store::Snapshot snap{a.url, start + 60, 200, "", page("vnexpress", 9)};
    snap.seal(with);
    auto id = s.save_article("vnexpress", a, triage::Decision{}, snap).id;
    CHECK(row(s, id).dictionary == with->id());
    CHECK(row(s, id).bytes == static_cast<std::int64_t>(snap.compressed.size()));
    CHECK(s.snapshot(id)->body == page("vnexpress", 9));
}

TEST_CASE("an outlet's dictionary is renewed after refresh_days; older snapshots keep theirs", "[store][snapshot]") {
    Fixture f;
    auto& s = f.store;
    save(s, "vnexpress", 1, start);
    auto before = save(s, "vnexpress", 2, start + day);
    auto later = start + (store::SnapshotDictionaries::refresh_days + 1) * day;
    auto renewing = save(s, "vnexpress", 3, later);
    auto after = save(s, "vnexpress", 4, later + 60);
    CHECK(row(s, renewing).dictionary == row(s, before).dictionary);  // made with the old one, then replaces it
    REQUIRE(row(s, after).dictionary);
    CHECK(*row(s, after).dictionary != *row(s, before).dictionary);
    CHECK(s.snapshot(before)->body == page("vnexpress", 2));
    CHECK(s.snapshot(after)->body == page("vnexpress", 4));
    auto q = s.db().prepare("SELECT COUNT(*) FROM snapshot_dictionary WHERE outlet = 'vnexpress'");
    q.step();
    CHECK(q.int64(0) == 2);
}

TEST_CASE("a snapshot naming a dictionary the database lacks is refused with what to do", "[store][snapshot]") {
    Fixture f;
    auto& s = f.store;
    save(s, "vnexpress", 1, start);
    auto id = save(s, "vnexpress", 2, start + 60);
    // Only a damaged database can hold it: the foreign key refuses it.
    CHECK_THROWS(s.db().prepare("UPDATE snapshot SET dictionary_id = 999 WHERE article_id = ?1").bind(1, id).run());
    s.db().exec("PRAGMA foreign_keys = OFF");
    s.db().prepare("UPDATE snapshot SET dictionary_id = 999 WHERE article_id = ?1").bind(1, id).run();
    store::Store fresh(f.dir.path());
    CHECK_THROWS_WITH(fresh.snapshot(id), Catch::Contains("dictionary 999") && Catch::Contains("restore it from a backup"));
    // A frame made with another outlet's dictionary does not decode.
    save(s, "dantri", 3, start + 120);
    auto dantri = save(s, "dantri", 4, start + 180);
    auto vnexpress_dictionary = s.snapshot_dictionaries().current("vnexpress")->id();
    s.db().prepare("UPDATE snapshot SET dictionary_id = ?2 WHERE article_id = ?1").bind(1, dantri).bind(2, vnexpress_dictionary).run();
    store::Store fresh2(f.dir.path());
    CHECK_THROWS_WITH(fresh2.snapshot(dantri), Catch::Contains("corrupt"));
}
