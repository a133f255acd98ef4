#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "store/workflow.h"
#include "store/workflow_fixture.h"
#include "support.h"
#include "text/dates.h"

using namespace presswatch;
using presswatch::testing::TempDir;

namespace {

std::int64_t t(const char* iso) { return *text::parse_iso8601(iso); }

bool queued(store::Store& s, std::int64_t id) {
    auto ids = s.pending_index(1000);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("review states are stored, audited with the user, and queue the article for indexing") {
    TempDir dir;
    store::Store s(dir.path());
    auto ids = presswatch::testing::seed_fixture(s);
    s.mark_indexed(ids);
    store::Workflow wf(s, "lan");

    CHECK(wf.unreviewed() == std::vector<std::int64_t>{ids[0], ids[1], ids[2]});  // oldest first, clippings only
    wf.set_review(ids[1], "relevant");
    wf.set_review(ids[2], "not-relevant");
    CHECK(s.article(ids[1])->review == "relevant");
    CHECK(s.article(ids[2])->review == "not-relevant");
    CHECK(wf.unreviewed() == std::vector<std::int64_t>{ids[0]});
    CHECK(queued(s, ids[1]));
    CHECK_FALSE(queued(s, ids[0]));

    auto log = wf.audit_log(ids[1]);
    REQUIRE(log.size() == 1);
    CHECK(log[0].user == "lan");
    CHECK(log[0].action == "review");
    CHECK(nlohmann::json::parse(log[0].detail_json) == nlohmann::json{{"from", "new"}, {"to", "relevant"}});
}

TEST_CASE("bad workflow input is refused with a clear message and changes nothing") {
    TempDir dir;
    store::Store s(dir.path());
    auto ids = presswatch::testing::seed_fixture(s);
    store::Workflow wf(s, "lan");
    struct Row {
        const char* what;
        std::function<void()> action;
        const char* message;
    };
    std::vector<Row> rows = {
        {"unknown article", [&] { wf.set_review(999, "relevant"); }, "no article with id 999"},
        {"unknown state", [&] { wf.set_review(ids[0], "maybe"); }, "use new, relevant or not-relevant"},
        {"bad topic slug", [&] { wf.change_topics(ids[0], {"Môi trường"}, {}); }, "is not a topic slug"},
        {"bad tone", [&] { wf.set_tone(ids[0], "angry"); }, "use positive, neutral or negative"},
        {"clear without reason", [&] { wf.clear_flag(ids[0], " "); }, "must not be empty"},
        {"answered before sent", [&] { wf.answered(ids[0], {t("2026-11-20"), "", "ok"}); }, "not sent"},
        {"send unflagged", [&] { wf.sent(ids[1], {"so-yt", "1/STTTT", t("2026-11-06"), {}}); }, "is not flagged"},
        {"publish non-link", [&] { wf.published(ids[0], "vnexpress"); }, "is not a link"},
        {"reopen open item", [&] { wf.reopen(ids[0]); }, "is not closed"},
        {"empty note", [&] { wf.add_note(ids[0], ""); }, "must not be empty"},
    };
    auto before = wf.audit_log().size();
    for (const auto& r : rows) {
        INFO(r.what);
        CHECK_THROWS_AS(r.action(), InputError);
        CHECK_THROWS_WITH(r.action(), Catch::Contains(r.message));
    }
    CHECK(wf.audit_log().size() == before);
    CHECK(s.article(ids[0])->review == "new");
}

TEST_CASE("a person's topics, tone and flag survive a re-triage of the article") {
    TempDir dir;
    store::Store s(dir.path());
    auto ids = presswatch::testing::seed_fixture(s);
    store::Workflow wf(s, "lan");
    wf.change_topics(ids[2], {"kinh-te"}, {"giao-thong"});
    wf.set_tone(ids[2], "neutral");
    wf.clear_flag(ids[2], "đã được tỉnh trả lời trong họp báo");
    auto a = s.article(ids[2]);
    CHECK(a->topics == std::vector<std::string>{"dat-dai", "kinh-te"});
    CHECK(a->tone == "neutral");
    CHECK_FALSE(a->flagged);
    CHECK(a->response_status.empty());

    // The crawler sees the page changed and triage runs again.
    presswatch::testing::FixtureArticle f{"baothanhhoa", a->article.url, a->article.headline + " (cập nhật)",
                                          a->article.description, "2026-11-10T07:30:00+07:00", true,
                                          {"dat-dai", "giao-thong"}, "negative", true, {"so-xd"}, ""};
    presswatch::testing::save_fixture(s, f);
    a = s.article(ids[2]);
    CHECK(a->article.headline.ends_with("(cập nhật)"));
    CHECK(a->topics == std::vector<std::string>{"dat-dai", "kinh-te"});
    CHECK(a->tone == "neutral");
    CHECK_FALSE(a->flagged);

    wf.set_tone(ids[2], "");  // back to triage's
    CHECK(s.article(ids[2])->tone == "negative");
}

TEST_CASE("a flagged item moves through sent, answered, published and closed, and can be reopened") {
    TempDir dir;
    store::Store s(dir.path());
    auto ids = presswatch::testing::seed_fixture(s);
    store::Workflow wf(s, "huong");
    auto id = ids[0];
    CHECK(s.article(id)->response_status == "pending");

    wf.sent(id, {"so-nnmt", "125/STTTT-TTBCXB", t("2026-11-04"), {}});
    auto a = s.article(id);
    CHECK(a->response_status == "sent");
    CHECK(a->response_agency == "so-nnmt");
    CHECK(*a->deadline == t("2026-11-18T17:00:00+07:00"));  // triage's deadline kept
    CHECK_THROWS_WITH(wf.sent(id, {"so-nnmt", "126/STTTT", t("2026-11-05"), {}}), Catch::Contains("already sent"));

    wf.answered(id, {t("2026-11-15"), "88/SNNMT", "Đã kiểm tra, xử lý bãi rác"});
    CHECK(wf.response(id)->answer_summary == "Đã kiểm tra, xử lý bãi rác");
    wf.published(id, "https://vnexpress.localhost/da-xu-ly-bai-rac-4800100.html");
    CHECK(s.article(id)->response_status == "published");
    wf.close(id, "xong");
    CHECK(s.article(id)->response_status == "closed");
    wf.reopen(id, "báo tiếp tục phản ánh");
    CHECK(s.article(id)->response_status == "published");
    auto r = wf.response(id);
    CHECK(r->letter_number == "125/STTTT-TTBCXB");
    CHECK(r->reply_number == "88/SNNMT");

    std::vector<std::string> actions;
    for (const auto& e : wf.audit_log(id)) actions.push_back(e.action);
    CHECK(actions == std::vector<std::string>{"sent", "answered", "published", "close", "reopen"});
}

TEST_CASE("reassigning sends the item to another agency with a new letter and deadline") {
    TempDir dir;
    store::Store s(dir.path());
    auto ids = presswatch::testing::seed_fixture(s);
    store::Workflow wf(s, "huong");
    wf.sent(ids[2], {"so-xd", "130/STTTT", t("2026-11-11"), t("2026-11-25")});
    wf.reassign(ids[2], {"ubnd-tinh", "140/STTTT", t("2026-11-14"), t("2026-11-28")});
    auto r = wf.response(ids[2]);
    CHECK(r->status == "sent");
    CHECK(r->agency == "ubnd-tinh");
    CHECK(r->letter_number == "140/STTTT");
    CHECK(*r->deadline == t("2026-11-28"));
    auto log = wf.audit_log(ids[2]);
    CHECK(nlohmann::json::parse(log.back().detail_json)["from_agency"] == "so-xd");
}

TEST_CASE("overdue is computed from the deadline and the clock, only while an answer is awaited") {
    TempDir dir;
    store::Store s(dir.path());
    auto ids = presswatch::testing::seed_fixture(s);
    store::Workflow wf(s, "lan");
    auto id = ids[0];  // deadline 2026-11-18 17:00
    struct Row {
        const char* step;
        const char* now;
        bool overdue;
        const char* shown;
    };
    auto check = [&](const Row& r) {
        INFO(r.step << " at " << r.now);
        auto a = s.article(id);
        CHECK(store::is_overdue(*a, t(r.now)) == r.overdue);
        CHECK(store::effective_status(*a, t(r.now)) == r.shown);
    };
    check({"flagged", "2026-11-10", false, "pending"});
    check({"flagged", "2026-11-19", true, "overdue"});
    wf.sent(id, {"so-nnmt", "1/STTTT", t("2026-11-04"), {}});
    check({"sent", "2026-11-18T16:59:00+07:00", false, "sent"});
    check({"sent", "2026-11-18T17:01:00+07:00", true, "overdue"});
    wf.answered(id, {t("2026-11-20"), "", "đã trả lời"});
    check({"answered late", "2026-11-25", false, "answered"});

    auto b = s.article(ids[1]);  // not flagged, no deadline
    CHECK_FALSE(store::is_overdue(*b, t("2030-01-01")));
    CHECK(store::effective_status(*b, t("2030-01-01")).empty());
}

TEST_CASE("notes are kept in order with their author") {
    TempDir dir;
    store::Store s(dir.path());
    auto ids = presswatch::testing::seed_fixture(s);
    store::Workflow wf(s, "lan");
    wf.add_note(ids[1], "Gọi điện cho phóng viên thường trú");
    store::Workflow wf2(s, "minh");
    wf2.add_note(ids[1], "Đã có thông cáo báo chí");
    auto n = wf.notes(ids[1]);
    REQUIRE(n.size() == 2);
    CHECK(n[0].user == "lan");
    CHECK(n[1].user == "minh");
    CHECK(n[1].text == "Đã có thông cáo báo chí");
}

TEST_CASE("a manual flag on an unflagged clipping sets agencies, severity and reason") {
    TempDir dir;
    store::Store s(dir.path());
    auto ids = presswatch::testing::seed_fixture(s);
    store::Workflow wf(s, "lan");
    wf.set_flag(ids[1], "khách phản ánh giá dịch vụ", {"ubnd-phuong-sam-son"}, 1);
    auto a = s.article(ids[1]);
    CHECK(a->flagged);
    CHECK(a->severity == 1);
    CHECK(a->agencies == std::vector<std::string>{"ubnd-phuong-sam-son"});
    CHECK(a->response_status == "pending");
    wf.set_flag(ids[0], "thêm lý do");  // keeps triage's agencies
    CHECK(s.article(ids[0])->agencies == std::vector<std::string>{"so-nnmt", "ubnd-xa-hoang-hoa"});
}
