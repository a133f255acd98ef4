#include <catch2/catch.hpp>

#include "briefing/letters.h"
#include "briefing/month_report.h"
#include "briefing/render.h"
#include "docx_part.h"
#include "pdf_text.h"
#include "report_fixture.h"
#include "support.h"
#include "text/dates.h"

using namespace presswatch;
using presswatch::testing::TempDir;

namespace {

std::int64_t t(const char* iso) { return *text::parse_iso8601(iso); }
using presswatch::testing::docx_part;


}  // namespace

TEST_CASE("letters go to each agency with flagged items not yet sent") {
    TempDir dir;
    store::Store s(dir.path());
    auto ids = presswatch::testing::seed_fixture(s);
    auto cfg = presswatch::testing::fixture_config();
    auto nov = briefing::month_period("2026-11");
    auto date = t("2026-11-12");

    auto plan = briefing::plan_letters(s, cfg, nov.from, nov.to, date);
    std::vector<std::string> agencies;
    for (const auto& l : plan.letters) agencies.push_back(l.agency);
    CHECK(agencies == std::vector<std::string>{"so-nnmt", "so-xd", "ubnd-xa-hoang-hoa"});
    // so-nnmt's item carries triage's deadline (18/11), earlier than the
    // default answer period: 10 working days from Thursday 12/11.
    CHECK(plan.letters[0].deadline == t("2026-11-18T17:00:00+07:00"));
    CHECK(plan.letters[1].deadline == t("2026-11-26"));

    store::Workflow wf(s, "lan");
    wf.sent(ids[0], {"so-nnmt", "125/SKHCN-TTBC", date, {}});
    wf.set_review(ids[2], "not-relevant");
    wf.set_flag(ids[1], "giá dịch vụ");  // flagged by hand, no agency yet
    plan = briefing::plan_letters(s, cfg, nov.from, nov.to, date);
    CHECK(plan.letters.empty());
    CHECK(plan.without_agency == std::vector<std::int64_t>{ids[1]});
}

TEST_CASE("a letter dated on an item's deadline day gives the default answer period, never that same day") {
    TempDir dir;
    store::Store s(dir.path());
    presswatch::testing::seed_fixture(s);
    auto cfg = presswatch::testing::fixture_config();
    auto nov = briefing::month_period("2026-11");
    // so-nnmt's item is due 18/11 at 17:00; the letter is written that morning.
    auto morning = t("2026-11-18T09:00:00+07:00");
    auto plan = briefing::plan_letters(s, cfg, nov.from, nov.to, morning);
    REQUIRE(!plan.letters.empty());
    REQUIRE(plan.letters[0].agency == "so-nnmt");
    CHECK(plan.letters[0].deadline == briefing::default_answer_deadline(cfg, morning));
    CHECK(text::iso_date(plan.letters[0].deadline) > "2026-11-18");
}

TEST_CASE("the default answer period counts working days, skipping weekends and the configured holidays") {
    struct Row {
        const char* clock;
        int days;
        const char* letter, *expected;
    };
    const Row rows[] = {
        {"working-days", 10, "2026-11-12", "2026-11-26"},  // Thursday: two weekends in between
        {"working-days", 1, "2026-11-13", "2026-11-16"},   // Friday: the next Monday
        {"working-days", 10, "2026-08-27", "2026-09-15"},  // 31/8, 1/9 and 2/9 are holidays
        {"working-days", 5, "2026-02-13", "2026-02-27"},   // Tết: 16-20/2 off
        {"calendar-days", 15, "2026-11-12", "2026-11-27"},
        {"calendar-days", 15, "2026-08-27", "2026-09-11"},  // calendar days ignore holidays
    };
    auto cfg = presswatch::testing::fixture_config();
    for (const auto& r : rows) {
        CAPTURE(r.clock, r.days, r.letter);
        cfg.briefing.letters.answer_clock = r.clock;
        cfg.briefing.letters.answer_days = r.days;
        CHECK(text::iso8601(briefing::default_answer_deadline(cfg, t(r.letter))) == text::iso8601(t(r.expected)));
    }
}

TEST_CASE("a letter is a Word file in the administrative layout that LibreOffice opens") {
    TempDir dir;
    store::Store s(dir.path() / "data");
    presswatch::testing::seed_fixture(s);
    auto cfg = presswatch::testing::fixture_config();
    cfg.briefing.sender.signer_name = "Nguyễn Văn An";
    auto nov = briefing::month_period("2026-11");
    auto date = t("2026-11-12");
    auto plan = briefing::plan_letters(s, cfg, nov.from, nov.to, date);
    REQUIRE(plan.letters.size() == 3);
    std::string docx = briefing::letter_docx(plan.letters[0], cfg, nov.from, nov.to, date);

    // Times New Roman 14 pt by default, A4 with the decree's margins.
    auto styles = docx_part(docx, "word/styles.xml");
    CHECK(styles.find("w:ascii=\"Times New Roman\"") != std::string::npos);
    CHECK(styles.find("<w:sz w:val=\"28\"/>") != std::string::npos);
    auto document = docx_part(docx, "word/document.xml");
    CHECK(document.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>") != std::string::npos);
    CHECK(document.find("w:left=\"1701\"") != std::string::npos);

    auto file = dir.path() / "cong-van-so-nnmt.docx";
    briefing::write_file(file, docx);
    auto text = presswatch::testing::docx_pdf_text(file, dir.path());
    if (!text) {
        WARN("libreoffice is not installed: skipping the PDF check (scripts/install-deps installs it)");
        return;
    }
    REQUIRE_FALSE(text->empty());
    std::string p = presswatch::testing::without_spaces(*text);
    for (const char* expected :
         {"UBND TỈNH THANH HÓA", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc", "Thanh Hóa, ngày 12 tháng 11 năm 2026", "/SKHCN-TTBC",
          "Kính gửi: Sở Nông nghiệp và Môi trường.", 
          // Table cells are read across columns: check the headline's lines apart.
          "Người dân Hoằng Hóa phản ánh", "nhiễm từ bãi rác", "Bãi rác tự phát bốc mùi",
          "kiểm tra, xác minh", "trước ngày 18 tháng 11 năm 2026", "Nơi nhận:", "KT. GIÁM ĐỐC",
          "Nguyễn Văn An"}) {
        INFO(expected);
        CHECK(p.find(presswatch::testing::without_spaces(expected)) != std::string::npos);
    }
}
