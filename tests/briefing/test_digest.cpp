#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "briefing/digest.h"
#include "briefing/mail.h"
#include "config/error.h"
#include "report_fixture.h"
#include "support.h"
#include "text/dates.h"

using namespace presswatch;
using presswatch::testing::TempDir;

namespace {

// A one-message SMTP server on 127.0.0.1: enough of RFC 5321 for curl,
// recording the envelope and the message.
class SmtpServer {
public:
    SmtpServer() {
        fd_ = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        socklen_t len = sizeof addr;
        getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
        port_ = ntohs(addr.sin_port);
        listen(fd_, 1);
        thread_ = std::thread([this] { serve(); });
    }
    ~SmtpServer() {
        shutdown(fd_, SHUT_RDWR);
        close(fd_);
        thread_.join();
    }
    int port() const { return port_; }
    std::string mail_from, data;
    std::vector<std::string> rcpt;

private:
    void serve() {
        timeval tv{10, 0};
        int c = accept(fd_, nullptr, nullptr);
        if (c < 0) return;
        setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        auto say = [&](const std::string& s) { (void)!::write(c, s.data(), s.size()); };
        std::string buf;
        auto line = [&](std::string& out) {
            while (buf.find("\r\n") == std::string::npos) {
                char tmp[4096];
                ssize_t n = read(c, tmp, sizeof tmp);
                if (n <= 0) return false;
                buf.append(tmp, static_cast<std::size_t>(n));
            }
            auto p = buf.find("\r\n");
            out = buf.substr(0, p);
            buf.erase(0, p + 2);
            return true;
        };
        say("220 test ESMTP\r\n");
        std::string l;
        while (line(l)) {
            if (l.rfind("EHLO", 0) == 0 || l.rfind("HELO", 0) == 0) say("250-test\r\n250 8BITMIME\r\n");
            else if (l.rfind("MAIL FROM:", 0) == 0) mail_from = l.substr(10), say("250 OK\r\n");
            else if (l.rfind("RCPT TO:", 0) == 0) rcpt.push_back(l.substr(8)), say("250 OK\r\n");
            else if (l == "DATA") {
                say("354 go on\r\n");
                while (line(l) && l != ".") data += l + "\r\n";
                say("250 queued\r\n");
            } else if (l == "QUIT") {
                say("221 bye\r\n");
                break;
            } else say("250 OK\r\n");
        }
        close(c);
    }
    int fd_ = -1, port_ = 0;
    std::thread thread_;
};

std::string unbase64(const std::string& b64) {
    std::string clean;
    for (char ch : b64)
        if (ch != '\r' && ch != '\n') clean += ch;
    std::string out(clean.size(), '\0');
    int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                            reinterpret_cast<const unsigned char*>(clean.data()), static_cast<int>(clean.size()));
    out.resize(static_cast<std::size_t>(n));
    while (!out.empty() && out.back() == '\0') out.pop_back();  // padding
    return out;
}

// The decoded body of the MIME part with this content type.
std::string part(const std::string& message, const std::string& type) {
    auto p = message.find("Content-Type: " + type);
    REQUIRE(p != std::string::npos);
    auto start = message.find("\r\n\r\n", p) + 4;
    auto end = message.find("\r\n--", start);
    return unbase64(message.substr(start, end - start));
}

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
    CHECK(part(server.data, "text/plain").find("Người dân Hoằng Hóa phản ánh ô nhiễm từ bãi rác") != std::string::npos);
    CHECK(part(server.data, "text/html").find("<h1>Điểm tin báo chí về tỉnh Thanh Hóa ngày 03/11/2026</h1>") !=
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
