#include <catch2/catch.hpp>

#include "pty_session.h"
#include "report_fixture.h"
#include "store/workflow.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::PtySession;
using presswatch::testing::TempDir;

TEST_CASE("interactive review on a pseudo-terminal records each key's decision") {
    TempDir dir;
    std::vector<std::int64_t> ids;
    {
        store::Store s(dir.path());
        ids = presswatch::testing::seed_fixture(s);
    }
    PtySession pty({PRESSWATCH_BINARY, "--data", dir.path().string(), "--user", "thu", "review", "--interactive"});
    // The three clippings come oldest first; the help line is on every screen.
    REQUIRE(pty.wait_for("duyệt tin 1/3"));
    REQUIRE(pty.wait_for("r liên quan"));
    pty.type("r");
    REQUIRE(pty.wait_for("duyệt tin 2/3"));
    REQUIRE(pty.wait_for("q thoát"));
    pty.type("n");
    REQUIRE(pty.wait_for("duyệt tin 3/3"));
    pty.type("x");  // an unused key: a hint, nothing changes
    REQUIRE(pty.wait_for("Phím không dùng"));
    pty.type("f");
    REQUIRE(pty.wait_for("Lý do cần trả lời"));
    pty.type("dân phản ánh chậm bồi thường\r");
    REQUIRE(pty.wait_for("Đã đánh dấu cần trả lời"));
    pty.type("t");
    REQUIRE(pty.wait_for("Lĩnh vực (+them"));
    pty.type("+kinh-te -giao-thong\r");
    REQUIRE(pty.wait_for("Đã cập nhật lĩnh vực"));
    pty.type("c");
    REQUIRE(pty.wait_for("Ghi chú:"));
    // Backspace takes one letter, however many bytes: 18 of them erase it all.
    pty.type("hỏi lại phóng viên" + std::string(18, '\x7f') + "xã\r");
    REQUIRE(pty.wait_for("Đã lưu ghi chú"));
    pty.type("o");
    REQUIRE(pty.wait_for("Liên kết: "));
    pty.type("q");
    CHECK(pty.wait_exit() == 0);

    store::Store s(dir.path());
    CHECK(s.article(ids[0])->review == "relevant");
    CHECK(s.article(ids[1])->review == "not-relevant");
    auto third = s.article(ids[2]);
    CHECK(third->review == "new");
    CHECK(third->flagged);
    CHECK(third->topics == std::vector<std::string>{"dat-dai", "kinh-te"});
    store::Workflow wf(s, "x");
    REQUIRE(wf.notes(ids[2]).size() == 1);
    CHECK(wf.notes(ids[2])[0].text == "xã");
    CHECK(wf.audit_log(ids[0]).at(0).user == "thu");
    // The decisions reach search when the review ends.
    auto search = [&](const std::string& q) {
        return presswatch::testing::run_presswatch("--data '" + dir.path().string() + "' search '" + q + "'").out;
    };
    CHECK(search("review:relevant").find("1 kết quả") != std::string::npos);
    CHECK(search("review:not-relevant").find("1 kết quả") != std::string::npos);
    CHECK(search("is:new").find("1 kết quả") != std::string::npos);
}

TEST_CASE("interactive review without a terminal says what to do instead") {
    TempDir dir;
    {
        store::Store s(dir.path());
        presswatch::testing::seed_fixture(s);
    }
    std::string cmd = std::string(PRESSWATCH_BINARY) + " --data " + dir.path().string() +
                      " review --interactive </dev/null >" + (dir.path() / "out").string() + " 2>&1";
    int rc = std::system(cmd.c_str());
    CHECK(WEXITSTATUS(rc) == 2);
    CHECK(presswatch::testing::read_all(dir.path() / "out").find("needs a terminal") != std::string::npos);
}
