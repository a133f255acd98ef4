#pragma once
// An SMTP server on 127.0.0.1 for tests: enough of RFC 5321 for curl,
// answering one connection after another and recording the envelope and
// the message of the last one, and how many connections it accepted.
#include <arpa/inet.h>
#include <atomic>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <catch2/catch.hpp>

namespace presswatch::testing {

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
        listen(fd_, 4);
        thread_ = std::thread([this] { serve(); });
    }
    ~SmtpServer() {
        shutdown(fd_, SHUT_RDWR);
        close(fd_);
        thread_.join();
    }
    SmtpServer(const SmtpServer&) = delete;
    SmtpServer& operator=(const SmtpServer&) = delete;
    int port() const { return port_; }
    std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
    // Read these once the client is done: the server thread writes them.
    std::string mail_from, data;
    std::vector<std::string> rcpt;
    std::atomic<int> connections{0};

private:
    void serve() {
        for (;;) {
            int c = accept(fd_, nullptr, nullptr);
            if (c < 0) return;
            ++connections;
            mail_from.clear();
            data.clear();
            rcpt.clear();
            session(c);
            close(c);
        }
    }
    void session(int c) {
        timeval tv{10, 0};
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
    }
    int fd_ = -1, port_ = 0;
    std::thread thread_;
};

// What curl sent in base64, decoded.
inline std::string unbase64(const std::string& b64) {
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
inline std::string mime_part(const std::string& message, const std::string& type) {
    auto p = message.find("Content-Type: " + type);
    REQUIRE(p != std::string::npos);
    auto start = message.find("\r\n\r\n", p) + 4;
    auto end = message.find("\r\n--", start);
    return unbase64(message.substr(start, end - start));
}

}  // namespace presswatch::testing
