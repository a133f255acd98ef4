#include <catch2/catch.hpp>

#include "briefing/digest.h"
#include "briefing/mail.h"
#include "core/error.h"
#include "report_fixture.h"
#include "smtp_server.h"
#include "support.h"
#include "text/dates.h"

using namespace presswatch;
using presswatch::testing::SmtpServer;
using presswatch::testing::mime_part;
using presswatch::testing::unbase64;
using presswatch::testing::TempDir;

namespace {

const std::int64_t nov3 = *text::parse_iso8601("2026-11-03");

}  // namespace

TEST_CASE("the digest lists the day's clippings, flagged first, then by topic") {
    TempDir dir;
    store::Store s(dir.path());
    presswatch::testing::seed_report_fixture(s);
    auto cfg = presswatch::testing::fixture_config();
    presswatch::testing::save_fixture(
        s, {"baothanhhoa", "https://baothanhhoa.localhost/le-hoi-3-11.html", "Khai mạc lễ hội đền Bà Triệu",
            "Hàng nghìn người dự.", "2026-11-03T20:00:00+07:00", true, {"van-hoa"}, "positive", false, {}, ""});
    auto d = briefing::build_digest(s, cfg, nov3);
    REQUIRE(d.groups.size() == 2);
    CHECK(d.groups[0].title == "Tin cần trả lời, xử lý");
    CHECK(d.groups[0].items.size() == 2);
    CHECK(d.groups[1].title == "Văn hóa, di sản, lễ hội");  // topics.toml's name
    auto text = briefing::digest_text(d, cfg);
    CHECK(text.find("ĐIỂM TIN BÁO CHÍ VỀ TỈNH THANH HÓA NGÀY 03/11/2026") != std::string::npos);
    CHECK(text.find("- [VnExpress] Người dân Hoằng Hóa phản ánh ô nhiễm từ bãi rác\n  Bãi rác tự phát bốc mùi nhiều tháng.\n"
                    "  https://vnexpress.localhost/o-nhiem-song-ma-4800001.html") != std::string::npos);
    CHECK(text.find("Tin cần trả lời") < text.find("Văn hóa, di sản"));
    auto html = briefing::digest_html(d, cfg);
    CHECK(html.find("<a href=\"https://baothanhhoa.localhost/le-hoi-3-11.html\"><b>Khai mạc lễ hội đền Bà Triệu</b></a>") !=
          std::string::npos);
    CHECK(html.find("<script") == std::string::npos);

    auto empty = briefing::build_digest(s, cfg, nov3 + 86400);
    CHECK(empty.total == 0);
    CHECK(briefing::digest_text(empty, cfg).find("Không có tin, bài") != std::string::npos);
}

TEST_CASE("the digest is mailed over SMTP to the configured recipients") {
    TempDir dir;
    store::Store s(dir.path());
    presswatch::testing::seed_report_fixture(s);
    auto cfg = presswatch::testing::fixture_config();
    SmtpServer server;
    auto& m = cfg.briefing.digest;
    m.smtp_url = "smtp://127.0.0.1:" + std::to_string(server.port());
    m.from = "baochi@thanhhoa.example";
    m.to = {"lanhdao1@thanhhoa.example", "lanhdao2@thanhhoa.example"};
    auto d = briefing::build_digest(s, cfg, nov3);
    briefing::send_mail(m, {briefing::digest_subject(d, cfg), briefing::digest_text(d, cfg), briefing::digest_html(d, cfg)});

    CHECK(server.mail_from == "<baochi@thanhhoa.example>");
    CHECK(server.rcpt == std::vector<std::string>{"<lanhdao1@thanhhoa.example>", "<lanhdao2@thanhhoa.example>"});
    auto subject_at = server.data.find("Subject: =?UTF-8?B?");
    REQUIRE(subject_at != std::string::npos);
    auto subject_end = server.data.find("?=", subject_at);
    CHECK(unbase64(server.data.substr(subject_at + 19, subject_end - subject_at - 19)) ==
          "Điểm tin báo chí về Thanh Hóa ngày 03/11/2026");
    CHECK(mime_part(server.data, "text/plain").find("Người dân Hoằng Hóa phản ánh ô nhiễm từ bãi rác") != std::string::npos);
    CHECK(mime_part(server.data, "text/html").find("<h1>Điểm tin báo chí về tỉnh Thanh Hóa ngày 03/11/2026</h1>") !=
          std::string::npos);
}

TEST_CASE("sending without a mail server configured says which key to set") {
    config::Digest empty;
    CHECK_THROWS_WITH(briefing::send_mail(empty, {"s", "t", "h"}), Catch::Contains("set smtp_url"));
    config::Digest dead;
    dead.smtp_url = "smtp://127.0.0.1:1";  // nothing listens on port 1
    dead.from = "a@b.example";
    dead.to = {"c@d.example"};
    CHECK_THROWS_AS(briefing::send_mail(dead, {"s", "t", "h"}), RuntimeFailure);
}

TEST_CASE("the digest shows the day's passing mentions in a section of their own, not counted") {
    TempDir dir;
    store::Store s(dir.path());
    presswatch::testing::seed_report_fixture(s);
    auto cfg = presswatch::testing::fixture_config();
    auto total = briefing::build_digest(s, cfg, nov3).total;
    presswatch::testing::save_passing(s, "https://vnexpress.localhost/mua-3-11.html", "Mưa lớn ở nhiều tỉnh miền Bắc",
                                      "2026-11-03T10:00:00+07:00");
    auto d = briefing::build_digest(s, cfg, nov3);
    CHECK(d.total == total);
    REQUIRE(d.passing.size() == 1);
    auto text = briefing::digest_text(d, cfg);
    auto section = text.find("Bài chỉ nhắc qua đến tỉnh");
    REQUIRE(section != std::string::npos);
    CHECK(text.find("Mưa lớn ở nhiều tỉnh miền Bắc") > section);
    CHECK(text.find("Tin cần trả lời") < section);
    CHECK(briefing::digest_html(d, cfg).find("<section class=\"passing\">") != std::string::npos);
}
