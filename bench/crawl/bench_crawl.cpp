// bench_crawl: the whole pipeline (discover, fetch, extract, triage, store,
// index) over a local mirror of N article pages on 20 hosts of 127.0.0.1,
// with no interval between requests to a host. Prints pages per second end
// to end, the crawler process's CPU per page in all and by stage (as the
// crawl measures them on its threads), the mirror server's CPU, gumbo alone
// on the same pages (the baseline issue 19 names), and peak memory.
//
// Usage: bench_crawl [--clippings] [PAGES...]   (default: 5000 10000)
// Two mirrors:
// - default: generated pages of about 100 KB; a third of them name the
//   province, so a third become clippings.
// - --clippings: every page is a clipping (issue 19's mode): the real
//   article pages of ../shared/data/vn-dev (18 pages, 178 KB on average),
//   each copy with "Thanh Hóa:" and its number put before the headline
//   wherever the page prints it, so every page is triaged, stored as a
//   clipping, snapshotted and indexed. Without ../shared/data it says so
//   and uses generated pages of about 170 KB that all name the province.
// Each size runs in its own process (peak memory is per process), the
// mirror server in another, so the crawler's CPU is measured alone. Exits
// non-zero when a page was not fetched and stored (or, with --clippings,
// not kept as a clipping).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <vector>
#include <memory>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <gumbo.h>
#include <httplib.h>

#include "bench/extract/vn_dev_check.h"
#include "config/config.h"
#include "pipeline/crawl.h"
#include "store/store.h"
#include "text/syllables.h"

using namespace presswatch;

namespace {

constexpr int hosts = 20;
const char* province = "Thanh Hóa";

// What the mirror serves: page(h, i) is article i of host h. Built the
// same way in the mirror's process and for the gumbo baseline.
struct Mirror {
    std::string what;
    std::function<std::string(int h, int i)> page;
};

// The parts of a generated page every article of a host shares (menu,
// related links, scripts), built once: the mirror serves from memory, so
// that its own CPU does not weigh on the figures.
struct HostParts {
    std::string menu, aside;
};

HostParts host_parts(int h, std::size_t page_bytes) {
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

// Generated article i of host h: a realistic page shape (menu, article,
// related links, scripts) of about page_bytes. With all_clippings every
// page names the province; otherwise a third do.
Mirror generated_mirror(std::size_t page_bytes, bool all_clippings) {
    auto parts = std::make_shared<std::vector<HostParts>>();
    for (int h = 0; h < hosts; ++h) parts->push_back(host_parts(h, page_bytes));
    Mirror m;
    m.what = fmt::format("generated pages of ~{} KB, {}", page_bytes / 1024,
                         all_clippings ? "every page names the province" : "a third name the province");
    m.page = [parts, all_clippings](int h, int i) {
        static const char* places[] = {"Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Ninh Bình", "Sầm Sơn, Thanh Hóa", "Quảng Bình"};
        static const char* ours[] = {"Thanh Hóa", "Sầm Sơn, Thanh Hóa"};
        const char* place = all_clippings ? ours[(h + i) % 2] : places[(h + i) % 6];
        std::string body;
        for (int p = 0; p < 12; ++p)
            body += fmt::format("<p>Đoạn {} của bài {}: người dân ở {} phản ánh tình trạng đường liên xã xuống cấp, "
                                "chính quyền địa phương đã cử cán bộ kiểm tra, lập biên bản và hứa sửa chữa trước "
                                "mùa mưa bão năm nay để bảo đảm an toàn giao thông.</p>",
                                p + 1, i, place);
        const auto& hp = (*parts)[h];
        return fmt::format(
            "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Người dân {0} kiến nghị sửa "
            "đường số {1}</title><meta property=\"og:title\" content=\"Người dân {0} kiến nghị sửa đường số {1}\">"
            "<meta property=\"article:published_time\" content=\"2026-03-07T08:00:00+07:00\"></head><body>{2}"
            "<article><h1>Người dân {0} kiến nghị sửa đường số {1}</h1><p class=\"sapo\">Nhiều hộ dân ở {0} "
            "kiến nghị sửa tuyến đường.</p>{3}</article>{4}",
            place, i, hp.menu, body, hp.aside);
    };
    return m;
}

// The real article pages of ../shared/data/vn-dev, cut where the page
// prints its headline (title, og:title, h1, JSON-LD...): copy (h, i) puts
// "Thanh Hóa: " before the headline and its own number after it, so that
// every copy is a distinct article about the province. Their canonical
// URLs name the real outlets, which the crawl does not take for ours
// (pipeline/ingest.cpp), so each copy is stored under its mirror URL.
std::optional<Mirror> real_mirror() {
    auto dir = std::filesystem::path(PRESSWATCH_SOURCE_DIR) / ".." / "shared" / "data" / "vn-dev" / "html";
    auto pages = std::make_shared<std::vector<std::vector<std::string>>>();  // each page split at its headline
    std::size_t bytes = 0;
    for (const auto& [path, sidecar] : vn_dev::article_pages(dir)) {
        std::ifstream in(path, std::ios::binary);
        std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::string title = sidecar.value("title", "");
        if (title.empty() || html.find(title) == std::string::npos) continue;
        // Some pages print the headline with every non-ASCII letter as a hex
        // character reference (Báo Chính phủ's h1): cut there too.
        std::string encoded;
        for (std::size_t k = 0; k < title.size();) {
            char32_t cp = text::decode_utf8(title, k);
            encoded += cp < 0x80 ? std::string(1, static_cast<char>(cp))
                                 : fmt::format("&#x{:X};", static_cast<std::uint32_t>(cp));
        }
        std::vector<std::string> pieces;
        std::size_t from = 0;
        for (;;) {
            auto raw = html.find(title, from), enc = html.find(encoded, from);
            if (raw == std::string::npos && enc == std::string::npos) break;
            bool is_raw = raw <= enc;
            auto at = is_raw ? raw : enc;
            pieces.push_back(html.substr(from, at - from));
            from = at + (is_raw ? title : encoded).size();
        }
        pieces.push_back(html.substr(from));
        pieces.push_back(title);  // the last element: the headline itself
        bytes += html.size();
        pages->push_back(std::move(pieces));
    }
    if (pages->empty()) return std::nullopt;
    Mirror m;
    m.what = fmt::format("the {} real article pages of ../shared/data/vn-dev ({} KB on average), every copy "
                         "headlined \"{}: ...\"",
                         pages->size(), bytes / pages->size() / 1024, province);
    m.page = [pages](int h, int i) {
        const auto& pieces = (*pages)[static_cast<std::size_t>(h * 7 + i) % pages->size()];
        std::string headline = fmt::format("{}: {} (bài {}-{})", province, pieces.back(), h, i);
        std::string html = pieces[0];
        for (std::size_t k = 1; k + 1 < pieces.size(); ++k) html += headline + pieces[k];
        return html;
    };
    return m;
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
[[noreturn]] void serve(int port_pipe, int pages, const Mirror& mirror) {
    httplib::Server s;
    // A thread per connection the crawler may keep open (libcurl keeps up
    // to twice its concurrency): httplib's default pool of 8 leaves the
    // other connections waiting while idle keep-alive ones hold a thread
    // for 5 s, and the crawl then measures that wait.
    s.new_task_queue = [] { return new httplib::ThreadPool(64); };
    int per_host = pages / hosts;
    int port = s.bind_to_any_port("127.0.0.1");
    s.Get(R"(/rss\.xml)", [&](const httplib::Request& req, httplib::Response& res) {
        int h = std::atoi(req.get_header_value("Host").c_str() + 1);
        res.set_content(feed(h, per_host, port), "application/rss+xml");
    });
    s.Get(R"(/tin/(\d+)-bai-(\d+)\.html)", [&](const httplib::Request& req, httplib::Response& res) {
        int h = std::stoi(req.matches[1]);
        if (h < 0 || h >= hosts) {
            res.status = 404;
            return;
        }
        auto html = std::make_shared<std::string>(mirror.page(h, std::stoi(req.matches[2])));
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
int run(int pages, const Mirror& mirror, bool all_clippings) {
    int fds[2];
    if (pipe(fds) != 0) std::exit(1);
    pid_t server = fork();
    if (server == 0) serve(fds[1], pages, mirror);
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
    std::vector<std::string> html;
    for (int k = 0; k < sample; ++k) html.push_back(mirror.page(k % hosts, k / hosts));
    // Median of three rounds: one round on a shared machine varied from 6.5
    // to 9.2 ms a page between runs of the same build.
    std::vector<double> rounds;
    for (int r = 0; r < 3; ++r) {
        double g0 = cpu_seconds();
        for (const auto& p : html) {
            GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, p.data(), p.size());
            gumbo_destroy_output(&kGumboDefaultOptions, out);
        }
        rounds.push_back((cpu_seconds() - g0) / sample);
    }
    std::sort(rounds.begin(), rounds.end());
    double gumbo = rounds[1];
    std::filesystem::remove_all(dir);

    double n = std::max(1, sum.total.fetched);
    auto ms = [&](double s) { return s / n * 1e3; };
    const auto& c = sum.cpu;
    double per_page = cpu / n;
    std::printf("pages %d: fetched %d, stored %d, clippings %d, errors %d, wall %.1f s, %.0f pages/s end to end; "
                "crawler CPU %.2f ms/page (fetch %.2f, decode %.2f, extract %.2f, triage %.2f, snapshot %.2f, "
                "store %.2f, index %.2f); mirror server %.2f ms/page; gumbo alone %.2f ms/page (median of 3 rounds); "
                "pipeline/gumbo %.2fx; peak RSS %ld MB\n",
                pages, sum.total.fetched, sum.total.new_articles, sum.total.new_clippings, sum.total.errors, wall, sum.total.fetched / wall,
                per_page * 1e3, ms(c.fetch), ms(c.decode), ms(c.extract), ms(c.triage), ms(c.snapshot), ms(c.store),
                ms(c.index), ms(server_cpu), gumbo * 1e3, per_page / gumbo, peak);
    int expected = pages / hosts * hosts;
    bool whole = sum.total.fetched == expected && sum.total.new_articles == expected && sum.total.errors == 0;
    if (!whole)
        std::printf("FAILED: %d pages served, %d fetched, %d stored, %d errors\n", expected, sum.total.fetched,
                    sum.total.new_articles, sum.total.errors);
    if (all_clippings && sum.total.new_clippings != expected) {
        std::printf("FAILED: every page names the province, but %d of %d became clippings\n", sum.total.new_clippings,
                    expected);
        whole = false;
    }
    std::fflush(stdout);
    return whole ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    bool all_clippings = false;
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--clippings") {
            all_clippings = true;
        } else if (int n = std::atoi(a.c_str()); n >= hosts) {
            sizes.push_back(n);
        } else {
            std::fprintf(stderr, "bench_crawl: '%s' is not a page count of at least %d or --clippings\n"
                                 "usage: bench_crawl [--clippings] [PAGES...]\n", a.c_str(), hosts);
            return 2;
        }
    }
    if (sizes.empty()) sizes = {5000, 10000};
    std::optional<Mirror> mirror;
    if (all_clippings) {
        mirror = real_mirror();
        if (!mirror) {
            std::printf("bench_crawl --clippings: ../shared/data/vn-dev not found, generated pages instead\n");
            mirror = generated_mirror(170 * 1024, true);
        }
    } else {
        mirror = generated_mirror(100 * 1024, false);
    }
    std::printf("bench_crawl: %d hosts on 127.0.0.1, %s; interval 0, concurrency 16, 2 per host\n", hosts,
                mirror->what.c_str());
    std::fflush(stdout);  // before fork, or the children print it again
    int failures = 0;
    for (int n : sizes) {
        pid_t child = fork();
        if (child == 0) _exit(run(n, *mirror, all_clippings));
        int status = 0;
        waitpid(child, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++failures;
    }
    return failures ? 1 : 0;
}
