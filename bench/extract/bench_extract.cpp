// bench_extract: extraction quality and speed on the shared data.
//   bench_extract [--data DIR] [--predictions DIR] [--rounds N]
// 1. extraction-dev: F1 of articleBody by the benchmark's metric, the pages
//    under 0.9, and (with --predictions) one <id>.json a page for
//    ../shared/tools/score_extraction.py to cross-check.
// 2. vn-dev article pages: headline, datePublished to the minute, author,
//    first and last sentence of the body, and the pages that miss.
// 3. Speed on one core over extraction-dev: pages/s and MB/s of
//    extract_article next to gumbo's bare parse (median of N rounds), ratio.
// 4. Peak memory (max RSS) of the process.
#include <gumbo.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/article_json.h"
#include "extract/extract.h"
#include "shingle_f1.h"
#include "vn_dev_check.h"

namespace fs = std::filesystem;
using namespace presswatch;

namespace {

struct Page {
    std::string id;
    std::string html;
    std::string truth;
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// The same options HtmlDocument gives gumbo, so the ratio compares like
// with like.
void bare_parse(const std::string& html) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
    gumbo_destroy_output(&options, out);
}

int run_extraction_dev(const fs::path& dir, const fs::path& predictions, int rounds) {
    std::ifstream in(dir / "ground-truth.json");
    if (!in) {
        std::cout << "extraction-dev: SKIPPED (" << dir.string() << " not found)\n";
        return 0;
    }
    nlohmann::json truth = nlohmann::json::parse(in);
    std::vector<Page> pages;
    std::size_t bytes = 0;
    for (auto& [id, v] : truth.items()) {
        Page p{id, vn_dev::read_file(dir / "html" / (id + ".html")), v.value("articleBody", "")};
        bytes += p.html.size();
        pages.push_back(std::move(p));
    }
    std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.id < b.id; });

    std::vector<bench::PageScore> scores;
    std::vector<std::pair<double, std::string>> misses;
    if (!predictions.empty()) fs::create_directories(predictions);
    for (const Page& p : pages) {
        extract::ExtractOptions o;
        Article a = extract::extract_article(p.html, o);
        scores.push_back(bench::score_page(p.truth, a.body));
        if (scores.back().f1() < 0.9) misses.emplace_back(scores.back().f1(), p.id);
        if (!predictions.empty()) std::ofstream(predictions / (p.id + ".json")) << article_to_json(a).dump();
    }
    bench::Totals t = bench::aggregate(scores);
    std::printf("extraction-dev: %zu pages, %.1f MB\n", pages.size(), bytes / 1e6);
    std::printf("  articleBody F1 %.3f  precision %.3f  recall %.3f  (target F1 >= 0.96)\n", t.f1, t.precision,
                t.recall);
    std::sort(misses.begin(), misses.end());
    std::printf("  pages under F1 0.9: %zu\n", misses.size());
    for (auto& [f1, id] : misses)
        std::printf("    %.3f %s %s\n", f1, id.substr(0, 12).c_str(), truth[id].value("url", "").c_str());

    std::vector<double> parse_times, extract_times;
    for (int r = 0; r < rounds; ++r) {
        auto t0 = std::chrono::steady_clock::now();
        for (const Page& p : pages) bare_parse(p.html);
        parse_times.push_back(seconds_since(t0));
        t0 = std::chrono::steady_clock::now();
        for (const Page& p : pages) {
            extract::ExtractOptions o;
            Article a = extract::extract_article(p.html, o);
            if (a.headline.size() == 1u << 30) std::puts("");  // keep the work observable
        }
        extract_times.push_back(seconds_since(t0));
    }
    const double tp = median(parse_times), te = median(extract_times);
    std::printf("speed, one core, median of %d rounds over %zu pages:\n", rounds, pages.size());
    std::printf("  gumbo bare parse   %7.1f pages/s  %6.1f MB/s\n", pages.size() / tp, bytes / 1e6 / tp);
    std::printf("  extract_article    %7.1f pages/s  %6.1f MB/s  (target >= 100 pages/s)\n", pages.size() / te,
                bytes / 1e6 / te);
    std::printf("  extraction / bare parse time: %.2fx  (target <= 1.5x)\n", te / tp);
    return 0;
}

// vn-dev's article pages in two parts: every third in sorted file order is
// kept aside (chosen before the rules were written; only its figures are
// printed), the rest is the development part (its misses are listed).
int run_vn_dev(const fs::path& dir) {
    auto pages = vn_dev::article_pages(dir);
    if (pages.empty()) {
        std::cout << "vn-dev: SKIPPED (" << dir.string() << " not found)\n";
        return 0;
    }
    struct Part {
        const char* name;
        int n = 0, h = 0, d = 0, a = 0, f = 0, l = 0, body = 0;
        std::vector<std::string> misses;
    };
    Part parts[2] = {{"development part"}, {"kept aside (every third page)"}};
    for (std::size_t i = 0; i < pages.size(); ++i) {
        auto& [path, want] = pages[i];
        Part& p = parts[vn_dev::kept_aside(i) ? 1 : 0];
        extract::ExtractOptions o;
        o.url = vn_dev::text_field(want, "url");
        Article art = extract::extract_article(vn_dev::read_file(path), o);
        vn_dev::Check c = vn_dev::check(path.filename().string(), art, want);
        ++p.n;
        p.h += c.headline, p.d += c.date, p.a += c.author, p.f += c.first_sentence, p.l += c.last_sentence;
        p.body += c.first_sentence && c.last_sentence;
        std::string m;
        if (!c.headline) m += "\n      headline: got \"" + c.got_headline + "\" want \"" + c.want_headline + "\"";
        if (!c.date) m += "\n      date: got " + c.got_date + " want " + c.want_date;
        if (!c.author) m += "\n      author: got \"" + c.got_author + "\" want \"" + c.want_author + "\"";
        if (!c.first_sentence) m += "\n      first sentence: got \"" + c.got_first + "\"";
        if (!c.last_sentence) m += "\n      last sentence: got \"..." + c.got_last + "\"";
        if (!m.empty()) p.misses.push_back("    " + c.page + m);
    }
    std::printf("vn-dev: %zu article pages\n", pages.size());
    for (int k = 0; k < 2; ++k) {
        const Part& p = parts[k];
        if (p.n == 0) continue;
        const double n = p.n;
        std::printf("  %s: %d pages\n", p.name, p.n);
        std::printf("    headline %d/%d  datePublished (minute) %d/%d  author %d/%d (%.0f%%, target >= 90%%)\n", p.h,
                    p.n, p.d, p.n, p.a, p.n, 100 * p.a / n);
        std::printf("    body whole (first and last sentence) %d/%d (%.0f%%, target >= 95%%)  first %d/%d  last %d/%d\n",
                    p.body, p.n, 100 * p.body / n, p.f, p.n, p.l, p.n);
        if (k == 0) {
            std::printf("    pages that miss: %zu\n", p.misses.size());
            for (auto& m : p.misses) std::printf("%s\n", m.c_str());
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path data = fs::path(PRESSWATCH_SOURCE_DIR) / ".." / "shared" / "data";
    fs::path predictions;
    int rounds = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string k = argv[i];
        if (k == "--data") data = argv[i + 1];
        else if (k == "--predictions") predictions = argv[i + 1];
        else if (k == "--rounds") rounds = std::max(1, std::atoi(argv[i + 1]));
        else {
            std::cerr << "usage: bench_extract [--data DIR] [--predictions DIR] [--rounds N]\n";
            return 2;
        }
    }
    run_extraction_dev(data / "extraction-dev", predictions, rounds);
    run_vn_dev(data / "vn-dev" / "html");
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("peak memory (max RSS): %.1f MB  (target < 100 MB)\n", ru.ru_maxrss / 1024.0);
    return 0;
}
