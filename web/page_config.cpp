// The effective configuration (/admin/config, admin role), read-only: how
// this server runs (data folder, address, login mode, limits) and each
// configuration file with where it came from (built in, or the file of
// --config / $PRESSWATCH_CONFIG), as `presswatch config show` prints them,
// with secrets masked (web/secret_mask.h). The SMTP password, which lives
// only in the environment, is shown as set or not set, never its value.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "web/routes.h"
#include "web/secret_mask.h"

namespace presswatch::web {
namespace {

nlohmann::json setting(const std::string& label, const std::string& value) {
    return {{"label", label}, {"value", value}};
}

std::string file_text(const std::string& name, const std::string& origin) {
    if (origin == "built-in") return config::builtin_config_file(name).value_or("");
    std::ifstream in(origin, std::ios::binary);
    if (!in) return fmt::format("(không đọc được tệp {} lúc này)", origin);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void config_page(Site& site, const Caller& c, const httplib::Request&, httplib::Response& res) {
    const auto& o = site.options();
    const auto& cfg = site.config();
    nlohmann::json settings = nlohmann::json::array();
    settings.push_back(setting("Thư mục dữ liệu", o.data_dir.string()));
    settings.push_back(setting("Địa chỉ lắng nghe", fmt::format("{}:{}", o.host, o.port)));
    settings.push_back(setting("Đăng nhập", o.no_auth ? fmt::format("tắt (--no-auth): người dùng máy này «{}» là quản trị viên", o.local_user)
                                                       : "bắt buộc, theo tài khoản"));
    settings.push_back(setting("Sau proxy ngược (--behind-proxy)", o.behind_proxy ? "có" : "không"));
    settings.push_back(setting("HTTPS trực tiếp", o.tls_cert.empty() ? "không" : "có, chứng chỉ " + o.tls_cert.string()));
    settings.push_back(setting("Số yêu cầu xử lý cùng lúc", std::to_string(o.workers)));
    settings.push_back(setting("Dung lượng tối đa một yêu cầu", fmt::format("{} byte", o.max_body_bytes)));
    settings.push_back(setting("Thời gian chờ đọc/ghi", fmt::format("{} giây", o.io_timeout_seconds)));
    settings.push_back(setting("Một phiên đăng nhập kéo dài", fmt::format("{} giờ", o.session_ttl.count() / 3600)));
    const auto& l = o.login_limits;
    settings.push_back(setting("Giới hạn đăng nhập sai",
                               fmt::format("{} lần cho một tên, {} lần cho một địa chỉ trong {} phút: khoá {} phút "
                                           "(lần sau gấp đôi, tối đa {} giờ)",
                                           l.account_failures, l.address_failures, l.window.count() / 60,
                                           l.lock.count() / 60, l.max_lock.count() / 3600)));
    const char* config_env = std::getenv("PRESSWATCH_CONFIG");
    settings.push_back(setting("PRESSWATCH_CONFIG", config_env && *config_env ? config_env : "chưa đặt (dùng cấu hình có sẵn)"));
    const char* smtp = std::getenv("PRESSWATCH_SMTP_PASSWORD");
    settings.push_back(setting("PRESSWATCH_SMTP_PASSWORD", smtp && *smtp ? std::string("đã đặt (") + masked_secret + ")"
                                                                         : "chưa đặt"));

    nlohmann::json files = nlohmann::json::array();
    for (const auto& name : config::config_file_names()) {
        auto it = cfg.origins.find(name);
        std::string origin = it == cfg.origins.end() ? "built-in" : it->second;
        bool builtin = origin == "built-in";
        files.push_back({{"name", name},
                         {"origin", builtin ? "có sẵn trong chương trình" : origin},
                         {"builtin", builtin},
                         {"text", mask_secrets(file_text(name, origin))}});
    }
    site.page(res, c, "Cấu hình đang dùng", "config", {{"settings", settings}, {"files", files}, {"masked", masked_secret}}, "admin");
}

}  // namespace

void add_config_routes(httplib::Server& http, Site& site) {
    page_route(http, site, Method::get, "/admin/config", Role::admin, config_page);
}

}  // namespace presswatch::web
