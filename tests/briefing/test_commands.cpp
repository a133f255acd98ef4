#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>

#include "report_fixture.h"
#include "store/workflow.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::TempDir;

namespace {

using Run = presswatch::testing::CommandResult;

// The built presswatch on a data folder, as a user types it.
Run presswatch_cli(const std::filesystem::path& data, const std::string& args) {
    return presswatch::testing::run_presswatch("--data '" + data.string() + "' --user lan " + args);
}

}  // namespace

TEST_CASE("the workflow commands record decisions that the store and the audit log show") {
    TempDir dir;
    std::vector<std::int64_t> ids;
    {
        store::Store s(dir.path());
        ids = presswatch::testing::seed_fixture(s);
    }
    auto id = [&](std::size_t i) { return std::to_string(ids[i]); };
    struct Row {
        std::string args;
        int code;
        std::string output;
    };
    std::vector<Row> rows = {
        {"review", 0, "Người dân Hoằng Hóa phản ánh ô nhiễm từ bãi rác"},
        {"mark " + id(0) + " " + id(1) + " --relevant", 0, "Đã cập nhật 2 tin."},
        {"mark " + id(2) + " --relevant --not-relevant", 2, "give only one of"},
        {"mark 999 --relevant", 2, "no article with id 999"},
        {"mark giải phóng mặt bằng is:new --relevant", 0, "Đã cập nhật 1 tin."},
        {"mark khongcotu --relevant", 2, "no clipping matches \"khongcotu\""},
        {"mark 'title:(' --relevant", 2, ""},
        {"tag " + id(1) + " +van-hoa -du-lich", 0, "Đã cập nhật lĩnh vực cho 1 tin."},
        {"tag " + id(1) + " +khong-co", 2, "is not a topic of topics.toml"},
        {"tag " + id(1), 2, "no topic given"},
        {"flag " + id(1) + " --agency ubnd-phuong-sam-son --reason 'giá dịch vụ cao'", 0, "Đã đánh dấu"},
        {"flag " + id(2) + " --clear", 2, "must not be empty"},
        {"flag " + id(2) + " --agency so-khong-co", 2, "\"so-khong-co\" is not an agency"},
        {"search agency:so-khong-co", 0, "0 kết quả"},
        {"respond " + id(0) + " --sent --letter 125/SKHCN-TTBC", 2, "--sent needs --date"},
        {"respond " + id(0) + " --sent --letter 125/SKHCN-TTBC --date 2026-11-04", 2, "needs --agency"},
        {"respond " + id(0) + " --sent --agency so-nnmtt --letter 125/SKHCN-TTBC --date 2026-11-04", 2, "is not an agency"},
        {"respond " + id(0) + " --sent --agency so-nnmt --letter 125/SKHCN-TTBC --date 2026-11-04", 0, "Đã gửi"},
        {"respond " + id(0) + " --answered --date 04/12/2026", 2, "is not a date"},
        {"respond " + id(0) + " --answered --date 2026-11-15 --reply 88/SNNMT --summary 'Đã xử lý'", 0, "Đã trả lời"},
        {"respond " + id(0) + " --published https://vnexpress.localhost/da-xu-ly.html", 0, "Đã đăng phản hồi"},
        {"respond " + id(0) + " --close --reason xong", 0, "Đã kết thúc"},
        {"respond " + id(0), 0, "Công văn: số 125/SKHCN-TTBC, ngày 04/11/2026"},
        // Each decision reaches search as soon as the command ends.
        {"search status:closed", 0, "1 kết quả cho «status:closed»"},
        {"search topic:van-hoa", 0, "1 kết quả cho «topic:van-hoa»"},
        {"search agency:ubnd-phuong-sam-son", 0, "1 kết quả cho «agency:ubnd-phuong-sam-son»"},
        {"respond " + id(1) + " --answered --date 2026-11-15", 2, "not sent"},
        {"briefing --month 2026-11 -o '" + (dir.path() / "b.json").string() + "'", 0, "Báo cáo tháng 2026-11: 3 tin"},
        {"briefing --month 2026-13 -o x.json", 2, "is not a month"},
        {"briefing --month 2026-11 -o x.pdf", 2, "give --format"},
        {"digest --date 2026-11-05", 0, "Sầm Sơn đón khách dịp lễ hội biển"},
        {"letters --month 2026-11 --date 2026-11-20 -o '" + (dir.path() / "letters").string() + "'", 0,
         "cong-van-ubnd-phuong-sam-son-2026-11-20.docx  (1 tin)"},
        {"restore '" + (dir.path() / "nothing.jsonl").string() + "'", 2, "cannot read"},
    };
    for (const auto& r : rows) {
        INFO("presswatch " << r.args);
        auto got = presswatch_cli(dir.path(), r.args);
        INFO(got.out);
        CHECK(got.code == r.code);
        CHECK(got.out.find(r.output) != std::string::npos);
    }
    store::Store s(dir.path());
    CHECK(s.article(ids[1])->topics == std::vector<std::string>{"van-hoa"});
    CHECK(s.article(ids[0])->response_status == "closed");
    auto log = store::Workflow(s, "x").audit_log(ids[0]);
    REQUIRE_FALSE(log.empty());
    CHECK(log.front().user == "lan");
    CHECK(std::filesystem::exists(dir.path() / "letters" / "cong-van-ubnd-phuong-sam-son-2026-11-20.docx"));
}

TEST_CASE("dump and restore through the command line carry decisions to a new data folder") {
    TempDir a, b;
    std::vector<std::int64_t> ids;
    {
        store::Store s(a.path());
        ids = presswatch::testing::seed_fixture(s);
        store::Workflow(s, "lan").set_review(ids[1], "relevant");
        store::Store t(b.path());
        presswatch::testing::seed_fixture(t);
    }
    auto dump = a.path() / "decisions.jsonl";
    auto d = presswatch_cli(a.path(), "dump -o '" + dump.string() + "'");
    CHECK(d.code == 0);
    auto r = presswatch_cli(b.path(), "restore '" + dump.string() + "'");
    CHECK(r.code == 0);
    CHECK(r.out.find("Đã khôi phục quyết định cho 1 tin") != std::string::npos);
    store::Store t(b.path());
    CHECK(t.article(*t.article_id_by_url("https://tuoitre.localhost/le-hoi-sam-son-2026.htm"))->review == "relevant");
}
