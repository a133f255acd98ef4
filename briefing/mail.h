#pragma once
// Sending the digest by e-mail over SMTP with libcurl: one message,
// multipart/alternative (plain text and HTML), UTF-8, base64.
#include <string>
#include <vector>

#include "config/briefing_config.h"

namespace presswatch::briefing {

struct Mail {
    std::string subject, text, html;
};

// The RFC 5322 message (headers and MIME body), CRLF line ends.
std::string mime_message(const config::Digest& settings, const Mail& mail, std::int64_t date);

// Sends to settings.to through settings.smtp_url. The password, if any, is
// $PRESSWATCH_SMTP_PASSWORD. Throws InputError when the settings are
// incomplete, RuntimeFailure with curl's message when sending fails.
void send_mail(const config::Digest& settings, const Mail& mail);

}  // namespace presswatch::briefing
