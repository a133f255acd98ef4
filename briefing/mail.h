#pragma once
// Sending the digest by e-mail over SMTP with libcurl: one message,
// multipart/alternative (plain text and HTML), UTF-8, base64, built with
// libcurl's MIME API.
#include <string>
#include <vector>

#include "config/briefing_config.h"

namespace presswatch::briefing {

struct Mail {
    std::string subject, text, html;
};

// Date, From, To and Subject, names and subject as RFC 2047 encoded words
// so that Vietnamese survives; CRLF after each. libcurl adds the MIME body.
std::string mail_headers(const config::Digest& settings, const Mail& mail, std::int64_t date);

// Sends to settings.to through settings.smtp_url. The password, if any, is
// $PRESSWATCH_SMTP_PASSWORD. Throws InputError when the settings are
// incomplete, RuntimeFailure with curl's message when sending fails.
void send_mail(const config::Digest& settings, const Mail& mail);

}  // namespace presswatch::briefing
