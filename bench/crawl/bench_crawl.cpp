// bench_crawl: the whole pipeline (discover, fetch, extract, triage, store,
// index) over a local mirror of N article pages of about 100 KB on 20 hosts
// of 127.0.0.1, with no interval between requests to a host. Prints pages
// per second end to end, the crawler process's CPU per page in all and by
// stage (as the crawl measures them on its threads), the mirror server's
// CPU, gumbo alone on the same pages (the baseline the issue names), and
// peak memory.
//
// Usage: bench_crawl [PAGES...]   (default: 5000 10000)
// Each size runs in its own process (peak memory is per process), the
// mirror server in another, so the crawler's CPU is measured alone.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <gumbo.h>
#include <httplib.h>

#include "config/config.h"
#include "pipeline/crawl.h"
#include "store/store.h"

using namespace presswatch;

namespace {

constexpr int hosts = 20;
constexpr std::size_t page_bytes = 100 * 1024;

const char* places[] = {"Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Ninh Bình", "Sầm Sơn, Thanh Hóa", "Quảng Bình"};

// The parts of a page every article of a host shares (menu, related
// links, scripts), built once: the mirror serves from memory, so that its
// own CPU does not weigh on the figures.
struct HostParts {
    std::string menu, aside;
};

HostParts host_parts(int h) {
    HostParts p;
    p.menu = "<nav><ul>";
    for (int k = 0; k < 60; ++k) p.menu += fmt::format("<li><a href=\"/chuyen-muc-{}\">Chuyên mục {}</a></li>", k, k);
    p.menu += "</ul></nav>";
    p.aside = "<aside>";
    for (int k = 0; p.aside.size() < page_bytes - 12 * 1024; ++k)
        p.aside += fmt::format("<div class=\"related\"><a href=\"/tin-lien-quan-{}-{}.html\">Tin liên quan số {} về "
                               "giao thông nông thôn</a></div><script>var x{}={};</script>",
                               k, h, k, k, k * 7);
    p.aside += "</aside></body></html>";
    return p;
}

// Article i of host h: a realistic page shape (menu, article, related
// links, scripts) of about 100 KB.
std::string page(const HostParts& parts, int h, int i) {
    const char* place = places[(h + i) % 6];
    std::string body;
    for (int p = 0; p < 12; ++p)
        body += fmt::format("<p>Đoạn {} của bài {}: người dân ở {} phản ánh tình trạng đường liên xã xuống cấp, "
                            "chính quyền địa phương đã cử cán bộ kiểm tra, lập biên bản và hứa sửa chữa trước "
                            "mùa mưa bão năm nay để bảo đảm an toàn giao thông.</p>",
                            p + 1, i, place);
    return fmt::format(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Người dân {0} kiến nghị sửa "
        "đường số {1}</title><meta property=\"og:title\" content=\"Người dân {0} kiến nghị sửa đường số {1}\">"
        "<meta property=\"article:published_time\" content=\"2026-03-07T08:00:00+07:00\"></head><body>{2}"
        "<article><h1>Người dân {0} kiến nghị sửa đường số {1}</h1><p class=\"sapo\">Nhiều hộ dân ở {0} "
        "kiến nghị sửa tuyến đường.</p>{3}</article>{4}",
        place, i, parts.menu, body, parts.aside);
}

std::string feed(int h, int pages_per_host, int port) {
    std::string items;
    for (int i = 0; i < pages_per_host; ++i)
        items += fmt::format("<item><title>Bài {}</title><link>http://h{}.localhost:{}/tin/{}-bai-{}.html</link>"
                             "<pubDate>{}</pubDate></item>",
                             i, h, port, h, i, "Sat, 07 Mar 2026 08:00:00 +0700");
    return "<rss version=\"2.0\"><channel><title>h</title>" + items + "</channel></rss>";
}

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

// Child process: serves the mirror until killed.
[[noreturn]] void serve(int port_pipe, int pages) {
    httplib::Server s;
    // A thread per connection the crawler may keep open (libcurl keeps up
    // to twice its concurrency): httplib's default pool of 8 leaves the
    // other connections waiting while idle keep-alive ones hold a thread
    // for 5 s, and the crawl then measures that wait.
    s.new_task_queue = [] { return new httplib::ThreadPool(64); };
    int per_host = pages / hosts;
    std::vector<HostParts> parts;
    for (int h = 0; h < hosts; ++h) parts.push_back(host_parts(h));
    int port = s.bind_to_any_port("127.0.0.1");
    s.Get(R"(/rss\.xml)", [&](const httplib::Request& req, httplib::Response& res) {
        int h = std::atoi(req.get_header_value("Host").c_str() + 1);
        res.set_content(feed(h, per_host, port), "application/rss+xml");
    });
    s.Get(R"(/tin/(\d+)-bai-(\d+)\.html)", [&](const httplib::Request& req, httplib::Response& res) {
        int h = std::stoi(req.matches[1]);
        auto html = std::make_shared<std::string>(page(parts.at(h), h, std::stoi(req.matches[2])));
        // A body of known length from a provider is sent as it is: with
        // set_content, httplib would brotli-compress every page for a
        // client that accepts it (as curl does), and that compression cost
        // the mirror 8 times the crawler's CPU.
        res.set_content_provider(html->size(), "text/html; charset=utf-8",
                                 [html](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                     sink.write(html->data() + offset, length);
                                     return true;
                                 });
    });
    [[maybe_unused]] auto w = write(port_pipe, &port, sizeof port);
    s.listen_after_bind();
    _exit(0);
}

// One size, in this (child) process. Prints one line of figures.
void run(int pages) {
    int fds[2];
    if (pipe(fds) != 0) std::exit(1);
    pid_t server = fork();
    if (server == 0) serve(fds[1], pages);
    int port = 0;
    if (read(fds[0], &port, sizeof port) != sizeof port) std::exit(1);

    auto cfg = config::load_config();
    cfg.outlets.clear();
    for (int h = 0; h < hosts; ++h) {
        config::Outlet o;
        o.slug = fmt::format("h{}", h);
        o.name = o.slug;
        o.domains = {fmt::format("h{}.localhost", h)};
        o.feeds = {fmt::format("http://h{}.localhost:{}/rss.xml", h, port)};
        cfg.outlets.push_back(o);
    }
    cfg.settings.min_interval_ms = 0;
    cfg.settings.concurrency = 16;
    cfg.settings.per_host_concurrency = 2;
    auto dir = std::filesystem::temp_directory_path() / fmt::format("bench-crawl-{}-{}", getpid(), pages);
    std::filesystem::remove_all(dir);
    double cpu0 = cpu_seconds();
    auto t0 = std::chrono::steady_clock::now();
    pipeline::CrawlSummary sum;
    {
        store::Store st(dir);
        pipeline::CrawlOptions opt;
        opt.since = 0;
        sum = pipeline::crawl(cfg, st, opt);
    }
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double cpu = cpu_seconds() - cpu0;
    long peak = peak_rss_mb();
    kill(server, SIGKILL);
    rusage server_use{};
    wait4(server, nullptr, 0, &server_use);
    double server_cpu = server_use.ru_utime.tv_sec + server_use.ru_stime.tv_sec +
                        (server_use.ru_utime.tv_usec + server_use.ru_stime.tv_usec) / 1e6;

    // gumbo alone on the same pages (a sample), the baseline the issue names.
    const int sample = std::min(pages, 1000);
    std::vector<HostParts> parts;
    for (int h = 0; h < hosts; ++h) parts.push_back(host_parts(h));
    std::vector<std::string> html;
    for (int k = 0; k < sample; ++k) html.push_back(page(parts[k % hosts], k % hosts, k / hosts));
    double g0 = cpu_seconds();
    for (const auto& p : html) {
        GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, p.data(), p.size());
        gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
    double gumbo = (cpu_seconds() - g0) / sample;
    std::filesystem::remove_all(dir);

    double n = std::max(1, sum.total.fetched);
    auto ms = [&](double s) { return s / n * 1e3; };
    const auto& c = sum.cpu;
    double per_page = cpu / n;
    std::printf("pages %d: fetched %d, stored %d, errors %d, wall %.1f s, %.0f pages/s end to end; "
                "crawler CPU %.2f ms/page (fetch %.2f, decode %.2f, extract %.2f, triage %.2f, snapshot %.2f, "
                "store %.2f, index %.2f); mirror server %.2f ms/page; gumbo alone %.2f ms/page; "
                "pipeline/gumbo %.2fx; peak RSS %ld MB\n",
                pages, sum.total.fetched, sum.total.new_articles, sum.total.errors, wall, sum.total.fetched / wall,
                per_page * 1e3, ms(c.fetch), ms(c.decode), ms(c.extract), ms(c.triage), ms(c.snapshot), ms(c.store),
                ms(c.index), ms(server_cpu), gumbo * 1e3, per_page / gumbo, peak);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
    if (sizes.empty()) sizes = {5000, 10000};
    std::printf("bench_crawl: %d hosts on 127.0.0.1, ~%zu KB pages, interval 0, concurrency 16, 2 per host\n", hosts,
                page_bytes / 1024);
    std::fflush(stdout);  // before fork, or the children print it again
    for (int n : sizes) {
        pid_t child = fork();
        if (child == 0) {
            run(n);
            _exit(0);
        }
        int status = 0;
        waitpid(child, &status, 0);
    }
    return 0;
}
