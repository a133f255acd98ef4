#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "store/workflow.h"
#include "store/workflow_dump.h"
#include "store/workflow_fixture.h"
#include "support.h"
#include "text/dates.h"

using namespace presswatch;
using presswatch::testing::TempDir;

namespace {

std::int64_t t(const char* iso) { return *text::parse_iso8601(iso); }

// Every decision a person can make, on the fixture's articles.
void decide(store::Store& s, const std::vector<std::int64_t>& ids) {
    store::Workflow wf(s, "lan");
    wf.set_review(ids[0], "relevant");
    wf.set_review(ids[3], "not-relevant");
    wf.change_topics(ids[0], {"dat-dai"}, {"moi-truong"});
    wf.set_tone(ids[1], "neutral");
    wf.clear_flag(ids[2], "đã có câu trả lời");
    wf.sent(ids[0], {"so-nnmt", "125/STTTT", t("2026-11-04"), t("2026-11-20")});
    wf.answered(ids[0], {t("2026-11-15"), "88/SNNMT", "Đã xử lý"});
    wf.add_note(ids[1], "ghi chú thử");
}

std::string dump(store::Store& s) {
    std::ostringstream out;
    store::dump_decisions(s, out);
    return out.str();
}

// The dump without its header line (which holds the time it was made).
std::string body(const std::string& d) { return d.substr(d.find('\n') + 1); }

// A store with every kind of decision made, its dump, and an empty store
// to restore into.
struct Decided {
    TempDir dir, target_dir;
    store::Store store{dir.path()};
    std::vector<std::int64_t> ids = presswatch::testing::seed_fixture(store);
    std::string dumped = (decide(store, ids), dump(store));
    store::Store target{target_dir.path()};
};

// Every article of b carries the same decisions as its twin in a.
void check_same_decisions(store::Store& a, const std::vector<std::int64_t>& ids, store::Store& b,
                          const std::vector<std::int64_t>& ids_b) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
        INFO("article " << i);
        auto x = a.article(ids[i]), y = b.article(ids_b[i]);
        CHECK(x->review == y->review);
        CHECK(x->topics == y->topics);
        CHECK(x->tone == y->tone);
        CHECK(x->flagged == y->flagged);
        CHECK(x->response_status == y->response_status);
        CHECK(x->response_agency == y->response_agency);
        CHECK(x->deadline == y->deadline);
    }
}

}  // namespace

TEST_CASE("dump then restore into a freshly crawled store gives back every decision") {
    Decided src;
    auto& a = src.store;
    auto& ids = src.ids;
    const std::string& d = src.dumped;
    TempDir b_dir;

    // A second store crawled anew: same URLs, other ids (inserted in reverse).
    store::Store b(b_dir.path());
    b.sync_outlets(presswatch::testing::fixture_outlets());
    presswatch::testing::save_fixture(b, {"vnexpress", "https://vnexpress.localhost/other-1.html", "Bài khác",
                                          "", "2026-11-01T08:00:00+07:00", true, {}, "neutral", false, {}, ""});
    auto ids_b = presswatch::testing::seed_fixture(b);
    REQUIRE(ids_b[0] != ids[0]);
    std::istringstream in(d);
    auto r = store::restore_decisions(b, in, "decisions.jsonl", "admin");
    CHECK(r.articles == 4);
    CHECK(r.unmatched.empty());

    check_same_decisions(a, ids, b, ids_b);
    store::Workflow wb(b, "x");
    CHECK(wb.response(ids_b[0])->answer_summary == "Đã xử lý");
    CHECK(wb.notes(ids_b[1]).at(0).text == "ghi chú thử");
    // The audit log came along, attached to the new ids.
    CHECK(wb.audit_log(ids_b[0]).size() == 4);
    CHECK(body(dump(b)) != body(d));  // b also audits the restore itself...
    auto db = body(dump(b));
    CHECK(db.find(body(d).substr(0, body(d).find("\"kind\":\"audit\""))) != std::string::npos);  // ...same decisions
}

TEST_CASE("restoring the same dump twice changes nothing the second time") {
    Decided src;
    const std::string& d = src.dumped;
    auto& b = src.target;
    presswatch::testing::seed_fixture(b);
    std::istringstream in1(d), in2(d);
    auto r1 = store::restore_decisions(b, in1, "d.jsonl", "admin");
    std::string once = dump(b);
    auto r2 = store::restore_decisions(b, in2, "d.jsonl", "admin");
    CHECK(r1.audit == 8);
    CHECK(r2.audit == 0);
    std::string twice = dump(b);
    // Only the second "restore" audit line differs.
    CHECK(std::count(twice.begin(), twice.end(), '\n') == std::count(once.begin(), once.end(), '\n') + 1);
}

TEST_CASE("articles missing from the store are reported, their audit kept with the URL") {
    Decided src;
    const std::string& d = src.dumped;
    auto& b = src.target;
    b.sync_outlets(presswatch::testing::fixture_outlets());
    auto only = presswatch::testing::save_fixture(
        b, {"tuoitre", "https://tuoitre.localhost/le-hoi-sam-son-2026.htm", "Sầm Sơn", "", "2026-11-05T10:00:00+07:00", true, {}, "positive", false, {}, ""});
    std::istringstream in(d);
    auto r = store::restore_decisions(b, in, "d.jsonl", "admin");
    CHECK(r.articles == 1);
    CHECK(r.unmatched.size() == 3);
    CHECK(b.article(only)->tone == "neutral");
    auto q = b.db().prepare("SELECT COUNT(*) FROM audit WHERE article_id IS NULL AND waiting_url = ?1");
    q.bind(1, "https://vnexpress.localhost/o-nhiem-song-ma-4800001.html");
    REQUIRE(q.step());
    CHECK(q.int64(0) == 4);
}

TEST_CASE("a malformed dump names the line, and the store is left unchanged") {
    TempDir dir;
    store::Store s(dir.path());
    auto ids = presswatch::testing::seed_fixture(s);
    const std::string header = R"({"presswatch":"decisions","version":1})";
    const std::string good = R"({"kind":"article","url":"https://tuoitre.localhost/le-hoi-sam-son-2026.htm","review":{"state":"relevant","user":"a","at":"2026-11-06T08:00:00+07:00"}})";
    struct Row {
        std::string text;
        std::string message;
    };
    std::vector<Row> rows = {
        {"", "empty"},
        {R"({"hello":1})", "d.jsonl:1: not a presswatch dump"},
        {R"({"presswatch":"decisions","version":9})", "d.jsonl:1: dump version not supported"},
        {header + "\n" + good + "\nnot json", "d.jsonl:3: not a JSON object"},
        {header + "\n" + good + "\n" + R"({"kind":"article","url":"https://tuoitre.localhost/le-hoi-sam-son-2026.htm","review":{"state":"maybe"}})",
         "d.jsonl:3: review state \"maybe\" is unknown"},
        {header + "\n" + good + "\n" + R"({"kind":"thing"})", "d.jsonl:3: \"kind\" must be"},
        {header + "\n" + R"({"kind":"audit","user":"a","action":"x","at":"yesterday"})", "d.jsonl:2: \"at\": \"yesterday\" is not an ISO 8601 date"},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        std::istringstream in(r.text);
        CHECK_THROWS_WITH(store::restore_decisions(s, in, "d.jsonl", "admin"), Catch::Contains(r.message));
        CHECK(s.article(ids[1])->review == "new");
    }
    CHECK(store::Workflow(s, "x").audit_log().empty());
}

TEST_CASE("decisions for articles not stored yet wait, and are applied with their audit when the article is saved") {
    Decided src;
    const std::string& d = src.dumped;
    auto& b = src.target;
    std::istringstream in(d);
    auto r = store::restore_decisions(b, in, "d.jsonl", "admin");
    CHECK(r.articles == 0);
    CHECK(r.unmatched.size() == 4);
    CHECK(r.waiting == 4);
    // A dump made now still carries the waiting decisions and their audit by URL.
    auto waiting_dump = dump(b);
    CHECK(waiting_dump.find(R"("notes":[{"at":)") != std::string::npos);
    // ...the same decisions and audit as the source's dump (plus the restore's own line).
    CHECK(body(waiting_dump).find(body(d).substr(body(d).find("{\"action\":"))) != std::string::npos);

    auto ids_b = presswatch::testing::seed_fixture(b);
    check_same_decisions(src.store, src.ids, b, ids_b);
    store::Workflow wb(b, "x");
    CHECK(wb.notes(ids_b[1]).at(0).text == "ghi chú thử");
    auto log = wb.audit_log(ids_b[0]);
    CHECK(log.size() == 5);  // the four decisions, and their application
    CHECK(std::count_if(log.begin(), log.end(), [](const auto& e) { return e.action == "restore-pending"; }) == 1);
    // Nothing waits now, and restoring again adds no audit row but the restore's own.
    auto before = wb.audit_log().size();
    std::istringstream again(d);
    auto r2 = store::restore_decisions(b, again, "d.jsonl", "admin");
    CHECK(r2.articles == 4);
    CHECK(r2.audit == 0);
    CHECK(r2.waiting == 0);
    CHECK(wb.audit_log().size() == before + 1);
}

TEST_CASE("a malformed line for an article not stored yet is refused like any other") {
    TempDir dir;
    store::Store s(dir.path());
    std::istringstream in(R"({"presswatch":"decisions","version":1}
{"kind":"article","url":"https://vnexpress.localhost/chua-co.html","flag":{"needed":"yes"}})");
    CHECK_THROWS_WITH(store::restore_decisions(s, in, "d.jsonl", "admin"),
                      Catch::Contains("d.jsonl:2: flag: \"needed\" must be true or false"));
    auto q = s.db().prepare("SELECT COUNT(*) FROM pending_decision");
    REQUIRE(q.step());
    CHECK(q.int64(0) == 0);
}

TEST_CASE("a waiting decision that no longer reads does not stop the article from being stored") {
    TempDir dir;
    store::Store s(dir.path());
    const std::string url = "https://tuoitre.localhost/le-hoi-sam-son-2026.htm";
    // Edited by hand after the restore: the review is fine, the flag is not.
    s.db().prepare("INSERT INTO pending_decision(url, line, source, user, restored_at) VALUES (?1, ?2, 'd.jsonl', 'a', 0)")
        .bind(1, url)
        .bind(2, R"({"kind":"article","url":")" + url +
                     R"(","review":{"state":"relevant","user":"a","at":null},"flag":{"needed":"yes"}})")
        .run();
    auto ids = presswatch::testing::seed_fixture(s);
    CHECK(s.article(ids[1])->review == "new");  // nothing of the line was applied
    auto q = s.db().prepare("SELECT COUNT(*) FROM pending_decision");
    REQUIRE(q.step());
    CHECK(q.int64(0) == 1);  // still waiting, for `restore` to report
}
