#include "briefing/mail.h"

#include <cstdlib>
#include <ctime>
#include <memory>

#include <curl/curl.h>
#include <fmt/format.h>
#include <openssl/evp.h>

#include "core/error.h"

namespace presswatch::briefing {
namespace {

// A slow mail server gets this long for the whole message.
constexpr long smtp_timeout_s = 60;

std::string base64(const std::string& data) {
    std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
    int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                            reinterpret_cast<const unsigned char*>(data.data()), static_cast<int>(data.size()));
    out.resize(static_cast<std::size_t>(n));
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

struct CurlFree { void operator()(CURL* c) const { curl_easy_cleanup(c); } };
struct ListFree { void operator()(curl_slist* l) const { curl_slist_free_all(l); } };
struct MimeFree { void operator()(curl_mime* m) const { curl_mime_free(m); } };

}  // namespace

std::string mail_headers(const config::Digest& s, const Mail& mail, std::int64_t date) {
    std::string to;
    for (const auto& a : s.to) to += (to.empty() ? "" : ", ") + a;
    return "Date: " + rfc5322_date(date) + "\r\nFrom: " + encoded_word(s.from_name) + " <" + s.from +
           ">\r\nTo: " + to + "\r\nSubject: " + encoded_word(mail.subject) + "\r\n";
}

void send_mail(const config::Digest& s, const Mail& mail) {
    if (s.smtp_url.empty())
        throw InputError("no mail server: set smtp_url in the [digest] table of briefing.toml");
    if (s.from.empty()) throw InputError("no sender: set from in the [digest] table of briefing.toml");
    if (s.to.empty()) throw InputError("no recipients: set to = [\"...\"] in the [digest] table of briefing.toml");
    std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
    if (!curl) throw RuntimeFailure("cannot start libcurl");
    CURL* c = curl.get();
    std::unique_ptr<curl_slist, ListFree> rcpt, headers;
    for (const auto& a : s.to) rcpt.reset(curl_slist_append(rcpt.release(), ("<" + a + ">").c_str()));
    std::string head = mail_headers(s, mail, static_cast<std::int64_t>(std::time(nullptr)));
    for (std::size_t start = 0, end; (end = head.find("\r\n", start)) != std::string::npos; start = end + 2)
        headers.reset(curl_slist_append(headers.release(), head.substr(start, end - start).c_str()));

    // multipart/alternative: plain text, then HTML; base64 keeps UTF-8 safe
    // through any server.
    std::unique_ptr<curl_mime, MimeFree> mime(curl_mime_init(c));
    curl_mime* alt = curl_mime_init(c);
    for (const auto& [body, type] : {std::pair{&mail.text, "text/plain; charset=UTF-8"},
                                     std::pair{&mail.html, "text/html; charset=UTF-8"}}) {
        curl_mimepart* p = curl_mime_addpart(alt);
        curl_mime_data(p, body->data(), body->size());
        curl_mime_type(p, type);
        curl_mime_encoder(p, "base64");
    }
    curl_mimepart* root = curl_mime_addpart(mime.get());
    curl_mime_subparts(root, alt);  // root owns alt now
    curl_mime_type(root, "multipart/alternative");
    std::unique_ptr<curl_slist, ListFree> inline_part(curl_slist_append(nullptr, "Content-Disposition: inline"));
    curl_mime_headers(root, inline_part.get(), 0);

    char errbuf[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(c, CURLOPT_URL, s.smtp_url.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + s.from + ">").c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_MIMEPOST, mime.get());
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
