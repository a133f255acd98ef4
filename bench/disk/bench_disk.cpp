// bench_disk: how much disk a year of crawling takes. Writes simulated days
// through the real libraries, as `crawl --every 15m` would: for each pass,
// the sources read (source_read), each new article queued and marked in
// the frontier, extracted text triaged and stored with its raw page
// (pipeline::Ingest: zstd snapshot), the index synced (pipeline::
// sync_index) and compacted when it has grown enough (pipeline::
// compact_index_if_due, as the crawler's IndexKeeper does), and old
// snapshots of non-clippings pruned (store::prune_snapshots, with the
// pass's simulated clock). Prints, every
// --report-every days, the database, snapshot and index bytes; at the end
// the measured total, a projection to 365 days when fewer were run (marked
// as such), and the ratio to the 20 GB target. Exits non-zero when the
// stored data is not what was generated (articles, clippings, snapshots
// kept and pruned, index). docs/benchmarks.md records results.
#include <algorithm>
#include <atomic>
#include <csignal>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>
#include <xapian.h>

#include "bench/disk/synthetic_page.h"
#include "bench/search/generator.h"
#include "config/config.h"
#include "config/operations.h"
#include "extract/extract.h"
#include "index/index.h"
#include "pipeline/index_compaction.h"
#include "pipeline/index_sync.h"
#include "pipeline/ingest.h"
#include "store/frontier.h"
#include "store/snapshot_codec.h"
#include "store/snapshot_dictionary.h"
#include "store/snapshot_pruning.h"
#include "store/source_health.h"
#include "store/store.h"
#include "text/dates.h"
#include "text/normalize.h"

using namespace presswatch;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// The target: a year in at most 20 GB (decimal: 20e9 bytes).
constexpr double target_bytes = 20e9;
constexpr int year_days = 365;
// What cli/cmd_crawl.cpp prunes after one pass at most.
constexpr std::size_t max_pruned_per_pass = 20000;
// The simulated period starts on 2026-01-01 00:00 in Vietnam.
const std::int64_t first_day = text::days_from_civil(2026, 1, 1) * 86400 - text::vietnam_offset_seconds;

// SIGINT or SIGTERM: stop after the simulated day in progress, and report
// and check the days run.
std::atomic<bool> stop_requested{false};
extern "C" void on_stop(int) { stop_requested.store(true); }

struct Options {
    int days = year_days;
    int per_day = 4000;
    int clippings_per_week = 150;
    int passes_per_day = 96;      // crawl --every 15m
    std::size_t page_kb = 170;    // raw page size
    int report_every = 30;        // days
    int snapshot_days = -1;       // -1: the configuration's [storage] snapshot_days
    fs::path data;                // kept when given
    bool compact = true;          // measure the index compacted at the end
    bool keeper_compaction = true;  // compact as the IndexKeeper does (--never-compact: not, for comparison)
};

void usage() {
    std::cout << "bench_disk [--days N] [--per-day N] [--clippings-per-week N] [--data DIR]\n"
                 "           [--passes-per-day N] [--page-kb N] [--report-every DAYS] [--snapshot-days N] [--no-compact]\n"
                 "           [--never-compact]\n"
                 "Simulates N days of crawling (default 365 at 4000 articles a day, 150 clippings a week)\n"
                 "through the store, the index and snapshot pruning, and prints the disk it takes.\n"
                 "--data DIR keeps the result there (DIR must be empty or absent); else a temporary folder.\n"
                 "At the end it also measures a compacted copy of the index (--no-compact: not).\n"
                 "The index is compacted as the crawler's index keeper does (--never-compact: never).\n";
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        auto number = [&](int lo) {
            std::string v = next();
            std::size_t used = 0;
            long n = 0;
            try {
                n = std::stol(v, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != v.size() || n < lo || n > 10'000'000)
                throw std::runtime_error(fmt::format("{} {}: write a whole number of at least {}", a, v, lo));
            return static_cast<int>(n);
        };
        if (a == "--days") o.days = number(1);
        else if (a == "--per-day") o.per_day = number(1);
        else if (a == "--clippings-per-week") o.clippings_per_week = number(0);
        else if (a == "--passes-per-day") o.passes_per_day = number(1);
        else if (a == "--page-kb") o.page_kb = static_cast<std::size_t>(number(1));
        else if (a == "--report-every") o.report_every = number(1);
        else if (a == "--snapshot-days") o.snapshot_days = number(0);
        else if (a == "--data") o.data = next();
        else if (a == "--no-compact") o.compact = false;
        else if (a == "--never-compact") o.keeper_compaction = false;
        else if (a == "--help" || a == "-h") {
            usage();
            std::exit(0);
        } else
            throw std::runtime_error(a + ": unknown option (see --help)");
    }
    if (o.clippings_per_week > 7 * o.per_day) throw std::runtime_error("--clippings-per-week exceeds the articles");
    return o;
}

std::uintmax_t tree_size(const fs::path& p) {
    std::uintmax_t total = 0;
    if (!fs::exists(p)) return 0;
    if (fs::is_regular_file(p)) return fs::file_size(p);
    for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file()) total += e.file_size();
    return total;
}

std::string gb(double bytes) { return fmt::format("{:.3f}", bytes / 1e9); }

// Every real outlet page of ../shared/data/vn-dev between 100 and 300 KB
// (articles, not the small error pages or the huge home pages), read for
// its size only: raw and compressed as the store compresses snapshots.
struct RealPages {
    std::size_t count = 0;
    double median_ratio = 0, median_raw = 0, median_compressed = 0;
    std::size_t articles = 0;
    double median_text = 0;  // headline + lead + body bytes extracted from the article pages
};

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

RealPages measure_real_pages() {
    RealPages r;
    fs::path dir = fs::path(PRESSWATCH_SOURCE_DIR) / ".." / "shared" / "data" / "vn-dev" / "html";
    if (!fs::is_directory(dir)) return r;
    std::vector<double> ratios, raws, packed, texts;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() != ".html") continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::string body((std::istreambuf_iterator<char>(in)), {});
        if (e.path().filename().string().find("__article__") != std::string::npos) {
            extract::ExtractOptions eo;
            eo.url = "https://example.vn/" + e.path().filename().string();
            auto page = extract::extract_page(body, eo);
            const auto& a = page.article;
            if (page.kind == extract::PageKind::article && !a.body.empty())
                texts.push_back(static_cast<double>(a.headline.size() + a.description.size() + a.body.size()));
        }
        auto size = e.file_size();
        if (size < 100'000 || size > 300'000) continue;
        double c = static_cast<double>(store::compress(body).size());
        raws.push_back(static_cast<double>(body.size()));
        packed.push_back(c);
        ratios.push_back(static_cast<double>(body.size()) / c);
    }
    r.count = ratios.size();
    r.median_ratio = median(ratios);
    r.median_raw = median(raws);
    r.median_compressed = median(packed);
    r.articles = texts.size();
    r.median_text = median(texts);
    return r;
}

// Real article pages compressed as the store does: alone, and with the
// outlet's dictionary, i.e. an earlier page of the same outlet
// (store/snapshot_dictionary.h): each page of an outlet after its first,
// with the page before it (by file name) as the dictionary. Pages of
// ../shared/data/vn-dev/html (outlet: the file name's prefix; article
// pages only) and extraction-dev/html (outlet: the host of the page's
// canonical or og:url link; sites with two pages or more). Also the CPU
// of compressing each way.
struct RealDictionary {
    std::string folder;
    std::size_t pages = 0, outlets = 0;
    double raw = 0, alone = 0, with = 0;  // sums of bytes
    double median_gain = 0;               // median of alone / with, a page
    double cpu_alone = 0, cpu_with = 0;   // seconds a page
};

double thread_cpu() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

std::string page_host(const std::string& html) {
    for (const char* marker : {"rel=\"canonical\"", "property=\"og:url\""}) {
        auto at = html.find(marker);
        if (at == std::string::npos) continue;
        auto tag = html.rfind('<', at);
        auto end = html.find('>', at);
        if (tag == std::string::npos || end == std::string::npos) continue;
        std::string t = html.substr(tag, end - tag);
        auto h = t.find("://");
        if (h == std::string::npos) continue;
        auto stop = t.find_first_of("/\"'", h + 3);
        return t.substr(h + 3, stop == std::string::npos ? std::string::npos : stop - h - 3);
    }
    return {};
}

RealDictionary measure_real_dictionary(const std::string& folder) {
    RealDictionary r;
    r.folder = folder;
    fs::path dir = fs::path(PRESSWATCH_SOURCE_DIR) / ".." / "shared" / "data" / folder / "html";
    if (!fs::is_directory(dir)) return r;
    std::map<std::string, std::vector<fs::path>> by_outlet;
    for (const auto& e : fs::directory_iterator(dir)) {
        std::string name = e.path().filename().string();
        if (e.path().extension() != ".html") continue;
        if (folder == "vn-dev") {
            if (name.find("__article__") == std::string::npos) continue;
            by_outlet[name.substr(0, name.find("__"))].push_back(e.path());
        } else {
            std::ifstream in(e.path(), std::ios::binary);
            std::string html((std::istreambuf_iterator<char>(in)), {});
            std::string host = page_host(html);
            if (!host.empty()) by_outlet[host].push_back(e.path());
        }
    }
    std::vector<double> gains;
    for (auto& [outlet, files] : by_outlet) {
        if (files.size() < 2) continue;
        ++r.outlets;
        std::sort(files.begin(), files.end());
        auto read = [](const fs::path& p) {
            std::ifstream in(p, std::ios::binary);
            return std::string((std::istreambuf_iterator<char>(in)), {});
        };
        std::string previous = read(files[0]);
        for (std::size_t i = 1; i < files.size(); ++i) {
            std::string page = read(files[i]);
            // As the store makes a dictionary of a page (the same cut).
            store::SnapshotDictionary d(1, previous.size() > store::SnapshotDictionaries::max_bytes
                                               ? previous.substr(0, store::SnapshotDictionaries::max_bytes - 65536) +
                                                     previous.substr(previous.size() - 65536)
                                               : previous);
            d.compress("");  // its tables, made once an outlet in the store
            double t0 = thread_cpu();
            std::string alone = store::compress(page);
            double t1 = thread_cpu();
            std::string with = d.compress(page);
            double t2 = thread_cpu();
            if (d.decompress(with) != page) throw std::runtime_error("a real page did not read back: " + files[i].string());
            r.pages++;
            r.raw += static_cast<double>(page.size());
            r.alone += static_cast<double>(alone.size());
            r.with += static_cast<double>(with.size());
            r.cpu_alone += t1 - t0;
            r.cpu_with += t2 - t1;
            gains.push_back(static_cast<double>(alone.size()) / static_cast<double>(with.size()));
            previous = std::move(page);
        }
    }
    r.median_gain = median(gains);
    if (r.pages) {
        r.cpu_alone /= static_cast<double>(r.pages);
        r.cpu_with /= static_cast<double>(r.pages);
    }
    return r;
}

// The generator writes some articles about places of the province; here
// which articles are clippings is set by the schedule alone.
const char* const province_places[] = {"Thanh Hóa", "Thanh Hoá", "THANH HÓA", "Nghi Sơn", "Sầm Sơn"};

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

std::string elsewhere(std::string s) {
    for (const char* p : province_places) s = replace_all(std::move(s), p, "Đà Nẵng");
    return s;
}

Article make_article(const index::Document& d, const std::string& domain, std::int64_t seq, std::int64_t published,
                     bool clipping) {
    Article a;
    a.headline = elsewhere(d.headline);
    a.description = elsewhere(d.lead);
    a.body = elsewhere(d.body);
    if (clipping) {
        // What a story about the province says: the province in the
        // headline and the lead, the provincial authorities in the body.
        a.headline += " ở Thanh Hóa";
        a.description = "Tỉnh Thanh Hóa: " + a.description;
        a.body = "Ủy ban nhân dân tỉnh Thanh Hóa cho biết " + a.body;
    }
    std::string headline_slug = text::ascii_slug(a.headline.substr(0, 60));
    a.url = fmt::format("https://{}/{}-{}.html", domain, headline_slug, 100000 + seq);
    a.author = d.author;
    a.published = published;
    a.published_raw = text::iso_date(published);
    a.section = d.topics.empty() ? "" : d.topics.front();
    a.language = "vi";
    a.keywords = d.topics;
    return a;
}

std::string response_headers(std::int64_t fetched, std::size_t length, std::int64_t seq) {
    return fmt::format(
        "content-type: text/html; charset=utf-8\ncontent-length: {}\ndate: {}\nserver: nginx\n"
        "cache-control: public, max-age=60\netag: \"{:016x}\"\nx-cache: HIT\nvary: Accept-Encoding\n"
        "strict-transport-security: max-age=31536000\n",
        length, fetched, static_cast<std::uint64_t>(seq) * 0x9E3779B97F4A7C15ull);
}

struct Sizes {
    int day = 0;
    std::int64_t articles = 0;
    std::uintmax_t db = 0, index = 0, other = 0, total = 0;
    std::int64_t snapshots_clip = 0, snapshots_other = 0;
    std::int64_t snapshot_bytes_clip = 0, snapshot_bytes_other = 0;
    std::int64_t free_bytes = 0;
};

Sizes measure(store::Store& store, int day) {
    Sizes s;
    s.day = day;
    const fs::path data = store.data_dir();
    for (const char* f : {"presswatch.db", "presswatch.db-wal", "presswatch.db-shm"}) s.db += tree_size(data / f);
    s.index = tree_size(pipeline::index_dir(store));
    s.total = tree_size(data);
    s.other = s.total - s.db - s.index;
    auto& db = store.db();
    auto q = db.prepare("SELECT count(*) FROM article");
    q.step();
    s.articles = q.int64(0);
    // length() of a blob reads its size, not its pages.
    auto snaps = db.prepare(
        "SELECT a.clipping, count(*), COALESCE(sum(length(s.body)), 0) FROM snapshot s "
        "JOIN article a ON a.id = s.article_id GROUP BY a.clipping");
    while (snaps.step()) {
        (snaps.int64(0) ? s.snapshots_clip : s.snapshots_other) = snaps.int64(1);
        (snaps.int64(0) ? s.snapshot_bytes_clip : s.snapshot_bytes_other) = snaps.int64(2);
    }
    auto fl = db.prepare("SELECT (SELECT freelist_count FROM pragma_freelist_count) * "
                         "(SELECT page_size FROM pragma_page_size)");
    fl.step();
    s.free_bytes = fl.int64(0);
    return s;
}

void print_header() {
    std::cout << fmt::format("{:>5} {:>10} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8}\n", "day", "articles",
                             "db GB", "snap GB", "(clip)", "free GB", "index GB", "other GB", "total GB",
                             "KB/art");
}

void print_row(const Sizes& s) {
    double per = s.articles ? static_cast<double>(s.total) / static_cast<double>(s.articles) / 1e3 : 0;
    std::cout << fmt::format("{:>5} {:>10} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8.1f}\n", s.day, s.articles,
                             gb(static_cast<double>(s.db)),
                             gb(static_cast<double>(s.snapshot_bytes_clip + s.snapshot_bytes_other)),
                             gb(static_cast<double>(s.snapshot_bytes_clip)), gb(static_cast<double>(s.free_bytes)),
                             gb(static_cast<double>(s.index)), gb(static_cast<double>(s.other)),
                             gb(static_cast<double>(s.total)), per);
}

// Pages per table and index (SQLite's dbstat), largest first.
void print_tables(store::Database& db) {
    try {
        auto q = db.prepare("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 12");
        std::cout << "\nlargest tables and indexes (SQLite dbstat):\n";
        while (q.step()) std::cout << fmt::format("  {:<28} {:>10} MB\n", q.text(0), q.int64(1) / 1'000'000);
    } catch (const std::exception& e) {
        std::cout << "\n(per-table sizes unavailable: " << e.what() << ")\n";
    }
}

// Mean bytes of an article's stored columns: what the text and triage's
// decision weigh in the database.
void print_article_columns(store::Database& db) {
    auto q = db.prepare(
        "SELECT avg(length(headline) + length(lead)), avg(length(body)), avg(length(decision)), "
        "avg(length(url) + length(author) + length(keywords) + length(content_hash) + length(published_raw)) "
        "FROM article");
    if (!q.step()) return;
    std::cout << fmt::format("mean bytes an article row: headline+lead {:.0f}, body {:.0f}, triage decision JSON {:.0f}, "
                             "url/author/keywords/hash/date {:.0f}\n",
                             q.real(0), q.real(1), q.real(2), q.real(3));
}

// The index's files: Xapian's glass tables (postlist: postings and the
// value streams; termlist: each document's terms and values; position,
// docdata, spelling, synonym).
void print_index_files(const fs::path& index) {
    std::vector<std::pair<std::uintmax_t, std::string>> files;
    for (const auto& e : fs::directory_iterator(index))
        if (e.is_regular_file() && e.file_size() > 0) files.emplace_back(e.file_size(), e.path().filename().string());
    std::sort(files.rbegin(), files.rend());
    std::cout << "index files:";
    for (const auto& [size, name] : files)
        if (size >= 1'000'000) std::cout << fmt::format(" {} {} MB,", name, size / 1'000'000);
    std::cout << "\n";
}

// What a compaction (xapian-compact) would make of the index, which the
// crawler's incremental commits leave with part-filled blocks: into a
// scratch folder beside it, removed after.
void print_compacted_index(const fs::path& index) {
    fs::path out = index.parent_path() / "index-compacted.tmp";
    fs::remove_all(out);
    auto t = Clock::now();
    Xapian::Database(index.string()).compact(out.string());
    double secs = std::chrono::duration<double>(Clock::now() - t).count();
    auto before = static_cast<double>(tree_size(index)), after = static_cast<double>(tree_size(out));
    std::cout << fmt::format("index compacted (Xapian::Database::compact, {:.0f} s): {} GB -> {} GB ({:.0f} % less)\n",
                             secs, gb(before), gb(after), before > 0 ? 100 * (1 - after / before) : 0.0);
    fs::remove_all(out);
}

std::int64_t count(store::Database& db, const std::string& sql, std::int64_t bind = 0) {
    auto q = db.prepare(sql);
    if (sql.find("?1") != std::string::npos) q.bind(1, bind);
    q.step();
    return q.int64(0);
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    try {
        opt = parse(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "bench_disk: " << e.what() << "\n";
        return 2;
    }
    const bool keep = !opt.data.empty();
    fs::path data = keep ? opt.data : fs::temp_directory_path() / fmt::format("pw-bench-disk-{}", ::getpid());
    if (fs::exists(data) && !fs::is_empty(data)) {
        std::cerr << "bench_disk: " << data.string() << " is not empty: give an empty or new folder to --data\n";
        return 2;
    }
    int status = 0;
    try {
        auto cfg = config::load_config();
        if (opt.snapshot_days < 0) opt.snapshot_days = config::operations_settings(cfg).snapshot_days;
        if (cfg.outlets.empty()) throw std::runtime_error("the configuration lists no outlets");

        std::cout << fmt::format(
            "bench_disk: {} days x {} articles a day ({} clippings a week), {} crawl passes a day, {} KB raw pages, "
            "non-clipping snapshots kept {} days, {} outlets\n",
            opt.days, opt.per_day, opt.clippings_per_week, opt.passes_per_day, opt.page_kb, opt.snapshot_days,
            cfg.outlets.size());

        bench::Generator gen;
        bench::SyntheticPage pages(gen.vocabulary());
        const std::size_t raw_bytes = opt.page_kb * 1000;

        // The snapshot's compressed size against real pages'.
        auto real = measure_real_pages();
        {
            auto d = gen.article(1);
            auto a = make_article(d, "bao.example.vn", 0, first_day, false);
            std::string page = pages.page(a, "bao.example.vn", 0, raw_bytes);
            double c = static_cast<double>(store::compress(page).size());
            std::cout << fmt::format("synthetic page: {:.0f} KB raw, {:.1f} KB zstd-3 (ratio {:.2f})\n",
                                     static_cast<double>(page.size()) / 1e3, c / 1e3,
                                     static_cast<double>(page.size()) / c);
            if (real.count)
                std::cout << fmt::format(
                    "real pages (../shared/data/vn-dev, {} pages of 100-300 KB, sizes only): median {:.0f} KB raw, "
                    "{:.1f} KB zstd-3, median ratio {:.2f}; a {} KB real page: ~{:.1f} KB; synthetic/real: {:.2f}\n",
                    real.count, real.median_raw / 1e3, real.median_compressed / 1e3, real.median_ratio, opt.page_kb,
                    static_cast<double>(raw_bytes) / real.median_ratio / 1e3,
                    c / (static_cast<double>(raw_bytes) / real.median_ratio));
            else
                std::cout << "real pages: ../shared/data/vn-dev absent, no comparison (skipped)\n";
            {
                // The same outlet's next page with this one as its dictionary.
                auto a2 = make_article(gen.article(2), "bao.example.vn", 1, first_day, false);
                std::string next = pages.page(a2, "bao.example.vn", 1, raw_bytes);
                store::SnapshotDictionary d(1, page);
                double w = static_cast<double>(d.compress(next).size());
                std::cout << fmt::format("synthetic page with the previous page of its outlet as dictionary: {:.1f} KB "
                                         "(alone {:.1f} KB, {:.2f} times smaller)\n",
                                         w / 1e3, static_cast<double>(store::compress(next).size()) / 1e3,
                                         static_cast<double>(store::compress(next).size()) / w);
            }
            for (const char* folder : {"vn-dev", "extraction-dev"}) {
                auto rd = measure_real_dictionary(folder);
                if (!rd.pages) {
                    std::cout << fmt::format("real pages with a dictionary: ../shared/data/{} absent (skipped)\n", folder);
                    continue;
                }
                std::cout << fmt::format(
                    "real pages with the previous page of their outlet as dictionary ({}: {} pages of {} outlets): "
                    "{:.1f} KB raw, {:.1f} KB alone, {:.1f} KB with it (a page, mean): {:.2f} times smaller in all, "
                    "median {:.2f} a page; CPU {:.2f} ms alone, {:.2f} ms with it\n",
                    folder, rd.pages, rd.outlets, rd.raw / rd.pages / 1e3, rd.alone / rd.pages / 1e3,
                    rd.with / rd.pages / 1e3, rd.alone / rd.with, rd.median_gain, rd.cpu_alone * 1e3, rd.cpu_with * 1e3);
            }
            std::vector<double> texts;
            for (std::int64_t id = 1; id <= 400; ++id) {
                auto g = make_article(gen.article(id), "bao.example.vn", id, first_day, false);
                texts.push_back(static_cast<double>(g.headline.size() + g.description.size() + g.body.size()));
            }
            std::cout << fmt::format("article text (headline + lead + body): synthetic median {:.1f} KB", median(texts) / 1e3);
            if (real.articles)
                std::cout << fmt::format(", real (vn-dev, {} article pages, extracted) median {:.1f} KB", real.articles,
                                         real.median_text / 1e3);
            std::cout << "\n";
        }

        store::Store store(data);
        store.sync_outlets(cfg.outlets);
        store::Frontier frontier(store.db());
        store::SourceHealth health(store.db());
        pipeline::Ingest ingest(cfg, store);

        struct Source { std::string url, outlet, kind; };
        std::vector<Source> sources;
        for (const auto& o : cfg.outlets) {
            for (const auto& u : o.feeds) sources.push_back({u, o.slug, "feed"});
            for (const auto& u : o.sitemaps) sources.push_back({u, o.slug, "sitemap"});
            for (const auto& u : o.listings) sources.push_back({u, o.slug, "listing"});
        }
        std::cout << fmt::format("{} sources read each pass (source_read rows)\n", sources.size());
        std::cout << fmt::format("data folder: {}{}\n\n", data.string(), keep ? "" : " (removed at the end)");

        const std::int64_t week_articles = std::int64_t{7} * opt.per_day;
        // Article seq is a clipping when the running count of clippings due
        // (clippings_per_week spread evenly over the week's articles) steps.
        auto is_clipping = [&](std::int64_t seq) {
            return (seq + 1) * opt.clippings_per_week / week_articles > seq * opt.clippings_per_week / week_articles;
        };

        print_header();
        std::vector<Sizes> rows;
        std::int64_t seq = 0, intended_clippings = 0, triage_disagreed = 0, not_inserted = 0;
        std::int64_t now = first_day;
        const std::int64_t pass_seconds = 86400 / opt.passes_per_day;
        auto started = Clock::now();
        // Wall seconds in each step, to say where the benchmark's time goes.
        double t_generate = 0, t_store = 0, t_index = 0, t_prune = 0, t_compact = 0;
        // The keeper's compactions: how many, the last one's result, and
        // the most the data folder held (during a compaction: the
        // database, the old index and the new copy at once).
        int compactions = 0;
        index::CompactResult last_compaction;
        std::uintmax_t peak_bytes = 0;
        auto lap = [](Clock::time_point& t) {
            auto n = Clock::now();
            double d = std::chrono::duration<double>(n - t).count();
            t = n;
            return d;
        };
        std::signal(SIGINT, on_stop);
        std::signal(SIGTERM, on_stop);
        for (int day = 0; day < opt.days; ++day) {
            for (int pass = 0; pass < opt.passes_per_day; ++pass) {
                const std::int64_t pass_start = first_day + std::int64_t{day} * 86400 + pass * pass_seconds;
                const std::int64_t n = std::int64_t{opt.per_day} * (pass + 1) / opt.passes_per_day -
                                       std::int64_t{opt.per_day} * pass / opt.passes_per_day;
                auto t = Clock::now();
                for (const auto& s : sources)
                    health.record({s.url, s.outlet, s.kind, pass_start, 200, 40,
                                   static_cast<int>(n / static_cast<std::int64_t>(sources.size()) + 1), ""});
                for (std::int64_t k = 0; k < n; ++k, ++seq) {
                    const auto& outlet = cfg.outlets[static_cast<std::size_t>(seq) % cfg.outlets.size()];
                    const std::string domain = outlet.domains.empty() ? outlet.slug + ".vn" : outlet.domains.front();
                    const std::int64_t fetched = pass_start + k * pass_seconds / std::max<std::int64_t>(n, 1);
                    const bool clipping = is_clipping(seq);
                    intended_clippings += clipping;
                    t_store += lap(t);
                    auto a = make_article(gen.article(seq + 1), domain, seq, fetched - 600, clipping);
                    frontier.add(a.url, outlet.slug, "article", sources.empty() ? "" : sources.front().url,
                                 a.published, fetched);
                    store::Snapshot snap;
                    snap.url = a.url;
                    snap.fetched = fetched;
                    snap.body = pages.page(a, domain, seq, raw_bytes);
                    snap.headers = response_headers(fetched, snap.body.size(), seq);
                    t_generate += lap(t);
                    auto r = ingest.article(outlet.slug, a, snap);
                    frontier.mark_done(a.url, 200, a.url, fetched);
                    not_inserted += !r.inserted;
                    triage_disagreed += r.clipping != clipping;
                }
                now = pass_start + pass_seconds;
                // As cmd_crawl.cpp after each pass: the index, then pruning.
                t_store += lap(t);
                pipeline::sync_index(store);
                t_index += lap(t);
                if (opt.keeper_compaction) {
                    if (auto c = pipeline::compact_index_if_due(store)) {
                        ++compactions;
                        last_compaction = *c;
                        const fs::path d = store.data_dir();
                        std::uintmax_t db_bytes = tree_size(d / "presswatch.db") + tree_size(d / "presswatch.db-wal");
                        peak_bytes = std::max<std::uintmax_t>(peak_bytes, db_bytes + c->bytes_before + c->bytes_after);
                        std::cout << fmt::format("      day {} pass {}: index compacted {} -> {} GB in {:.1f} s "
                                                 "({} documents)\n",
                                                 day + 1, pass + 1, gb(static_cast<double>(c->bytes_before)),
                                                 gb(static_cast<double>(c->bytes_after)), c->seconds, c->documents);
                    }
                    t_compact += lap(t);
                }
                store::prune_snapshots(store.db(), now, opt.snapshot_days, max_pruned_per_pass);
                t_prune += lap(t);
            }
            if (stop_requested.load() && day + 1 < opt.days) {
                std::cout << fmt::format("stopped by a signal after {} of {} days\n", day + 1, opt.days);
                opt.days = day + 1;
            }
            if ((day + 1) % opt.report_every == 0 || day + 1 == opt.days) {
                rows.push_back(measure(store, day + 1));
                peak_bytes = std::max<std::uintmax_t>(peak_bytes, rows.back().total);
                print_row(rows.back());
                double secs = std::chrono::duration<double>(Clock::now() - started).count();
                std::cout << fmt::format("      ({:.1f} s wall a simulated day so far, {:.0f} articles/s)\n",
                                         secs / (day + 1), static_cast<double>(seq) / secs);
                std::cout.flush();
            }
        }
        const std::int64_t total_articles = std::int64_t{opt.days} * opt.per_day;
        const double wall = std::chrono::duration<double>(Clock::now() - started).count();
        const Sizes& last = rows.back();
        std::cout << fmt::format("wall ms an article: {:.2f} generating text and page, {:.2f} triage and store "
                                 "(snapshot compression included), {:.2f} index sync, {:.3f} pruning, "
                                 "{:.3f} index compaction ({} compactions)\n",
                                 1e3 * t_generate / seq, 1e3 * t_store / seq, 1e3 * t_index / seq,
                                 1e3 * t_prune / seq, 1e3 * t_compact / seq, compactions);
        if (compactions)
            std::cout << fmt::format("the most the data folder held (a report or a compaction's moment, the old "
                                     "index and its copy together): {} GB\n",
                                     gb(static_cast<double>(peak_bytes)));

        std::cout << fmt::format("\nmeasured after {} simulated days: {} GB in the data folder ({} GB database, "
                                 "{} GB index), {:.1f} KB an article; {:.0f} s wall ({:.1f} s a day)\n",
                                 opt.days, gb(static_cast<double>(last.total)), gb(static_cast<double>(last.db)),
                                 gb(static_cast<double>(last.index)),
                                 static_cast<double>(last.total) / static_cast<double>(last.articles) / 1e3, wall,
                                 wall / opt.days);
        double year_total = static_cast<double>(last.total);
        if (opt.days < year_days) {
            // What grows with every article (text, metadata, clipping
            // snapshots, frontier, index, source reads) per article, times
            // a year's articles, plus the non-clipping snapshots of the
            // last snapshot_days, which stay level once pruning runs.
            const double per_article_snapshot =
                last.snapshots_other ? static_cast<double>(last.snapshot_bytes_other) / last.snapshots_other : 0;
            const double window_snapshots = per_article_snapshot * opt.per_day *
                                            std::min(opt.snapshot_days ? opt.snapshot_days : year_days, year_days) *
                                            (1.0 - opt.clippings_per_week / (7.0 * opt.per_day));
            const double growing = static_cast<double>(last.total) - static_cast<double>(last.snapshot_bytes_other) -
                                   static_cast<double>(last.free_bytes);
            const double year_articles = static_cast<double>(year_days) * opt.per_day;
            year_total = growing / static_cast<double>(last.articles) * year_articles + window_snapshots;
            std::cout << fmt::format(
                "PROJECTED (not measured) to {} days: {} GB = {:.1f} KB an article x {:.0f} articles (all but the "
                "pruned snapshots) + {} GB of non-clipping snapshots of the last {} days ({:.1f} KB each)\n",
                year_days, gb(year_total), growing / static_cast<double>(last.articles) / 1e3, year_articles,
                gb(window_snapshots), opt.snapshot_days, per_article_snapshot / 1e3);
            if (compactions) {
                // The index as the keeper keeps it: compacted bytes an
                // article (the last compaction's), and at worst as much
                // bigger as it was just before that compaction (the cycle's
                // peak, measured at this run's size).
                const double compacted_per_article = static_cast<double>(last_compaction.bytes_after) /
                                                     static_cast<double>(std::max<std::int64_t>(1, last_compaction.documents));
                const double peak = static_cast<double>(last_compaction.bytes_before) /
                                    static_cast<double>(std::max<std::uint64_t>(1, last_compaction.bytes_after));
                const double rest = growing - static_cast<double>(last.index);
                const double index_year = compacted_per_article * year_articles;
                const double low = rest / static_cast<double>(last.articles) * year_articles + window_snapshots + index_year;
                const double worst = low + index_year * (peak - 1);
                std::cout << fmt::format(
                    "PROJECTED (not measured) with the index at its compacted {:.1f} KB an article: {} GB just after "
                    "a compaction (index {} GB), {} GB at most (the index {:.0f} % over its compacted size, as just "
                    "before the last compaction)\n",
                    compacted_per_article / 1e3, gb(low), gb(index_year), gb(worst), 100 * (peak - 1));
                year_total = worst;
            }
            if (rows.size() >= 2 && rows[rows.size() - 2].day > opt.snapshot_days) {
                const Sizes& prev = rows[rows.size() - 2];
                double per_day = static_cast<double>(last.total - prev.total) / (last.day - prev.day);
                std::cout << fmt::format(
                    "PROJECTED (not measured), straight line from days {}-{}: {} GB ({} GB a day)\n", prev.day,
                    last.day, gb(static_cast<double>(last.total) + per_day * (year_days - last.day)), gb(per_day));
            }
        }
        std::cout << fmt::format("{} a year: {} GB against the 20 GB target: ratio {:.2f} ({})\n",
                                 opt.days >= year_days ? "measured" : "projected", gb(year_total),
                                 year_total / target_bytes, year_total <= target_bytes ? "met" : "NOT met");
        print_tables(store.db());
        print_article_columns(store.db());
        print_index_files(pipeline::index_dir(store));
        if (opt.compact) print_compacted_index(pipeline::index_dir(store));

        // The benchmark must not be silently wrong.
        auto& db = store.db();
        std::vector<std::string> failures;
        const std::int64_t stored = count(db, "SELECT count(*) FROM article");
        if (stored != total_articles || not_inserted)
            failures.push_back(fmt::format("{} articles stored of {} generated ({} not new)", stored, total_articles,
                                           not_inserted));
        const std::int64_t clippings = count(db, "SELECT count(*) FROM article WHERE clipping = 1");
        if (clippings != intended_clippings || triage_disagreed)
            failures.push_back(fmt::format("triage made {} clippings of the {} written as clippings ({} disagreed)",
                                           clippings, intended_clippings, triage_disagreed));
        const std::int64_t bare = count(
            db, "SELECT count(*) FROM article a WHERE clipping = 1 AND NOT EXISTS "
                "(SELECT 1 FROM snapshot s WHERE s.article_id = a.id)");
        if (bare) failures.push_back(fmt::format("{} clippings lost their snapshot", bare));
        if (opt.snapshot_days > 0) {
            const std::int64_t cutoff = now - std::int64_t{opt.snapshot_days} * 86400;
            const std::int64_t old_kept = count(
                db, "SELECT count(*) FROM snapshot s JOIN article a ON a.id = s.article_id "
                    "WHERE a.clipping = 0 AND s.fetched < ?1", cutoff);
            if (old_kept)
                failures.push_back(fmt::format("{} snapshots of non-clippings older than {} days were not pruned",
                                               old_kept, opt.snapshot_days));
            const std::int64_t recent = count(
                db, "SELECT count(*) FROM snapshot s JOIN article a ON a.id = s.article_id "
                    "WHERE a.clipping = 0 AND s.fetched >= ?1", cutoff);
            const std::int64_t recent_articles =
                count(db, "SELECT count(*) FROM article WHERE clipping = 0 AND fetched >= ?1", cutoff);
            if (recent != recent_articles)
                failures.push_back(fmt::format("{} recent non-clippings but {} snapshots of them: pruning took too "
                                               "much", recent_articles, recent));
            std::cout << fmt::format("\nchecks: {} articles, {} clippings with their snapshots, {} recent "
                                     "non-clipping snapshots kept, {} older ones pruned\n",
                                     stored, clippings, recent, stored - clippings - recent_articles);
        }
        const std::int64_t journal = count(db, "SELECT count(*) FROM index_journal");
        index::Searcher searcher(pipeline::index_dir(store));
        if (journal || searcher.doc_count() != stored)
            failures.push_back(fmt::format("index holds {} documents of {} articles ({} still queued)",
                                           searcher.doc_count(), stored, journal));
        for (const auto& f : failures) std::cerr << "bench_disk: WRONG: " << f << "\n";
        status = failures.empty() ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "bench_disk: " << e.what() << "\n";
        status = 2;
    }
    if (!keep) fs::remove_all(data);
    return status;
}
