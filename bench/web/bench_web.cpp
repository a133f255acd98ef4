// bench_web: the web server under load (issue 16's benchmarks). On a data
// folder of the search benchmark's generated articles (all clippings), it
//  1. times the query mix in process, through pipeline::run_search (what
//     `presswatch search` and /api/v1/search both call): the baseline;
//  2. starts the built `presswatch serve --no-auth` on 127.0.0.1 (the one
//     next to this build: PRESSWATCH_BINARY), asks it
//     every query once in turn (the ids must be the in-process ones; the
//     times are the server at one connection);
//  3. weighs the search page with 20 results (gzip, everything it loads)
//     and checks that no script holds up its first render;
//  4. drives /api/v1/search with wrk (32 connections, --seconds, the mix
//     cycled) and reports p50/p95/p99 and errors against the targets;
//  5. keeps the load on for --memory-minutes in all, sampling the server's
//     VmRSS every few seconds, and compares RSS at the end with RSS after
//     one minute.
// Run with --help for options; docs/benchmarks.md records results.
#include <atomic>
#include <chrono>
#include <csignal>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include <unistd.h>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "bench/search/generator.h"
#include "bench/search/query_mix.h"
#include "bench/web/data_folder.h"
#include "bench/web/page_weight.h"
#include "bench/web/wrk_run.h"
#include "core/error.h"
#include "pipeline/search_page.h"
#include "store/store.h"
#include "tests/cli/serve_process.h"
#include "web/url.h"

using namespace presswatch;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

// The targets.
constexpr double target_p95_ms = 100;
constexpr double target_overhead_ms = 20;
constexpr double target_page_bytes = 150 * 1000;  // "150 KB"
constexpr double target_rss_growth = 0.10;
constexpr int in_process_rounds = 2;   // after a warm-up round, as bench_search
constexpr int rss_every_seconds = 5;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// This thread's CPU seconds: what a search costs whatever else the
// machine's cores are doing.
double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

std::string load_average() {
    std::ifstream f("/proc/loadavg");
    std::string a, b, c;
    f >> a >> b >> c;
    return fmt::format("{} {} {}", a, b, c);
}

struct Options {
    std::int64_t articles = 100'000;
    fs::path dir;
    bool rebuild = false;
    int seconds = 60;
    double memory_minutes = 10;
    int connections = 32;
    int wrk_threads = 2;
    std::size_t workers = 0;  // 0: serve's default
    bool in_process_only = false;
    fs::path answers;         // the mix's answers: written if absent, else compared
    fs::path binary = PRESSWATCH_BINARY;
    std::string only_class;   // run only this class of the mix (profiling)
};

// One request of the mix: the in-process call and the same as a URL.
struct Request {
    std::string cls;
    pipeline::SearchRequest search;
    std::string path;
};

std::vector<Request> requests(const bench::Generator& gen, std::int64_t articles) {
    std::vector<Request> out;
    for (const auto& q : bench::query_mix(gen, articles)) {
        // Ranking one syllable at a time is bench_search's baseline for
        // words typed together, not something the API offers.
        if (!q.options.rank_adjacent) continue;
        Request r;
        r.cls = q.cls;
        r.search.query = q.text;
        r.search.facets = q.options.facets;
        r.search.collapse = q.options.collapse;
        r.search.sort = q.options.sort == index::SortOrder::date ? "date" : "";
        r.search.limit = 20;
        r.path = "/api/v1/search?q=" + web::url_encode(q.text) + "&limit=20";
        if (r.search.facets) r.path += "&facets=1";
        if (r.search.collapse) r.path += "&collapse=1";
        if (!r.search.sort.empty()) r.path += "&sort=" + r.search.sort;
        out.push_back(std::move(r));
    }
    return out;
}

// The built `presswatch serve --no-auth` on a free port of 127.0.0.1, as
// the tests run it (tests/cli/serve_process.h); its output in DIR/serve.log.
class Serve {
public:
    explicit Serve(const Options& o)
        : process_(o.binary.string(), args(o), o.dir / "serve.log") {
        port_ = process_.wait_for_port(std::chrono::seconds(120));
    }
    ~Serve() { stop(); }
    // The exit status after SIGTERM (0: a clean, graceful stop).
    int stop() {
        if (!stopped_) {
            process_.signal(SIGTERM);
            status_ = process_.wait_exit();
            stopped_ = true;
        }
        return status_;
    }
    pid_t pid() const { return process_.pid(); }
    int port() const { return port_; }

    // VmRSS in KB from /proc/PID/status.
    long rss_kb() const {
        std::ifstream f(fmt::format("/proc/{}/status", pid()));
        for (std::string line; std::getline(f, line);)
            if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
        return 0;
    }
    // User + system CPU seconds of every thread so far (/proc/PID/stat).
    double cpu_seconds() const {
        std::ifstream f(fmt::format("/proc/{}/stat", pid()));
        std::string s((std::istreambuf_iterator<char>(f)), {});
        std::istringstream in(s.substr(s.rfind(')') + 2));
        std::string field;
        double ut = 0, st = 0;
        for (int i = 3; i <= 15 && in >> field; ++i) {
            if (i == 14) ut = std::stod(field);
            if (i == 15) st = std::stod(field);
        }
        return (ut + st) / static_cast<double>(sysconf(_SC_CLK_TCK));
    }

private:
    static std::vector<std::string> args(const Options& o) {
        std::vector<std::string> a = {"serve", "--listen", "127.0.0.1:0", "--no-auth", "--data", o.dir.string()};
        if (o.workers) {
            a.push_back("--workers");
            a.push_back(std::to_string(o.workers));
        }
        // A fresh log each run: the port is read from it.
        std::filesystem::remove(o.dir / "serve.log");
        return a;
    }
    testing::Process process_;
    int port_ = 0;
    int status_ = 0;
    bool stopped_ = false;
};

// VmRSS every few seconds on a thread, from when load starts.
class RssSampler {
public:
    explicit RssSampler(const Serve& p) : thread_([this, &p] { run(p); }) {}
    ~RssSampler() { finish(); }
    void finish() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
    }
    std::vector<std::pair<double, long>> series() {
        std::lock_guard l(mu_);
        return series_;
    }

private:
    void run(const Serve& p) {
        auto t0 = Clock::now();
        for (int tick = 0; !stop_; ++tick) {
            {
                std::lock_guard l(mu_);
                series_.emplace_back(seconds_since(t0), p.rss_kb());
            }
            auto next = t0 + std::chrono::seconds((tick + 1) * rss_every_seconds);
            while (!stop_ && Clock::now() < next) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
    std::atomic<bool> stop_{false};
    std::mutex mu_;
    std::vector<std::pair<double, long>> series_;
    std::thread thread_;
};

std::string ratio(double value, double target) { return fmt::format("{:.2f} x target", value / target); }
const char* verdict(bool met) { return met ? "met" : "NOT met"; }

void print_percentiles(const std::string& label, const std::vector<double>& v) {
    std::cout << fmt::format("  {:<34}{:>7}{:>9.2f}{:>9.2f}{:>9.2f}{:>9.2f}\n", label, v.size(),
                             bench::percentile(v, .5), bench::percentile(v, .95), bench::percentile(v, .99),
                             v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()));
}

void print_wrk(const std::string& label, const bench::WrkRun& r, double cpu_seconds) {
    std::cout << fmt::format("  {}: {} requests in {:.1f} s = {:.0f}/s; latency ms p50 {:.2f}  p90 {:.2f}  p95 {:.2f}  "
                             "p99 {:.2f}  max {:.2f}  mean {:.2f}\n",
                             label, r.requests, r.seconds, r.rate(), r.p50_ms, r.p90_ms, r.p95_ms, r.p99_ms, r.max_ms,
                             r.mean_ms);
    std::cout << fmt::format("    errors: {} non-2xx, {} socket (connect {}, read {}, write {}, timeout {}); server CPU "
                             "{:.2f} ms a request\n",
                             r.non2xx, r.socket_errors(), r.connect_errors, r.read_errors, r.write_errors, r.timeouts,
                             r.requests ? 1e3 * cpu_seconds / static_cast<double>(r.requests) : 0.0);
}

// What a query's first page must keep whatever makes it cheaper: ids,
// totals, facet counts, collapse counts and snippets (search_page_json
// without the weights, which only order).
nlohmann::json answer_of(const Request& r, const pipeline::SearchPage& page) {
    nlohmann::json j = pipeline::search_page_json(page);
    for (auto& h : j["hits"]) h.erase("weight");
    j["class"] = r.cls;
    j["path"] = r.path;
    return j;
}

// Writes the answers to file when it does not exist yet (the old build's
// run), else compares them field by field with it; returns how many
// queries differ.
std::size_t check_answers(const fs::path& file, const nlohmann::json& answers) {
    if (!fs::exists(file)) {
        std::ofstream(file) << answers.dump(1) << "\n";
        std::cout << fmt::format("answers: {} queries' first pages written to {}\n", answers.size(), file.string());
        return 0;
    }
    std::ifstream in(file);
    nlohmann::json want = nlohmann::json::parse(in);
    std::size_t differ = 0;
    std::map<std::string, std::size_t> by_field;
    for (std::size_t i = 0; i < answers.size(); ++i) {
        const auto& got = answers[i];
        if (i >= want.size() || want[i]["path"] != got["path"]) {
            ++differ;
            ++by_field["query"];
            continue;
        }
        bool same = true;
        for (const char* field : {"total", "total_exact", "facets", "hits"})
            if (want[i].value(field, nlohmann::json()) != got.value(field, nlohmann::json())) {
                ++by_field[field];
                same = false;
                if (by_field[field] <= 2)
                    std::cout << fmt::format("  answer differs in {} for {}\n", field, got["path"].get<std::string>());
            }
        differ += same ? 0 : 1;
    }
    std::cout << fmt::format("answers: {} of {} queries differ from {} (ids, totals, facets, snippets, collapse "
                             "counts){}\n",
                             differ, answers.size(), file.string(), differ ? "" : ": all the same");
    for (const auto& [field, n] : by_field) std::cout << fmt::format("  {}: {} queries\n", field, n);
    return differ;
}

void print_in_process(const std::vector<std::string>& classes, std::map<std::string, std::vector<double>>& in_class,
                      const std::vector<double>& in_all, std::map<std::string, double>& in_class_cpu, double in_cpu) {
    std::cout << fmt::format("  {:<34}{:>7}{:>9}{:>9}{:>9}{:>9}{:>9}\n", "in process (pipeline::run_search)", "n",
                             "p50", "p95", "p99", "max", "CPU");
    auto row = [](const std::string& label, const std::vector<double>& v, double cpu) {
        std::cout << fmt::format("  {:<34}{:>7}{:>9.2f}{:>9.2f}{:>9.2f}{:>9.2f}{:>9.2f}\n", label, v.size(),
                                 bench::percentile(v, .5), bench::percentile(v, .95), bench::percentile(v, .99),
                                 v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()),
                                 v.empty() ? 0.0 : 1e3 * cpu / static_cast<double>(v.size()));
    };
    for (const auto& c : classes) row(c, in_class[c], in_class_cpu[c]);
    row("all", in_all, in_cpu);
    std::cout << "  (CPU: the thread's mean CPU ms a search)\n";
}

int run(const Options& o) {
    std::cout << fmt::format("bench_web: {} articles (all clippings) in {}; load average at start {}\n", o.articles,
                             o.dir.string(), load_average());
    bench::Generator gen;
    auto built = bench::ensure_data_folder(o.dir, o.articles, gen, o.rebuild);
    if (built["reused"].get<bool>())
        std::cout << "data folder: reused (built earlier by bench_web; --rebuild to build again)\n";
    else
        std::cout << fmt::format("data folder: stored in {:.0f} s, indexed in {:.0f} s\n",
                                 built["store_seconds"].get<double>(), built["index_seconds"].get<double>());

    auto mix = requests(gen, o.articles);
    if (!o.only_class.empty())
        std::erase_if(mix, [&](const Request& r) { return r.cls != o.only_class; });
    std::vector<std::string> classes;
    for (const auto& r : mix)
        if (std::find(classes.begin(), classes.end(), r.cls) == classes.end()) classes.push_back(r.cls);

    // 1. In process: the baseline.
    std::map<std::string, std::vector<double>> in_class;
    std::vector<double> in_all;
    double in_cpu = 0;
    std::map<std::string, double> in_class_cpu;
    std::vector<std::vector<std::int64_t>> ids(mix.size());
    nlohmann::json answers = nlohmann::json::array();
    {
        store::Store store(o.dir);
        for (int round = 0; round <= in_process_rounds; ++round) {
            for (std::size_t i = 0; i < mix.size(); ++i) {
                auto t0 = Clock::now();
                double c0 = thread_cpu_seconds();
                auto page = pipeline::run_search(store, mix[i].search);
                double ms = seconds_since(t0) * 1e3;
                if (round > 0) {
                    double cpu = thread_cpu_seconds() - c0;
                    in_cpu += cpu;
                    in_class_cpu[mix[i].cls] += cpu;
                }
                if (round == 0) {
                    for (const auto& row : page.rows) ids[i].push_back(row.article.id);
                    answers.push_back(answer_of(mix[i], page));
                } else {
                    in_class[mix[i].cls].push_back(ms);
                    in_all.push_back(ms);
                }
            }
        }
    }

    std::size_t answers_differ = o.answers.empty() ? 0 : check_answers(o.answers, answers);
    if (o.in_process_only) {
        print_in_process(classes, in_class, in_all, in_class_cpu, in_cpu);
        return answers_differ ? 1 : 0;
    }

    Serve serve(o);
    int port = serve.port();
    std::cout << fmt::format("presswatch serve (pid {}) on 127.0.0.1:{}, --no-auth{}\n", serve.pid(), port,
                             o.workers ? fmt::format(", --workers {}", o.workers) : std::string());

    // 2. Every query once, one connection: same ids as in process?
    std::map<std::string, std::vector<double>> one_class;
    std::vector<double> one_all;
    std::size_t mismatched = 0, failed = 0;
    double one_cpu = 0;
    {
        httplib::Client cli("127.0.0.1", port);
        cli.set_keep_alive(true);
        cli.set_read_timeout(30, 0);
        for (int round = 0; round < 2; ++round) {  // the first round warms the server's caches
            double cpu0 = serve.cpu_seconds();
            for (std::size_t i = 0; i < mix.size(); ++i) {
                auto t0 = Clock::now();
                auto res = cli.Get(mix[i].path);
                double ms = seconds_since(t0) * 1e3;
                if (!res || res->status != 200) {
                    failed += round;
                    continue;
                }
                if (round == 0) {
                    std::vector<std::int64_t> got;
                    auto answer = nlohmann::json::parse(res->body);
                    for (const auto& h : answer["hits"]) got.push_back(h["id"].get<std::int64_t>());
                    if (got != ids[i] && mismatched++ < 3)
                        std::cout << fmt::format("  ids differ for {}: server {} in process {}\n", mix[i].path,
                                                 fmt::join(got, ","), fmt::join(ids[i], ","));
                } else {
                    one_class[mix[i].cls].push_back(ms);
                    one_all.push_back(ms);
                }
            }
            if (round == 1) one_cpu = serve.cpu_seconds() - cpu0;
        }
    }

    std::cout << fmt::format("\nsearch latency, ms ({} queries: bench_search's classes x {}, top 20 with snippets)\n",
                             mix.size(), bench::queries_per_class);
    print_in_process(classes, in_class, in_all, in_class_cpu, in_cpu);
    std::cout << fmt::format("  {:<34}{:>7}{:>9}{:>9}{:>9}{:>9}\n", "server, 1 connection, HTTP", "n", "p50", "p95",
                             "p99", "max");
    for (const auto& c : classes) print_percentiles(c, one_class[c]);
    print_percentiles("all", one_all);
    double in_cpu_ms = 1e3 * in_cpu / static_cast<double>(in_all.size());
    double one_cpu_ms = 1e3 * one_cpu / static_cast<double>(one_all.size());
    std::cout << fmt::format("  CPU a search: in process {:.2f} ms, server at 1 connection {:.2f} ms (every thread of "
                             "the process): the server's own work {:.2f} ms a request ({:.2f} x)\n",
                             in_cpu_ms, one_cpu_ms, one_cpu_ms - in_cpu_ms, in_cpu_ms > 0 ? one_cpu_ms / in_cpu_ms : 0.0);
    std::cout << fmt::format("  ids of the first page: {} of {} queries differ from in process; {} failed\n",
                             mismatched, mix.size(), failed);

    // 3. Page weight: the search page of the first one-word query with 20 results.
    std::string page_query;
    for (std::size_t i = 0; i < mix.size() && page_query.empty(); ++i)
        if (mix[i].cls == "one word" && ids[i].size() == 20) page_query = mix[i].search.query;
    auto w = bench::measure_page("127.0.0.1", port, "/search?q=" + web::url_encode(page_query));
    std::cout << fmt::format("\npage weight: /search?q={} ({} results shown), Accept-Encoding: gzip\n", page_query,
                             w.results);
    for (const auto& r : w.resources)
        std::cout << fmt::format("  {:<40} {:<12} {:>4} {:>9} B sent{:>9} B decoded  {}\n", r.path, r.kind, r.status,
                                 r.transferred, r.decoded, r.encoding.empty() ? "not compressed" : r.encoding);
    std::cout << fmt::format("  total: {} B sent ({:.1f} KB), {} B decoded: {}, {} (target < 150 KB)\n", w.transferred,
                             static_cast<double>(w.transferred) / 1e3, w.decoded,
                             ratio(static_cast<double>(w.transferred), target_page_bytes),
                             verdict(static_cast<double>(w.transferred) < target_page_bytes));
    for (const auto& s : w.scripts) std::cout << "  script: " << s << "\n";
    for (const auto& s : w.off_site) std::cout << "  OFF-SITE resource: " << s << "\n";
    std::cout << fmt::format("  scripts that hold up the first render: {}: first render without waiting for a "
                             "script {}\n",
                             w.blocking_scripts.empty() ? "none" : fmt::format("{}", fmt::join(w.blocking_scripts, ", ")),
                             verdict(w.blocking_scripts.empty() && w.off_site.empty()));

    // 4 and 5. Load, with RSS sampled from its start.
    fs::path paths = o.dir / "wrk-paths.txt";
    {
        std::ofstream f(paths);
        for (const auto& r : mix) f << r.path << "\n";
    }
    bench::WrkOptions wo;
    wo.url = fmt::format("http://127.0.0.1:{}", port);
    wo.paths_file = paths;
    wo.script = fs::path(BENCH_WEB_SOURCE_DIR) / "search.lua";
    wo.threads = o.wrk_threads;
    wo.connections = o.connections;
    wo.seconds = o.seconds;
    std::cout << fmt::format("\nload: wrk -t{} -c{} -d{}s on /api/v1/search, the {} queries cycled; load average "
                             "before {}\n",
                             wo.threads, wo.connections, wo.seconds, mix.size(), load_average());
    RssSampler rss(serve);
    double cpu0 = serve.cpu_seconds();
    auto load = bench::run_wrk(wo);
    double cpu1 = serve.cpu_seconds();
    std::string load_after = load_average();
    print_wrk("measured run", load, cpu1 - cpu0);
    // Little's law: with every connection always waiting for an answer,
    // the mean latency is connections / throughput, whatever the server.
    std::cout << fmt::format("  {} connections / {:.0f} requests/s = {:.0f} ms mean latency by Little's law; the "
                             "server's CPU {:.0f} % of {} cores\n",
                             wo.connections, load.rate(), 1e3 * wo.connections / std::max(load.rate(), 1e-9),
                             100 * (cpu1 - cpu0) / load.seconds / std::thread::hardware_concurrency(),
                             std::thread::hardware_concurrency());
    double in95 = bench::percentile(in_all, .95);
    double overhead = load.p95_ms - in95;
    std::cout << fmt::format("  load average after: {}\n", load_after);
    std::cout << fmt::format("  p95 {:.2f} ms: {}, {} (<= {:.0f} ms)\n", load.p95_ms, ratio(load.p95_ms, target_p95_ms),
                             verdict(load.p95_ms <= target_p95_ms), target_p95_ms);
    std::cout << fmt::format("  errors {}: {} (zero)\n", load.non2xx + load.socket_errors(),
                             verdict(load.non2xx + load.socket_errors() == 0));
    std::cout << fmt::format("  server p95 / in-process p95: {:.2f} / {:.2f} ms = {:.1f} x; overhead {:.2f} ms: {}, "
                             "{} (<= {:.0f} ms)\n",
                             load.p95_ms, in95, in95 > 0 ? load.p95_ms / in95 : 0.0, overhead,
                             ratio(overhead, target_overhead_ms), verdict(overhead <= target_overhead_ms),
                             target_overhead_ms);
    std::cout << fmt::format("  (at 1 connection: server p95 {:.2f} ms, overhead over in process {:.2f} ms)\n",
                             bench::percentile(one_all, .95), bench::percentile(one_all, .95) - in95);

    int more = static_cast<int>(o.memory_minutes * 60) - o.seconds;
    if (more > 0) {
        wo.seconds = more;
        std::cout << fmt::format("\nmemory: the same load {} s more ({:.0f} min in all), VmRSS every {} s\n", more,
                                 o.memory_minutes, rss_every_seconds);
        cpu0 = serve.cpu_seconds();
        auto longer = bench::run_wrk(wo);
        print_wrk("continued run", longer, serve.cpu_seconds() - cpu0);
        std::cout << fmt::format("  load average after: {}\n", load_average());
    }
    rss.finish();
    auto series = rss.series();
    if (!series.empty()) {
        auto at = [&](double t) {
            long v = series.front().second;
            for (const auto& [s, kb] : series)
                if (s <= t + 0.5) v = kb;
            return v;
        };
        long lo = series.front().second, hi = lo;
        for (const auto& [s, kb] : series) lo = std::min(lo, kb), hi = std::max(hi, kb);
        std::cout << fmt::format("\nVmRSS of serve, MB ({} samples over {:.0f} s of load): start {:.1f}, min {:.1f}, "
                                 "max {:.1f}\n",
                                 series.size(), series.back().first, series.front().second / 1024.0, lo / 1024.0,
                                 hi / 1024.0);
        std::cout << "  by minute:";
        for (int m = 1; m * 60 <= series.back().first + rss_every_seconds; ++m)
            std::cout << fmt::format(" {}:{:.1f}", m, at(m * 60.0) / 1024.0);
        std::cout << "\n";
        if (o.memory_minutes > 1 && series.back().first >= 60) {
            double one = at(60), end = series.back().second;
            double growth = (end - one) / one;
            std::cout << fmt::format("  after 1 min {:.1f} MB, after {:.1f} min {:.1f} MB: {:+.1f} %: {}, {} "
                                     "(within 10 %)\n",
                                     one / 1024, series.back().first / 60, end / 1024, 100 * growth,
                                     ratio(std::abs(growth), target_rss_growth),
                                     verdict(std::abs(growth) <= target_rss_growth));
        }
    }
    int status = serve.stop();
    std::cout << fmt::format("\nserve stopped by SIGTERM: exit status {}{}\n", status, status ? " (NOT clean)" : "");
    return mismatched || failed || status || answers_differ ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    try {
        for (int i = 1; i < argc; ++i) {
            std::string a = argv[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= argc) throw InputError(a + " needs a value");
                return argv[++i];
            };
            if (a == "--articles") o.articles = std::stoll(value());
            else if (a == "--dir") o.dir = value();
            else if (a == "--rebuild") o.rebuild = true;
            else if (a == "--seconds") o.seconds = std::max(1, std::stoi(value()));
            else if (a == "--memory-minutes") o.memory_minutes = std::stod(value());
            else if (a == "--connections") o.connections = std::max(1, std::stoi(value()));
            else if (a == "--wrk-threads") o.wrk_threads = std::max(1, std::stoi(value()));
            else if (a == "--workers") o.workers = static_cast<std::size_t>(std::stoul(value()));
            else if (a == "--in-process-only") o.in_process_only = true;
            else if (a == "--answers") o.answers = value();
            else if (a == "--binary") o.binary = value();
            else if (a == "--class") o.only_class = value();
            else {
                std::cout << "usage: bench_web [--articles N (100000)] [--dir DIR] [--rebuild] [--seconds S (60)]\n"
                             "                 [--memory-minutes M (10; 0 or 1: no longer run)] [--connections C (32)]\n"
                             "                 [--wrk-threads T (2)] [--workers N (serve's default)]\n"
                             "                 [--in-process-only] [--answers FILE (write if absent, else compare)]\n"
                             "                 [--binary PATH (the presswatch to serve; default this build's)]\n"
                             "                 [--class NAME (only this class of the mix, e.g. to profile it)]\n";
                return a == "--help" ? 0 : 2;
            }
        }
        if (o.dir.empty()) o.dir = fs::temp_directory_path() / fmt::format("presswatch-bench-web-{}", o.articles);
        std::signal(SIGPIPE, SIG_IGN);
        return run(o);
    } catch (const std::exception& e) {
        std::cerr << "bench_web: " << e.what() << "\n";
        return 1;
    }
}
