#include "briefing/mail.h"

#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>

#include <curl/curl.h>
#include <fmt/format.h>
#include <openssl/evp.h>

#include "config/error.h"

namespace presswatch::briefing {
namespace {

// RFC 2045: base64 lines of at most 76 characters.
constexpr std::size_t base64_line = 76;
// A slow mail server gets this long for the whole message.
constexpr long smtp_timeout_s = 60;

std::string base64(const std::string& data) {
    std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
    int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                            reinterpret_cast<const unsigned char*>(data.data()), static_cast<int>(data.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::string wrapped_base64(const std::string& data) {
    std::string b = base64(data), out;
    for (std::size_t i = 0; i < b.size(); i += base64_line) out += b.substr(i, base64_line) + "\r\n";
    return out;
}

// RFC 2047 encoded word, so that Vietnamese subjects and names survive.
std::string encoded_word(const std::string& s) { return "=?UTF-8?B?" + base64(s) + "?="; }

std::string rfc5322_date(std::int64_t t) {
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    return buf;
}

struct Upload {
    const std::string* data;
    std::size_t offset = 0;
};

std::size_t read_chunk(char* buffer, std::size_t size, std::size_t nitems, void* userp) {
    auto* u = static_cast<Upload*>(userp);
    std::size_t n = std::min(size * nitems, u->data->size() - u->offset);
    std::memcpy(buffer, u->data->data() + u->offset, n);
    u->offset += n;
    return n;
}

struct CurlFree { void operator()(CURL* c) const { curl_easy_cleanup(c); } };
struct ListFree { void operator()(curl_slist* l) const { curl_slist_free_all(l); } };

}  // namespace

std::string mime_message(const config::Digest& s, const Mail& mail, std::int64_t date) {
    const std::string boundary = "presswatch-" + std::to_string(date) + "-alt";
    std::string to;
    for (const auto& a : s.to) to += (to.empty() ? "" : ", ") + a;
    std::string m;
    m += "Date: " + rfc5322_date(date) + "\r\n";
    m += "From: " + encoded_word(s.from_name) + " <" + s.from + ">\r\n";
    m += "To: " + to + "\r\n";
    m += "Subject: " + encoded_word(mail.subject) + "\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
    m += "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    m += wrapped_base64(mail.text);
    m += "--" + boundary + "\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    m += wrapped_base64(mail.html);
    m += "--" + boundary + "--\r\n";
    return m;
}

void send_mail(const config::Digest& s, const Mail& mail) {
    if (s.smtp_url.empty())
        throw InputError("no mail server: set smtp_url in the [digest] table of briefing.toml");
    if (s.from.empty()) throw InputError("no sender: set from in the [digest] table of briefing.toml");
    if (s.to.empty()) throw InputError("no recipients: set to = [\"...\"] in the [digest] table of briefing.toml");
    std::string message = mime_message(s, mail, static_cast<std::int64_t>(std::time(nullptr)));
    std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
    if (!curl) throw RuntimeFailure("cannot start libcurl");
    std::unique_ptr<curl_slist, ListFree> rcpt;
    for (const auto& a : s.to) rcpt.reset(curl_slist_append(rcpt.release(), ("<" + a + ">").c_str()));
    Upload up{&message};
    char errbuf[CURL_ERROR_SIZE] = {0};
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, s.smtp_url.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + s.from + ">").c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_chunk);
    curl_easy_setopt(c, CURLOPT_READDATA, &up);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, smtp_timeout_s);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    if (s.starttls) curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    std::string password;
    if (const char* p = std::getenv("PRESSWATCH_SMTP_PASSWORD")) password = p;
    if (!s.username.empty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, s.username.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, password.c_str());
    }
    CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK)
        throw RuntimeFailure(fmt::format("sending the digest through {} failed: {}", s.smtp_url,
                                         errbuf[0] ? errbuf : curl_easy_strerror(rc)));
}

}  // namespace presswatch::briefing
