#include <catch2/catch.hpp>

#include "briefing/month_report.h"
#include "briefing/render.h"
#include "pdf_text.h"
#include "report_fixture.h"
#include "support.h"
#include "text/dates.h"

using namespace presswatch;
using presswatch::testing::TempDir;

namespace {

const std::int64_t as_of = *text::parse_iso8601("2026-11-25T12:00:00+07:00");


}  // namespace

TEST_CASE("the briefing as a Word file opens in LibreOffice and shows its Vietnamese text") {
    TempDir dir;
    store::Store s(dir.path() / "data");
    presswatch::testing::seed_report_fixture(s);
    auto cfg = presswatch::testing::fixture_config();
    auto r = briefing::build_month_report(s, cfg, "2026-11", as_of);
    auto docx = dir.path() / "bao-cao-2026-11.docx";
    briefing::write_report(r, cfg, "docx", docx);
    auto text = presswatch::testing::docx_pdf_text(docx, dir.path());
    if (!text) {
        WARN("libreoffice is not installed: skipping the Word check (scripts/install-deps installs it)");
        return;
    }
    REQUIRE_FALSE(text->empty());
    std::string t = presswatch::testing::without_spaces(*text);
    for (const char* expected : {"BÁO CÁO TÌNH HÌNH THÔNG TIN BÁO CHÍ VỀ TỈNH THANH HÓA", "THÁNG 11/2026",
                                 "Các vấn đề báo chí phản ánh", "Người dân Hoằng Hóa phản ánh ô nhiễm",
                                 "Sở Nông nghiệp và Môi trường", "Quá hạn", "Sự việc nổi bật", "Tuổi Trẻ",
                                 "Đã kiểm tra, yêu cầu xã thu dọn bãi rác", "Truy vấn tạo ra số liệu"}) {
        INFO(expected);
        CHECK(t.find(presswatch::testing::without_spaces(expected)) != std::string::npos);
    }
}

TEST_CASE("the briefing as HTML is one self-contained page with SVG charts") {
    TempDir dir;
    store::Store s(dir.path() / "data");
    presswatch::testing::seed_report_fixture(s);
    auto cfg = presswatch::testing::fixture_config();
    auto html = briefing::report_html(briefing::build_month_report(s, cfg, "2026-11", as_of), cfg);
    CHECK(html.find("<svg") != std::string::npos);
    std::size_t svgs = 0;
    for (std::size_t p = 0; (p = html.find("<svg", p)) != std::string::npos; ++p) ++svgs;
    CHECK(svgs == 4);
    // Nothing loaded from elsewhere: no scripts, stylesheets or images by URL.
    for (const char* external : {"<script", "<link", "src=\"http", "@import", "url(http"}) {
        INFO(external);
        CHECK(html.find(external) == std::string::npos);
    }
    CHECK(html.find("Người dân Hoằng Hóa phản ánh ô nhiễm") != std::string::npos);
    CHECK(html.find("<a href=\"https://vnexpress.localhost/o-nhiem-song-ma-4800001.html\">") != std::string::npos);
    // Each chart's ids are its own.
    CHECK(html.find("id=\"per-day-") != std::string::npos);
    CHECK(html.find("id=\"tones-") != std::string::npos);
}
