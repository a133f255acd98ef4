// `presswatch sources`: each outlet's feeds, sitemaps and listing pages
// with their health; `presswatch sources discover URL`: what a site offers,
// as configuration lines to paste into sources.toml.
#include <ctime>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/context.h"
#include "cli/output.h"
#include "crawler/source_finder.h"
#include "crawler/url.h"
#include "pipeline/source_report.h"
#include "store/source_health.h"
#include "store/store.h"
#include "text/dates.h"

namespace presswatch::cli::cmd_sources {
namespace {

int show_health(Context& ctx, bool json) {
    const auto& cfg = ctx.config();
    store::Store st(ctx.data_dir());
    auto now = static_cast<std::int64_t>(std::time(nullptr));
    Records table({{"outlet", "Báo"},
                   {"kind", "Loại"},
                   {"url", "Nguồn", 60},
                   {"last_success", "Đọc được lần cuối"},
                   {"last_error", "Lỗi gần nhất", 40},
                   {"per_day", "Bài mới/ngày (thường lệ)"},
                   {"warning", "Cảnh báo"}});
    int warnings = 0;
    auto row = [&](const std::string& outlet, const std::string& kind, const std::string& url,
                   const store::SourceStatus* s) {
        nlohmann::json r = {{"outlet", outlet}, {"kind", kind}, {"url", url}};
        if (!s) {
            r["last_success"] = "";
            r["last_error"] = "";
            r["per_day"] = "";
            r["warning"] = "chưa đọc lần nào";
        } else {
            r["last_success"] = s->last_success ? text::vietnamese_datetime(*s->last_success) : "chưa lần nào";
            r["last_error"] = s->last_error;
            r["per_day"] = fmt::format("{:.0f} ({:.1f})", s->new_last_day, s->usual_per_day);
            r["warning"] = pipeline::source_warning_text(*s);
            if (!s->warning.empty()) warnings++;
            if (json) {
                r["new_last_day"] = s->new_last_day;
                r["usual_per_day"] = s->usual_per_day;
                r["readings"] = s->readings;
                r["health"] = s->warning.empty() ? "ok" : s->warning;
            }
        }
        table.add(std::move(r));
    };
    for (const auto& r : pipeline::source_report(cfg, st, now)) row(r.outlet, r.kind, r.url, r.status ? &*r.status : nullptr);
    table.print(std::cout, json ? Format::json : Format::table);
    if (!json && warnings)
        std::cout << fmt::format("\n{} nguồn cần xem lại: thêm sitemap hoặc trang chuyên mục cho báo đó "
                                 "(`presswatch sources discover URL`).\n",
                                 warnings);
    return 0;
}

std::string slug_from_host(std::string host) {
    if (host.starts_with("www.")) host = host.substr(4);
    std::string slug;
    for (char c : host.substr(0, host.find('.')))
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') slug += static_cast<char>(std::tolower(c));
    return slug.empty() ? "outlet" : slug;
}

std::string toml_list(const std::vector<std::string>& v) {
    std::string out = "[";
    for (const auto& s : v) out += (out.size() > 1 ? ", " : "") + nlohmann::json(s).dump();
    return out + "]";
}

int discover(Context& ctx, const std::string& url) {
    auto found = crawler::find_sources(url, ctx.config().settings);
    if (!found.error.empty())
        std::cerr << fmt::format("presswatch: trang chủ {} không đọc được ({}); chỉ dò được các đường dẫn thường gặp\n",
                                 url, found.error);
    std::vector<std::string> feeds, sitemaps;
    std::cout << "# Nguồn tìm thấy cho " << (found.home.empty() ? url : found.home) << "\n";
    for (const auto& s : found.sources) {
        std::cout << fmt::format("#   {:<7} {}  ({}; {})\n", s.kind, s.url, s.how,
                                 s.error.empty() ? fmt::format("{} liên kết", s.items) : "lỗi: " + s.error);
        if (!s.error.empty()) continue;
        (s.kind == "feed" ? feeds : sitemaps).push_back(s.url);
    }
    std::string host = found.host.starts_with("www.") ? found.host.substr(4) : found.host;
    std::cout << "\n[[outlet]]\n"
              << "slug = \"" << slug_from_host(found.host) << "\"\n"
              << "name = " << nlohmann::json(found.name.empty() ? host : found.name).dump() << "\n"
              << "kind = \"central\"\n"
              << "domains = " << toml_list({host}) << "\n"
              << "feeds = " << toml_list(feeds) << "\n";
    if (!sitemaps.empty()) std::cout << "sitemaps = " << toml_list(sitemaps) << "\n";
    if (feeds.empty() && sitemaps.empty())
        std::cout << "# Không có feed hay sitemap dùng được: thêm trang chuyên mục hoặc trang thẻ của tỉnh\n"
                     "# listings = [\"" << url << "\"]\n";
    return feeds.empty() && sitemaps.empty() ? 1 : 0;
}

void register_sources(CLI::App& app, Context& ctx) {
    auto json = std::make_shared<bool>(false);
    auto url = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("sources", "Show each outlet's feeds, sitemaps and listing pages with their health");
    cmd->add_flag("--json", *json, "Print JSON lines");
    cmd->footer("Example: presswatch sources\n         presswatch sources discover https://vnexpress.net/");
    auto* disc = cmd->add_subcommand("discover", "Find the feeds and sitemaps a site offers; print lines for sources.toml");
    disc->add_option("URL", *url, "The site's home page")->required();
    cmd->callback([&ctx, json, url, disc] {
        if (disc->parsed()) ctx.action = [&ctx, url] { return discover(ctx, *url); };
        else ctx.action = [&ctx, json] { return show_health(ctx, *json); };
    });
}

}  // namespace
PRESSWATCH_COMMAND(register_sources);
}  // namespace presswatch::cli::cmd_sources
