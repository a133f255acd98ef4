#include "cli/crawl_log.h"

#include <ctime>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/output.h"

namespace presswatch::cli {
namespace {

std::string utc_now() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

void CrawlLog::clear_line() {
    if (line_open_) std::cerr << "\r\033[K";
    line_open_ = false;
}

void CrawlLog::event(const pipeline::CrawlEvent& e) {
    // On a terminal only problems interrupt the progress line.
    if (tty && e.level == "info") return;
    clear_line();
    if (json) {
        nlohmann::json j = {{"time", utc_now()}, {"level", e.level}, {"outlet", e.outlet},
                            {"url", e.url},      {"message", e.message}};
        std::cerr << j.dump() << "\n";
    } else {
        std::cerr << fmt::format("{} {} {} {} {}\n", utc_now(), e.level, e.outlet.empty() ? "-" : e.outlet,
                                 e.url.empty() ? "-" : e.url, e.message);
    }
}

void CrawlLog::progress(const pipeline::CrawlProgress& p) {
    if (!tty) return;
    std::cerr << fmt::format("\r\033[Kbáo {}/{} · đã tải {} · đang chờ {} · tin mới về tỉnh {} · lỗi {} · {:.1f} trang/s",
                             p.outlets_done, p.outlets_total, p.fetched, p.queued, p.new_clippings, p.errors,
                             p.pages_per_second)
              << std::flush;
    line_open_ = true;
}

void CrawlLog::summary(const pipeline::CrawlSummary& s) {
    clear_line();
    if (json) {
        nlohmann::json outlets = nlohmann::json::array();
        auto row = [](const pipeline::OutletSummary& o) {
            return nlohmann::json{{"outlet", o.slug},         {"sources", o.sources},
                                  {"sources_failed", o.sources_failed},
                                  {"discovered", o.discovered}, {"fetched", o.fetched},
                                  {"new_articles", o.new_articles}, {"changed_articles", o.changed_articles},
                                  {"new_clippings", o.new_clippings}, {"skipped", o.skipped},
                                  {"errors", o.errors}};
        };
        for (const auto& o : s.outlets) outlets.push_back(row(o));
        nlohmann::json j = {{"time", utc_now()},     {"level", "info"},          {"summary", outlets},
                            {"total", row(s.total)}, {"indexed", s.indexed},     {"stopped", s.stopped},
                            {"seconds", s.seconds},  {"paused_hosts", s.paused_hosts}};
        std::cout << j.dump() << "\n";
        return;
    }
    Records table({{"outlet", "Báo"},
                   {"discovered", "Phát hiện"},
                   {"fetched", "Đã tải"},
                   {"new_articles", "Bài mới"},
                   {"new_clippings", "Tin về tỉnh"},
                   {"skipped", "Bỏ qua"},
                   {"errors", "Lỗi"}});
    auto add = [&](const pipeline::OutletSummary& o, const std::string& label) {
        table.add({{"outlet", label},
                   {"discovered", o.discovered},
                   {"fetched", o.fetched},
                   {"new_articles", o.new_articles},
                   {"new_clippings", o.new_clippings},
                   {"skipped", o.skipped},
                   {"errors", o.errors}});
    };
    for (const auto& o : s.outlets) add(o, o.name.empty() ? o.slug : o.name);
    add(s.total, "Tổng");
    table.print(std::cout, Format::table);
    std::cout << fmt::format("{} bài được lập chỉ mục, {:.1f} giây{}\n", s.indexed, s.seconds,
                             s.stopped ? " (dừng theo yêu cầu)" : "");
    for (const auto& h : s.paused_hosts)
        std::cout << fmt::format("Tạm dừng máy chủ {} vì lỗi liên tiếp\n", h);
}

}  // namespace presswatch::cli
