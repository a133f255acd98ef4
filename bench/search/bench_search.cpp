// bench_search: build a Xapian index and an SQLite FTS5 baseline over the
// same synthetic Vietnamese-like articles, then time the query mix
// on both. Prints build rate, sizes and p50/p95/p99 per query class with
// the FTS5/Xapian ratio. Run with --help for options; docs/benchmarks-
// search.md records results.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "bench/search/fts5_baseline.h"
#include "bench/search/generator.h"
#include "bench/search/query_mix.h"
#include "index/bulk_build.h"
#include "index/common_grams.h"
#include "index/index.h"
#include "index/schema.h"
#include "text/dates.h"
#include "text/normalize.h"
#include "text/syllables.h"

using namespace presswatch;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

constexpr int measured_rounds = 2;
// As many as index/common_grams.cpp lists for Vietnamese.
constexpr std::size_t common_syllables = 120;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::uintmax_t dir_size(const fs::path& p) {
    std::uintmax_t total = 0;
    if (fs::is_regular_file(p)) return fs::file_size(p);
    for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file()) total += e.file_size();
    return total;
}

struct Options {
    std::int64_t articles = 100'000;
    fs::path dir;
    std::string phase = "all";  // build | query | all
    bool fts5 = true;
    unsigned threads = 2;  // the machine's cores
    std::size_t show_slowest = 0;  // slowest queries listed per class
    std::size_t common = common_syllables;  // syllables the index pairs (--common)
};

nlohmann::json build(const Options& o, const bench::Generator& gen) {
    fs::path xdir = o.dir / "xapian", fts = o.dir / "fts5.db";
    fs::remove_all(xdir);
    fs::remove(fts);
    std::uintmax_t raw = 0;
    // Generation alone, timed on a sample, so that the index rates below
    // can be read without it.
    std::int64_t sample = std::min<std::int64_t>(o.articles, 5000);
    auto t0 = Clock::now();
    for (std::int64_t id = 1; id <= sample; ++id) gen.article(id);
    double gen_per_article = seconds_since(t0) / static_cast<double>(sample);

    // Xapian: one lane per thread, each indexing every threads-th article
    // (index/bulk_build.h: commits and parts), then merged and compacted.
    t0 = Clock::now();
    std::vector<std::uintmax_t> raw_per_lane(o.threads, 0);
    {
        // The generator's language has its own most frequent syllables: the
        // index lists them as common, and numbers the next ones first, as a
        // deployment's index does Vietnamese's (index/common_grams.cpp).
        std::vector<std::string> frequent = gen.most_frequent_folded(o.common + index::schema::own_position_words);
        std::vector<std::string> common(frequent.begin(), frequent.begin() + std::min(o.common, frequent.size()));
        index::BulkBuilder builder(xdir, o.threads, index::CommonGrams(common, frequent));
        index::run_per_lane(builder, [&](unsigned lane) {
            for (std::int64_t id = 1 + lane; id <= o.articles; id += o.threads) {
                index::Document d = gen.article(id);
                raw_per_lane[lane] += d.headline.size() + d.lead.size() + d.body.size();
                builder.add(lane, d);
                if (lane == 0 && id % 10000 < o.threads)
                    std::cerr << fmt::format("\r  xapian {} / {} ({:.0f} s)", id, o.articles, seconds_since(t0))
                              << std::flush;
            }
        });
        double lanes_s = seconds_since(t0);
        std::cerr << fmt::format("\n  lanes done in {:.0f} s, merging\n", lanes_s);
        builder.finish();
    }
    double xapian_s = seconds_since(t0);
    for (auto r : raw_per_lane) raw += r;

    double fts_s = 0;
    if (o.fts5) {
        bench::Fts5Baseline base(fts);
        std::vector<index::Document> batch;
        for (std::int64_t first = 1; first <= o.articles; first += 10000) {
            batch.clear();
            for (std::int64_t id = first; id < first + 10000 && id <= o.articles; ++id) batch.push_back(gen.article(id));
            auto t1 = Clock::now();
            base.begin();
            for (const auto& d : batch) base.add(d);
            base.commit();
            fts_s += seconds_since(t1);
            std::cerr << fmt::format("\r  fts5 {} / {}", std::min(first + 9999, o.articles), o.articles) << std::flush;
        }
        auto t1 = Clock::now();
        base.optimize();
        fts_s += seconds_since(t1);
        std::cerr << "\n";
    }
    nlohmann::json m = {{"articles", o.articles},
                        {"threads", o.threads},
                        {"raw_text_bytes", raw},
                        {"generate_seconds_per_article", gen_per_article},
                        {"xapian_seconds", xapian_s},
                        {"xapian_bytes", dir_size(xdir)},
                        {"fts5_seconds", fts_s},
                        {"fts5_bytes", o.fts5 ? dir_size(fts) : 0}};
    std::ofstream(o.dir / "build.json") << m.dump(2);
    return m;
}

void report_build(const nlohmann::json& m) {
    double n = m["articles"].get<double>();
    double raw = m["raw_text_bytes"].get<double>();
    double threads = m["threads"].get<double>();
    double xs = m["xapian_seconds"].get<double>();
    // Each thread generated its own articles: take that out for the rate
    // of indexing alone.
    double gen_s = m["generate_seconds_per_article"].get<double>() * n / threads;
    std::cout << fmt::format("articles: {}  raw text: {:.1f} MB ({:.0f} bytes/article)\n", m["articles"].get<long>(),
                             raw / 1e6, raw / n);
    std::cout << fmt::format("xapian build ({} threads, merge and compact included): {:.1f} s = {:.0f} articles/s; "
                             "without the generator's share ({:.1f} s): {:.0f} articles/s\n",
                             m["threads"].get<int>(), xs, n / xs, gen_s, n / (xs - gen_s));
    std::cout << fmt::format("xapian size (compacted): {:.1f} MB = {:.2f} x raw text\n",
                             m["xapian_bytes"].get<double>() / 1e6, m["xapian_bytes"].get<double>() / raw);
    if (m["fts5_bytes"].get<double>() > 0)
        std::cout << fmt::format("fts5 build (1 thread, generation excluded): {:.1f} s = {:.0f} articles/s; "
                                 "size {:.1f} MB = {:.2f} x raw text\n",
                                 m["fts5_seconds"].get<double>(), n / m["fts5_seconds"].get<double>(),
                                 m["fts5_bytes"].get<double>() / 1e6, m["fts5_bytes"].get<double>() / raw);
}

void query(const Options& o, const bench::Generator& gen) {
    auto mix = bench::query_mix(gen, o.articles);
    index::Searcher searcher(o.dir / "xapian");
    std::unique_ptr<bench::Fts5Baseline> base;
    if (o.fts5 && fs::exists(o.dir / "fts5.db")) base = std::make_unique<bench::Fts5Baseline>(o.dir / "fts5.db");
    std::map<std::string, std::vector<double>> xt, ft;
    // The slowest Xapian queries of each class, to see what makes a tail.
    std::map<std::string, std::vector<std::tuple<double, std::string, std::size_t>>> slowest;
    std::map<std::string, std::size_t> xhits, fhits;
    std::vector<std::string> order;
    // The random phrases split by their syllables: the issue allows more
    // time for phrases made of the most common ones (here: all in the
    // index's common list) than for the others.
    index::CommonGrams grams = index::CommonGrams::of(Xapian::Database((o.dir / "xapian").string()));
    auto split_class = [&](const bench::Query& q) -> std::string {
        if (q.cls != "phrase" && q.cls != "phrase, no diacritics") return "";
        bool all_common = true;
        for (const auto& w : text::syllables(q.text)) all_common &= grams.common(w.folded);
        return q.cls + (all_common ? ": common syllables only" : ": a rarer syllable");
    };
    std::map<std::string, std::vector<double>> split;
    for (int round = 0; round <= measured_rounds; ++round) {  // round 0 warms the caches
        for (auto& q : mix) {
            if (round == 0 && std::find(order.begin(), order.end(), q.cls) == order.end()) order.push_back(q.cls);
            index::SearchOptions opt = q.options;
            opt.limit = 10;
            opt.text = [&gen, &base](std::int64_t id) {
                if (base) return base->text(id);
                auto d = gen.article(id);
                return d.lead + "\n\n" + d.body;
            };
            auto t0 = Clock::now();
            auto r = searcher.search(q.text, opt);
            double ms = seconds_since(t0) * 1000;
            if (round > 0) {
                xt[q.cls].push_back(ms);
                if (std::string c = split_class(q); !c.empty()) split[c].push_back(ms);
                xhits[q.cls] += r.hits.size();
                slowest[q.cls].emplace_back(ms, q.text, r.total);
            }
            if (base) {
                t0 = Clock::now();
                std::size_t n = q.fts5(*base);
                ms = seconds_since(t0) * 1000;
                if (round > 0) {
                    ft[q.cls].push_back(ms);
                    fhits[q.cls] += n;
                }
            }
        }
    }
    std::cout << fmt::format("\nquery latency, ms ({} queries x {} rounds per class, warm, top 10 with snippets)\n",
                             bench::queries_per_class, measured_rounds);
    std::cout << fmt::format("{:<32}{:>9}{:>9}{:>9} |{:>9}{:>9}{:>9} |{:>10}  hits/page x|f\n", "class", "x p50",
                             "x p95", "x p99", "fts p50", "fts p95", "fts p99", "p95 ratio");
    for (const auto& c : order) {
        double x50 = bench::percentile(xt[c], .5), x95 = bench::percentile(xt[c], .95), x99 = bench::percentile(xt[c], .99);
        std::cout << fmt::format("{:<32}{:>9.2f}{:>9.2f}{:>9.2f} |", c, x50, x95, x99);
        if (base) {
            double f50 = bench::percentile(ft[c], .5), f95 = bench::percentile(ft[c], .95), f99 = bench::percentile(ft[c], .99);
            std::cout << fmt::format("{:>9.2f}{:>9.2f}{:>9.2f} |{:>9.1f}x", f50, f95, f99, f95 / x95);
        } else {
            std::cout << fmt::format("{:>28} |{:>10}", "-", "-");
        }
        double n = static_cast<double>(xt[c].size());
        std::cout << fmt::format("  {:.1f}|{:.1f}\n", xhits[c] / n, base ? fhits[c] / n : 0.0);
    }
    std::cout << "\nphrase classes by their syllables (Xapian, ms)\n";
    for (const auto& [c, v] : split)
        std::cout << fmt::format("{:<50}{:>6} queries  p50 {:>7.2f}  p95 {:>7.2f}  p99 {:>7.2f}\n", c,
                                 v.size() / measured_rounds, bench::percentile(v, .5), bench::percentile(v, .95), bench::percentile(v, .99));
    if (!o.show_slowest) return;
    std::cout << "\nslowest Xapian queries per class (ms, matches, query):\n";
    for (const auto& c : order) {
        auto& v = slowest[c];
        std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
        for (std::size_t i = 0; i < std::min(o.show_slowest, v.size()); ++i)
            std::cout << fmt::format("  {:<32}{:>9.2f}{:>9}  {}\n", i == 0 ? c : "", std::get<0>(v[i]), std::get<2>(v[i]),
                                     std::get<1>(v[i]));
    }
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        if (a == "--articles") o.articles = std::stoll(value());
        else if (a == "--dir") o.dir = value();
        else if (a == "--phase") o.phase = value();
        else if (a == "--no-fts5") o.fts5 = false;
        else if (a == "--slowest") o.show_slowest = static_cast<std::size_t>(std::stoul(value()));
        else if (a == "--common") o.common = static_cast<std::size_t>(std::stoul(value()));
        else if (a == "--threads") o.threads = static_cast<unsigned>(std::max(1, std::stoi(value())));
        else {
            std::cout << "usage: bench_search [--articles N (100000)] [--dir DIR] [--phase build|query|all] "
                         "[--no-fts5] [--threads N (2)] [--slowest N] [--common N (120)]\n";
            return a == "--help" ? 0 : 2;
        }
    }
    if (o.dir.empty()) o.dir = fs::temp_directory_path() / fmt::format("presswatch-bench-search-{}", o.articles);
    fs::create_directories(o.dir);
    std::cout << fmt::format("bench_search: {} articles in {}\n", o.articles, o.dir.string());
    bench::Generator gen;
    try {
        nlohmann::json m;
        if (o.phase == "build" || o.phase == "all") m = build(o, gen);
        else m = nlohmann::json::parse(std::ifstream(o.dir / "build.json"));
        report_build(m);
        if (o.phase == "query" || o.phase == "all") query(o, gen);
    } catch (const std::exception& e) {
        std::cerr << "bench_search: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
