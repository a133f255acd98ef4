// presswatch status [--json]: one screen saying whether the service is
// healthy (pipeline/service_status.h). Exit code 0 healthy, 1 warnings,
// 2 errors (including a store that cannot be read), for monitoring systems.
#include <algorithm>
#include <ctime>
#include <iostream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "cli/output.h"
#include "core/error.h"
#include "config/operations.h"
#include "pipeline/alerts.h"
#include "pipeline/service_status.h"
#include "text/dates.h"

namespace presswatch::cli::cmd_status {
namespace {

using nlohmann::json;

std::string when(const std::optional<std::int64_t>& t) { return t ? text::vietnamese_datetime(*t) : "—"; }
std::string mb(std::uint64_t bytes) { return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6); }
json opt(const std::optional<std::int64_t>& t) { return t ? json(text::iso8601(*t)) : json(); }

json to_json(const pipeline::ServiceStatus& s) {
    json j = {{"checked_at", text::iso8601(s.now)},
              {"exit_code", s.exit_code()},
              {"crawler", {{"running", s.crawler.has_value()}, {"owner", s.crawler ? json(*s.crawler) : json()}}},
              {"articles", s.articles},
              {"index", {{"exists", s.index_exists}, {"pending", s.index_pending}, {"oldest_pending", opt(s.index_oldest)}}},
              {"sizes", {{"database_bytes", s.database_bytes}, {"index_bytes", s.index_bytes}}},
              {"disk", {{"free_bytes", s.disk_free}, {"total_bytes", s.disk_total},
                        {"growth_bytes_per_day", s.growth_per_day},
                        {"days_left", s.days_of_disk_left ? json(*s.days_of_disk_left) : json()}}},
              {"last_backup", json()},
              {"outlets", json::array()},
              {"problems", json::array()}};
    if (s.last_backup)
        j["last_backup"] = {{"at", text::iso8601(s.last_backup->at)}, {"path", s.last_backup->path},
                            {"bytes", s.last_backup->bytes}, {"articles", s.last_backup->articles}};
    for (const auto& o : s.outlets)
        j["outlets"].push_back({{"slug", o.slug}, {"name", o.name}, {"last_read", opt(o.last_read)},
                                {"last_success", opt(o.last_success)}, {"last_error", o.last_error},
                                {"sources", o.sources}, {"dead_sources", o.dead_sources},
                                {"newest_article_at", opt(o.newest_fetched)}, {"newest_headline", o.newest_headline},
                                {"articles_last_day", o.articles_last_day}});
    for (const auto& p : s.problems)
        j["problems"].push_back({{"level", p.level == pipeline::Problem::Level::error ? "error" : "warning"},
                                 {"key", p.key}, {"message", p.message}});
    return j;
}

void print_text(const pipeline::ServiceStatus& s, const std::filesystem::path& data) {
    std::cout << fmt::format("Trạng thái presswatch lúc {}\n", text::vietnamese_datetime(s.now));
    std::cout << fmt::format("Trình thu thập: {}\n", s.crawler ? "đang chạy (" + *s.crawler + ")" : "không chạy");
    std::cout << fmt::format("Dữ liệu: {} · {} bài · cơ sở dữ liệu {} · chỉ mục {}\n", data.string(), s.articles,
                             mb(s.database_bytes), mb(s.index_bytes));
    if (s.disk_total)
        std::cout << fmt::format("Ổ đĩa: trống {} / {} ({:.0f}%) · tăng khoảng {}/ngày{}\n", mb(s.disk_free),
                                 mb(s.disk_total), 100.0 * static_cast<double>(s.disk_free) / static_cast<double>(s.disk_total),
                                 mb(static_cast<std::uint64_t>(s.growth_per_day)),
                                 s.days_of_disk_left ? fmt::format(" · đủ khoảng {:.0f} ngày", *s.days_of_disk_left) : "");
    std::cout << fmt::format("Chỉ mục tìm kiếm: {}\n",
                             !s.index_exists ? std::string("chưa có")
                             : s.index_pending ? fmt::format("{} bài chờ lập chỉ mục (từ {})", s.index_pending, when(s.index_oldest))
                                               : std::string("đã cập nhật"));
    std::cout << "Sao lưu gần nhất: "
              << (s.last_backup ? fmt::format("{} · {} bài · {} · {}", when(s.last_backup->at), s.last_backup->articles,
                                              mb(s.last_backup->bytes), s.last_backup->path)
                                : std::string("chưa có"))
              << "\n\n";
    Records r({{"outlet", "Báo", 24}, {"read", "Đọc lần cuối"}, {"result", "Kết quả", 40},
               {"newest", "Bài mới nhất"}, {"day", "24 giờ"}});
    for (const auto& o : s.outlets) {
        std::string result = !o.last_read ? "chưa đọc"
                             : o.last_error.empty() ? "tốt"
                                                    : "lỗi: " + o.last_error;
        if (o.dead_sources) result += fmt::format(" ({}/{} nguồn hỏng)", o.dead_sources, o.sources);
        r.add({{"outlet", o.name}, {"read", when(o.last_read)}, {"result", result}, {"newest", when(o.newest_fetched)},
               {"day", o.articles_last_day}});
    }
    r.print(std::cout, Format::table);
    std::cout << "\n";
    for (const auto& p : s.problems)
        std::cout << (p.level == pipeline::Problem::Level::error ? "LỖI: " : "Cảnh báo: ") << p.message << "\n";
    const char* verdict[] = {"Tình trạng: tốt.", "Tình trạng: có cảnh báo.", "Tình trạng: có lỗi."};
    std::cout << verdict[s.exit_code()] << "\n";
}

// Mails the problems not mailed today (pipeline/alerts.h); a failure to
// send is itself an error: nobody would hear of the problems.
int alert(store::Store& st, const config::Config& cfg, const pipeline::ServiceStatus& s, json* out) {
    try {
        auto r = pipeline::send_alerts(st, cfg, s);
        const auto alert_to = config::operations_settings(cfg).alert_to;
        if (out) {
            (*out)["alerts"] = {{"mailed", json::array()}, {"already_today", json::array()}};
            for (const auto& p : r.mailed) (*out)["alerts"]["mailed"].push_back(p.key);
            for (const auto& p : r.already_today) (*out)["alerts"]["already_today"].push_back(p.key);
        } else if (alert_to.empty()) {
            std::cout << "Chưa gửi cảnh báo: chưa đặt alert_to trong [operations] của presswatch.toml.\n";
        } else if (!r.mailed.empty()) {
            std::cout << fmt::format("Đã gửi cảnh báo ({} vấn đề) tới {}.\n", r.mailed.size(), fmt::join(alert_to, ", "));
        } else if (!r.already_today.empty()) {
            std::cout << "Các vấn đề trên đã được báo qua thư hôm nay.\n";
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "presswatch: cannot send the alerts: " << e.what() << "\n";
        return 2;
    }
}

int run(Context& ctx, bool as_json, bool send) {
    std::filesystem::path data;
    try {
        data = ctx.data_dir();
        if (!std::filesystem::exists(data / "presswatch.db"))
            throw InputError(fmt::format("there is no presswatch data in {}", data.string()));
        store::Store st(data);
        auto s = pipeline::service_status(st, ctx.config(), static_cast<std::int64_t>(std::time(nullptr)));
        int code = s.exit_code();
        if (as_json) {
            json j = to_json(s);
            if (send) code = std::max(code, alert(st, ctx.config(), s, &j));
            std::cout << j.dump(2) << "\n";
        } else {
            print_text(s, data);
            if (send) code = std::max(code, alert(st, ctx.config(), s, nullptr));
        }
        return code;
    } catch (const std::exception& e) {
        // A store that cannot be read is the worst status, not a usage error.
        if (as_json)
        {
            json problem = {{"level", "error"}, {"key", "store"}, {"message", e.what()}};
            std::cout << json{{"exit_code", 2}, {"problems", json::array({problem})}}.dump(2) << "\n";
        }
        else
            std::cout << "LỖI: không đọc được dữ liệu: " << e.what() << "\nTình trạng: có lỗi.\n";
        return 2;
    }
}

void register_status(CLI::App& app, Context& ctx) {
    auto json_flag = std::make_shared<bool>(false), send = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("status", "Is the service healthy? Crawler, outlets, index, disk, backups");
    cmd->add_flag("--json", *json_flag, "Print JSON");
    cmd->add_flag("--alert", *send,
                  "Mail the problems found to alert_to ([operations] in presswatch.toml), each at most once a day");
    cmd->footer("Exit codes: 0 healthy, 1 warnings, 2 errors (or the alert could not be sent).");
    cmd->callback([&ctx, json_flag, send] {
        ctx.action = [&ctx, json_flag, send] { return run(ctx, *json_flag, *send); };
    });
}

}  // namespace
PRESSWATCH_COMMAND(register_status);
}  // namespace presswatch::cli::cmd_status
