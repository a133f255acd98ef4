#include "web/routes.h"

#include <charconv>
#include <iostream>
#include <span>

#include <fmt/format.h>

#include "config/embedded.h"
#include "core/error.h"
#include "store/workflow.h"
#include "web/response.h"

namespace presswatch::web {

std::span<const EmbeddedFile> static_files();

namespace {

void add(httplib::Server& http, Method m, const std::string& pattern, httplib::Server::Handler h) {
    switch (m) {
        case Method::get: http.Get(pattern, std::move(h)); break;
        case Method::post: http.Post(pattern, std::move(h)); break;
        case Method::patch: http.Patch(pattern, std::move(h)); break;
        case Method::del: http.Delete(pattern, std::move(h)); break;
    }
}

// Each account rule with its status and what the person can do about it.
Failure account_failure(const store::AccountError& e) {
    using K = store::AccountError::Kind;
    switch (e.kind()) {
        case K::bad_name:
            return {400, "bad_name",
                    "Tên tài khoản không hợp lệ: dùng từ 1 đến 64 chữ cái không dấu, chữ số, dấu chấm, gạch dưới hoặc "
                    "gạch ngang, bắt đầu bằng chữ hoặc số (ví dụ lan.nguyen).",
                    e.what()};
        case K::name_taken:
            return {409, "name_taken", "Tên tài khoản này đã có: chọn tên khác.", e.what()};
        case K::unknown_account: return {404, "not_found", "Không có tài khoản này.", e.what()};
        case K::password_too_short:
            return {400, "bad_password", "Mật khẩu quá ngắn: cần ít nhất 8 ký tự (vài từ ghép lại vừa dễ nhớ vừa khó đoán).",
                    e.what()};
        case K::password_too_long: return {400, "bad_password", "Mật khẩu quá dài: tối đa 1024 byte.", e.what()};
        case K::password_is_name:
            return {400, "bad_password", "Mật khẩu không được trùng với tên tài khoản.", e.what()};
        case K::last_admin:
            return {409, "last_admin",
                    "Không thể làm vậy: đây là quản trị viên cuối cùng còn hoạt động. Hãy cấp vai trò Quản trị viên "
                    "cho một tài khoản khác trước.",
                    e.what()};
    }
    return {400, "bad_request", "Yêu cầu không hợp lệ.", e.what()};
}

}  // namespace

Failure classify(std::exception_ptr ep) {
    try {
        std::rethrow_exception(ep);
    } catch (const HttpError& e) {
        return {e.status, e.code, e.what(), ""};
    } catch (const store::ConflictError& e) {
        return {409, "conflict", "Bước này không hợp lệ với tình trạng hiện tại của tin.", e.what()};
    } catch (const store::AccountError& e) {
        return account_failure(e);
    } catch (const InputError& e) {
        return {400, "bad_request", "Yêu cầu không hợp lệ.", e.what()};
    } catch (const nlohmann::json::exception& e) {
        return {400, "bad_json", "Nội dung gửi lên không phải JSON hợp lệ.", e.what()};
    } catch (const std::exception& e) {
        std::cerr << "presswatch serve: " << e.what() << "\n";
        return {500, "internal", "Lỗi máy chủ; đã ghi vào nhật ký.", ""};
    }
}

namespace {

const Caller anonymous{"", Role::reader, "", ""};

}  // namespace

void page_route(httplib::Server& http, Site& site, Method m, const std::string& pattern, Role role, PageHandler h) {
    add(http, m, pattern, [&site, m, role, h](const httplib::Request& req, httplib::Response& res) {
        std::optional<Caller> c;
        try {
            c = site.caller(req);
            if (!c && !site.options().no_auth) {
                // Back to this page after logging in; a form's POST goes back to where it came from.
                std::string next = m == Method::get ? req.target : std::string("/today");
                return redirect(res, "/login?next=" + httplib::detail::encode_query_param(next));
            }
            if (!c) throw HttpError(401, "unauthenticated", "Cần đăng nhập để xem trang này.");
            Site::require(*c, role);
            if (m != Method::get) Site::check_csrf(req, *c);
            h(site, *c, req, res);
        } catch (...) {
            Failure f = classify(std::current_exception());
            try {
                site.page(res, c ? *c : anonymous, "Lỗi", "error",
                          {{"status", f.status}, {"message", f.message}, {"detail", f.detail}}, "", f.status);
            } catch (...) {
                send(res, 500, "500", "text/plain; charset=utf-8");
            }
        }
    });
}

void api_route(httplib::Server& http, Site& site, Method m, const std::string& pattern, Role role, ApiHandler h) {
    add(http, m, "/api/v1" + pattern, [&site, m, role, h](const httplib::Request& req, httplib::Response& res) {
        try {
            auto c = site.caller(req);
            if (!c) throw HttpError(401, "unauthenticated", "Cần đăng nhập (phiên làm việc không hợp lệ hoặc đã hết hạn).");
            Site::require(*c, role);
            if (m != Method::get) Site::check_csrf(req, *c);
            int status = 200;
            nlohmann::json body = h(site, *c, req, status);
            send_json(res, status, body);
        } catch (...) {
            Failure f = classify(std::current_exception());
            send_json_error(res, f.status, f.code, f.message, f.detail);
        }
    });
}

void add_static_routes(httplib::Server& http) {
    // Only names compiled into the binary are served: there is no file
    // system path to climb out of with ../ or %2e%2e.
    http.Get(R"(/static/([A-Za-z0-9_.-]+))", [](const httplib::Request& req, httplib::Response& res) {
        std::string name = req.matches[1];
        for (const auto& f : static_files()) {
            if (f.name != name) continue;
            std::string_view type = name.ends_with(".css")   ? "text/css; charset=utf-8"
                                    : name.ends_with(".js")  ? "text/javascript; charset=utf-8"
                                    : name.ends_with(".svg") ? "image/svg+xml"
                                    : name.ends_with(".json") ? json_type
                                                              : "application/octet-stream";
            send(res, 200, std::string(f.bytes), type, Caching::immutable_asset);
            return;
        }
        send(res, 404, "Không tìm thấy.\n", "text/plain; charset=utf-8");
    });
}

std::size_t size_param(const httplib::Request& req, const std::string& name, std::size_t fallback) {
    if (!req.has_param(name)) return fallback;
    std::string v = req.get_param_value(name);
    if (v.empty()) return fallback;
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size())
        throw InputError(fmt::format("{}=\"{}\" is not a number", name, v));
    return n;
}

std::int64_t id_param(const httplib::Request& req, std::size_t match_index) {
    std::string v = req.matches[match_index];
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size())
        throw HttpError(404, "not_found", "Không có bài này.");
    return n;
}

bool flag_param(const httplib::Request& req, const std::string& name) {
    if (!req.has_param(name)) return false;
    auto v = req.get_param_value(name);
    return v == "1" || v == "on" || v == "true";
}

}  // namespace presswatch::web
