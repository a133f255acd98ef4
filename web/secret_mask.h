#pragma once
// Hides secrets in a configuration file's text before a page shows it
// (the admin's configuration view). presswatch keeps no secret in its files
// by design (the SMTP password comes from $PRESSWATCH_SMTP_PASSWORD), but a
// person may still write one in: a password in an address's user part
// (smtps://user:PASSWORD@host) or a key named like a secret. Masked:
//   - the value of any `key = value` line whose key contains password,
//     passwd, pwd, secret, token, credential, api_key/apikey or private_key
//     (any case; the whole value, to the end of the line);
//   - the password part of any URL's user information, anywhere.
// Everything else is returned as it is.
#include <string>
#include <string_view>

namespace presswatch::web {

inline constexpr const char* masked_secret = "••••••";

std::string mask_secrets(std::string_view toml_text);

}  // namespace presswatch::web
