// presswatch demo [--data DIR]: the whole pipeline on the built-in sample
// site. Starts the site on 127.0.0.1, crawls it with the real crawler into
// DIR (default: a fresh folder it names), then prints the clippings of the
// last days and an example search.
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "briefing/labels.h"
#include "briefing/outlet_names.h"
#include "cli/context.h"
#include "cli/serve_run.h"
#include "cli/program_path.h"
#include "cli/output.h"
#include "core/error.h"
#include "demo/sample_site.h"
#include "index/index.h"
#include "pipeline/crawl.h"
#include "pipeline/index_sync.h"
#include "store/crawl_lock.h"
#include "store/store.h"
#include "text/dates.h"

namespace presswatch::cli::cmd_demo {
namespace {

// The sample site is ours and local: no need to wait a second between
// requests as we do for real outlets.
constexpr int demo_interval_ms = 20;
// How far back the printed list reaches (the site's articles span 6 days).
constexpr int demo_list_days = 7;
constexpr const char* demo_query = "thanh hoa";

std::filesystem::path fresh_folder() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "presswatch-demo-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw RuntimeFailure("cannot create a folder for the demo in " + tmpl);
    return tmpl;
}

// The port the site had in this data folder last time, so URLs stay equal.
int remembered_port(const std::filesystem::path& dir) {
    std::ifstream in(dir / "demo-site-port");
    int port = 0;
    in >> port;
    return port;
}

std::string why_matched(const store::StoredArticle& a) {
    // Each place once, with the field where it first appears.
    static const std::map<std::string, std::string> field_vi = {
        {"headline", "tiêu đề"}, {"lead", "sapo"}, {"body", "nội dung"}};
    nlohmann::json d = nlohmann::json::parse(a.decision_json, nullptr, false);
    std::string out;
    std::map<std::string, bool> seen;
    if (d.is_object())
        for (const auto& m : d.value("mentions", nlohmann::json::array())) {
            std::string name = m.value("text", "");
            if (seen[name]) continue;
            seen[name] = true;
            auto f = field_vi.find(m.value("field", "body"));
            out += fmt::format("{}{} ({})", out.empty() ? "" : ", ", name,
                               f == field_vi.end() ? m.value("field", "") : f->second);
        }
    return out;
}

// Outlets and agencies by the names people know (briefing/outlet_names.h,
// briefing/labels.h), as the reports and the web pages name them.
void print_daily_list(store::Store& st, const config::Config& cfg, const briefing::OutletNames& outlets,
                      std::int64_t now) {
    auto from = now - demo_list_days * 86400;
    auto clippings = st.clippings(from, now + 86400);
    std::cout << fmt::format("\nTin về tỉnh trong {} ngày qua: {} bài\n", demo_list_days, clippings.size());
    std::string day;
    for (const auto& a : clippings) {
        std::int64_t t = a.article.published.value_or(a.fetched);
        std::string d = text::iso_date(t);
        if (d != day) {
            day = d;
            std::cout << fmt::format("\n== Ngày {}/{}/{}\n", d.substr(8, 2), d.substr(5, 2), d.substr(0, 4));
        }
        std::string time = text::vietnamese_datetime(t).substr(11);
        std::cout << fmt::format("{} {} · {}{}\n", time, outlets.name(a.outlet), a.flagged ? "[CẦN TRẢ LỜI] " : "",
                                 a.article.headline);
        std::cout << fmt::format("      vì nhắc đến: {}", why_matched(a));
        if (a.flagged && !a.agencies.empty()) {
            std::string ag;
            for (const auto& s : a.agencies) ag += (ag.empty() ? "" : ", ") + briefing::agency_label(cfg, s);
            std::cout << fmt::format(" · chuyển: {}", ag);
        }
        std::cout << fmt::format(" · #{}\n", a.id);
    }
}

void print_example_search(store::Store& st, const briefing::OutletNames& outlets) {
    index::Searcher searcher(pipeline::index_dir(st));
    index::SearchOptions opt;
    opt.limit = 5;
    opt.clippings_only = true;
    opt.text = [&st](std::int64_t id) {
        auto a = st.article(id);
        return a ? a->article.description + "\n\n" + a->article.body : std::string();
    };
    auto r = searcher.search(demo_query, opt);
    std::cout << fmt::format("\nVí dụ tìm kiếm \"{}\": {} kết quả\n", demo_query, r.total);
    for (const auto& h : r.hits) {
        auto a = st.article(h.id);
        if (!a) continue;
        std::string snippet = h.snippet;
        for (auto& c : snippet)
            if (c == '\x01' || c == '\x02') c = '*';
            else if (c == '\n') c = ' ';
        std::cout << fmt::format("  #{:<4} {} · {}\n        {}\n", a->id, outlets.name(a->outlet), a->article.headline,
                                 fit(snippet, 160));
    }
}

struct DemoOptions {
    bool serve = false;
    std::string listen = "127.0.0.1:8080";
};

int run(Context& ctx, const DemoOptions& o) {
    std::filesystem::path dir = ctx.data_option.empty() ? fresh_folder() : std::filesystem::path(ctx.data_option);
    std::filesystem::create_directories(dir);
    demo::SampleSite site;
    site.start(remembered_port(dir));
    std::ofstream(dir / "demo-site-port") << site.port() << "\n";

    config::Config cfg = ctx.config();
    cfg.outlets = site.outlets();
    cfg.settings.min_interval_ms = demo_interval_ms;
    std::cout << fmt::format("Trang mẫu: {} tờ báo giả định tại 127.0.0.1:{}\n", cfg.outlets.size(), site.port());
    std::cout << fmt::format("Dữ liệu: {}\n\n", dir.string());

    store::CrawlLock lock(dir);
    store::Store st(dir);
    st.sync_outlets(cfg.outlets);
    auto summary = pipeline::crawl(cfg, st, {});
    site.stop();

    Records r({{"outlet", "Báo"}, {"fetched", "Đã tải"}, {"new", "Bài mới"}, {"clippings", "Tin về tỉnh"},
               {"errors", "Lỗi"}});
    for (const auto& o : summary.outlets)
        r.add({{"outlet", o.name}, {"fetched", o.fetched}, {"new", o.new_articles}, {"clippings", o.new_clippings},
               {"errors", o.errors}});
    r.print(std::cout, Format::table);
    std::cout << fmt::format("Tổng: {} trang đã tải, {} bài mới, {} tin mới về tỉnh, {} lỗi ({:.1f} giây)\n",
                             summary.total.fetched, summary.total.new_articles, summary.total.new_clippings,
                             summary.total.errors, summary.seconds);

    std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    const briefing::OutletNames outlets(cfg, st);
    print_daily_list(st, cfg, outlets, now);
    print_example_search(st, outlets);
    std::string data = shell_word(dir.string());
    std::cout << fmt::format("\nThử tiếp:\n  {0} --data {1} search \"Thanh Hoá\"\n  {0} --data {1} show ID\n", ctx.program,
                             data);
    std::cout << fmt::format("  {0} --data {1} demo --serve      (giao diện web)\n", ctx.program, data);
    if (!o.serve) return 0;
    web::ServeOptions s;
    web::parse_listen(o.listen, s);
    s.data_dir = dir;
    s.no_auth = true;
    s.local_user = ctx.user();
    std::cout << "\n";
    return serve_until_signal(cfg, s,
                              fmt::format("Mở địa chỉ trên bằng trình duyệt. Tài khoản: {} (chế độ một người dùng "
                                          "--no-auth, chỉ trên máy này).\n",
                                          s.local_user));
}

void register_demo(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<DemoOptions>();
    auto* cmd = app.add_subcommand(
        "demo", "Run the whole pipeline on the built-in sample site (fictional outlets on 127.0.0.1)");
    cmd->footer("With --data DIR the demo uses DIR (run it again: nothing changes); without, a fresh folder.");
    cmd->add_flag("--serve", o->serve, "Then serve the web interface on the demo data (stop with Ctrl+C)");
    cmd->add_option("--listen", o->listen, "With --serve: address and port (default 127.0.0.1:8080)");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run(ctx, *o); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_demo);
}  // namespace presswatch::cli::cmd_demo
