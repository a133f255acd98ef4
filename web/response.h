#pragma once
// The one way a response leaves the server: content type, caching and the
// security headers are set here and nowhere else.
//
// Security headers on every response (pages, API, errors, static files):
//   Content-Security-Policy: default-src 'none'; script, style, image and
//     form targets only from this server; no inline script; no framing
//     (frame-ancestors 'none'), except the article snapshot (below);
//   X-Frame-Options DENY, X-Content-Type-Options nosniff,
//   Referrer-Policy same-origin (URLs carry queries; outlets need not see them).
// The snapshot of a fetched page is hostile: it is served with a sandbox
// policy (no script, no same origin, no network) and may only be framed by
// this server's own article page.
#include <string>
#include <string_view>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace presswatch::web {

// JSON's media type, without a charset: JSON is UTF-8 by definition (RFC
// 8259), and httplib gzips only bodies typed exactly "application/json"
// (with "; charset=utf-8" the API's answers went out uncompressed).
inline constexpr std::string_view json_type = "application/json";

enum class Framing { deny, same_origin_sandboxed };
enum class Caching { none, immutable_asset };

void send(httplib::Response& res, int status, std::string body, std::string_view content_type,
          Caching caching = Caching::none, Framing framing = Framing::deny);
void send_html(httplib::Response& res, int status, std::string html);
void send_json(httplib::Response& res, int status, const nlohmann::json& body);
// {"error": {"code": "...", "message": "<Vietnamese>", "detail": "<the library's message>"}}
void send_json_error(httplib::Response& res, int status, std::string_view code, std::string_view message,
                     std::string_view detail = {});
// 303 See Other: after a form's POST, the browser GETs location.
void redirect(httplib::Response& res, const std::string& location);
// Sets the security headers on a response that did not go through send()
// (httplib's own error answers); leaves ones already set.
void apply_security_headers(httplib::Response& res);

}  // namespace presswatch::web
