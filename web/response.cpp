#include "web/response.h"

namespace presswatch::web {
namespace {

constexpr const char* page_policy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-src 'self'; frame-ancestors 'none'";
// The archived page: nothing runs, nothing loads, it cannot act as this
// origin (sandbox without allow-same-origin), only our article page frames it.
constexpr const char* snapshot_policy =
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";

void set_if_absent(httplib::Response& res, const char* key, const char* value) {
    if (!res.has_header(key)) res.set_header(key, value);
}

}  // namespace

void apply_security_headers(httplib::Response& res) {
    set_if_absent(res, "Content-Security-Policy", page_policy);
    set_if_absent(res, "X-Frame-Options", "DENY");
    set_if_absent(res, "X-Content-Type-Options", "nosniff");
    set_if_absent(res, "Referrer-Policy", "same-origin");
    set_if_absent(res, "Cache-Control", "no-store");
}

void send(httplib::Response& res, int status, std::string body, std::string_view content_type, Caching caching,
          Framing framing) {
    res.status = status;
    if (framing == Framing::same_origin_sandboxed) {
        res.set_header("Content-Security-Policy", snapshot_policy);
        res.set_header("X-Frame-Options", "SAMEORIGIN");
    }
    // Embedded assets change only with the binary; their URLs carry its version.
    res.set_header("Cache-Control", caching == Caching::immutable_asset ? "public, max-age=86400" : "no-store");
    apply_security_headers(res);
    res.set_content(std::move(body), std::string(content_type));
}

void send_html(httplib::Response& res, int status, std::string html) {
    send(res, status, std::move(html), "text/html; charset=utf-8");
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
    send(res, status, body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
         json_type);
}

void send_json_error(httplib::Response& res, int status, std::string_view code, std::string_view message,
                     std::string_view detail) {
    nlohmann::json e = {{"code", code}, {"message", message}};
    if (!detail.empty()) e["detail"] = detail;
    send_json(res, status, {{"error", e}});
}

void redirect(httplib::Response& res, const std::string& location) {
    res.set_header("Location", location);
    send(res, 303, "", "text/plain; charset=utf-8");
}

}  // namespace presswatch::web
