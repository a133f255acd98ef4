// bench_triage [--quality-only|--speed-only|--real-only] [--errors] [--development-only] [--folds 123]
//              [--show ID] [PATH...]
//
// Quality: runs the Triager over the labelled set (tests/data/triage/*.jsonl,
// plus any file or folder given) and prints clipping precision/recall, topic
// micro-F1, flag precision/recall (judged on clippings), severity and
// agency accuracy, tone accuracy, and every item it gets wrong.
// Real articles: the problem stage alone and the whole chain on the
// hand-labelled articles of ../shared/data/triage-dev (real_flags.h);
// --errors lists what is wrong on their development part (--folds 123: on
// those folds only, line % 5); --development-only prints no figure that
// involves the part kept aside (for working on the rules).
// Speed: articles of about 5 KB per second on one thread, with a gazetteer
// of 50 names and one of 5,000, and their ratio.
#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <iostream>
#include <set>

#include <fmt/format.h>

#include "bench/triage/labelled_set.h"
#include "bench/triage/real_flags.h"
#include "config/config.h"
#include "extract/extract.h"
#include "triage/decision_json.h"
#include "triage/triage.h"

using namespace presswatch;

namespace {

constexpr std::size_t article_bytes = 5 * 1024;
constexpr int speed_articles = 4000;
constexpr int speed_runs = 5;

struct Counts {
    int tp = 0, fp = 0, fn = 0;
    double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
    double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
    double f1() const {
        double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
};

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
    return s;
}

int quality(const config::Config& cfg, const std::vector<bench::LabelledItem>& items) {
    triage::Triager t(cfg);
    Counts clip, topic, flag;
    int agency_total = 0, agency_ok = 0, sev_total = 0, sev_ok = 0, tone_total = 0, tone_ok = 0;
    std::vector<std::string> wrong;
    for (const auto& it : items) {
        auto d = t.decide(it.article, it.article.published.value_or(0));
        std::vector<std::string> problems;
        if (d.clipping && it.expect.clipping) ++clip.tp;
        else if (d.clipping) ++clip.fp, problems.push_back(fmt::format("clipping false positive (score {})", d.score));
        else if (it.expect.clipping) ++clip.fn, problems.push_back(fmt::format("clipping missed (score {})", d.score));
        if (it.expect.clipping) {
            std::set<std::string> exp(it.expect.topics.begin(), it.expect.topics.end()), got;
            for (const auto& tp : d.topics) got.insert(tp.slug);
            for (const auto& s : got) (exp.count(s) ? topic.tp : topic.fp)++;
            for (const auto& s : exp) if (!got.count(s)) ++topic.fn;
            if (exp != got) {
                std::vector<std::string> g(got.begin(), got.end());
                problems.push_back(fmt::format("topics [{}] expected [{}]", join(g), join(it.expect.topics)));
            }
            bool f = d.flag.needed;
            if (f && it.expect.flag) ++flag.tp;
            else if (f) ++flag.fp, problems.push_back("flag false positive: " + join(d.flag.reasons));
            else if (it.expect.flag) ++flag.fn, problems.push_back("flag missed: " + join(d.flag.reasons));
            if (f && it.expect.flag) {
                ++agency_total;
                std::set<std::string> ea(it.expect.agencies.begin(), it.expect.agencies.end());
                std::set<std::string> ga(d.flag.agencies.begin(), d.flag.agencies.end());
                if (ea == ga) ++agency_ok;
                else problems.push_back(fmt::format("agencies [{}] expected [{}]", join(d.flag.agencies), join(it.expect.agencies)));
                ++sev_total;
                if (d.flag.severity == it.expect.severity) ++sev_ok;
                else problems.push_back(fmt::format("severity {} expected {}", d.flag.severity, it.expect.severity));
            }
            if (!it.expect.tone.empty()) {
                ++tone_total;
                if (d.tone == it.expect.tone) ++tone_ok;
                else problems.push_back(fmt::format("tone {} expected {}", d.tone, it.expect.tone));
            }
        }
        if (!problems.empty())
            for (const auto& p : problems) wrong.push_back(fmt::format("  {:<6} {}  [{}]", it.id, p, it.note.substr(0, 70)));
    }
    std::cout << fmt::format("labelled items: {}\n", items.size());
    std::cout << fmt::format("clipping   precision {:.3f} recall {:.3f}  (tp {} fp {} fn {})\n", clip.precision(),
                             clip.recall(), clip.tp, clip.fp, clip.fn);
    std::cout << fmt::format("topics     micro-F1 {:.3f} (precision {:.3f} recall {:.3f})\n", topic.f1(),
                             topic.precision(), topic.recall());
    std::cout << fmt::format("flag       precision {:.3f} recall {:.3f}  (tp {} fp {} fn {})\n", flag.precision(),
                             flag.recall(), flag.tp, flag.fp, flag.fn);
    std::cout << fmt::format("agencies   exact-set accuracy {:.3f} ({}/{} flagged both ways)\n",
                             agency_total ? double(agency_ok) / agency_total : 1.0, agency_ok, agency_total);
    std::cout << fmt::format("severity   accuracy {:.3f} ({}/{})\n", sev_total ? double(sev_ok) / sev_total : 1.0,
                             sev_ok, sev_total);
    std::cout << fmt::format("tone       accuracy {:.3f} ({}/{} clippings)\n",
                             tone_total ? double(tone_ok) / tone_total : 1.0, tone_ok, tone_total);
    std::cout << "wrong:\n";
    for (const auto& w : wrong) std::cout << w << "\n";
    return 0;
}

// Real pages (../shared/data/vn-dev): each article page is extracted and
// triaged; it should be a clipping exactly when the province is named in
// the article's own text (the reference lists those mentions), never
// because of menus or related boxes. Skipped when the folder is absent.
void real_pages(const config::Config& cfg) {
    auto dir = std::filesystem::path(PRESSWATCH_SOURCE_DIR) / ".." / "shared" / "data" / "vn-dev" / "html";
    if (!std::filesystem::is_directory(dir)) {
        std::cout << "real pages: skipped (../shared/data/vn-dev absent)\n";
        return;
    }
    triage::Triager t(cfg);
    int pages = 0, agree = 0, menu_only = 0;
    std::vector<std::string> wrong;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".json" && e.path().string().find("fundus") == std::string::npos) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& jf : files) {
        auto ref = nlohmann::json::parse(std::ifstream(jf), nullptr, false);
        if (ref.is_discarded() || ref.value("page_type", "") != "article") continue;
        auto html_path = jf.parent_path() / ref.value("file", "");
        std::ifstream in(html_path, std::ios::binary);
        if (!in) continue;
        std::stringstream ss;
        ss << in.rdbuf();
        extract::ExtractOptions opt;
        opt.url = ref.value("url", "");
        auto d = t.decide(extract::extract_article(ss.str(), opt), 0);
        auto in_text = ref.value("thanh_hoa_mentions_in_article_text", nlohmann::json::array());
        auto anywhere = ref.value("thanh_hoa_mentions_anywhere_on_page", nlohmann::json::array());
        bool expected = !in_text.empty();
        ++pages;
        if (!expected && !anywhere.empty()) ++menu_only;
        if (d.clipping == expected) ++agree;
        else wrong.push_back(fmt::format("  {} clipping {} expected {} (score {})", ref.value("file", ""), d.clipping,
                                         expected, d.score));
    }
    std::cout << fmt::format("real pages: {} article pages ({} name the province only outside the article), "
                             "{} decided as the reference says\n", pages, menu_only, agree);
    for (const auto& w : wrong) std::cout << w << "\n";
}

// Articles of about 5 KB made from the labelled texts (repeated paragraphs).
std::vector<Article> speed_articles_from(const std::vector<bench::LabelledItem>& items) {
    std::vector<Article> out;
    for (std::size_t i = 0; out.size() < static_cast<std::size_t>(speed_articles); ++i) {
        const auto& src = items[i % items.size()].article;
        Article a = src;
        std::string body = src.body.empty() ? std::string("Nội dung.") : src.body;
        a.body.clear();
        while (a.body.size() + a.headline.size() + a.description.size() < article_bytes)
            a.body += (a.body.empty() ? "" : "\n\n") + body;
        a.body.resize(article_bytes - std::min(article_bytes, a.headline.size() + a.description.size()));
        while (!a.body.empty() && (static_cast<unsigned char>(a.body.back()) & 0xC0) == 0x80) a.body.pop_back();
        if (!a.body.empty() && static_cast<unsigned char>(a.body.back()) >= 0xC0) a.body.pop_back();
        out.push_back(std::move(a));
    }
    return out;
}

// A gazetteer of exactly n names: the first 50 configured ones, then made-up
// two- and three-syllable names that follow Vietnamese patterns.
// real_looking: names that do occur in articles ("Tân Lộc"); otherwise
// names that never do ("Xóm Tân Lộc 7"), to show the automaton's cost
// apart from the work done per match.
config::Config with_gazetteer(config::Config cfg, std::size_t n, bool real_looking = true) {
    static const char* first[] = {"Tân", "Phú", "Xuân", "Hòa", "Bình", "Minh", "Quảng", "Hoằng", "Thọ", "Yên",
                                  "Đông", "Tây", "Nam", "Bắc", "Cẩm", "Ngọc", "Thạch", "Vĩnh", "Hải", "Thiệu",
                                  "Định", "Trung", "Thượng", "Hạ", "Long", "Kim", "Lam", "Sơn", "Thành", "An"};
    static const char* second[] = {"Lộc", "Sơn", "Phúc", "Thịnh", "Hưng", "Thuận", "Lợi", "Tiến", "Khê", "Giang",
                                   "Châu", "Đức", "Ninh", "Trạch", "Lĩnh", "Vân", "Thủy", "Liên", "Tường", "Quý",
                                   "Bảo", "Mỹ", "Hà", "Điền", "Nguyên", "Trường", "Xá", "Dương", "Thái", "Lương"};
    static const char* third[] = {"Thượng", "Hạ", "Đông", "Tây", "Nam", "Bắc", "Trung", "Mới", "Cũ"};
    // The same 50 real names in every variant, so that only the size differs.
    cfg.province.names.resize(std::min({cfg.province.names.size(), n, std::size_t{50}}));
    std::set<std::string> seen;
    for (const auto& p : cfg.province.names) seen.insert(p.name);
    for (std::size_t k = 0; cfg.province.names.size() < n; ++k) {
        std::size_t a = k % 30, b = (k / 30) % 30, c = k / 900;
        std::string name = std::string(first[a]) + " " + second[b];
        if (c > 0) name += std::string(" ") + third[(c - 1) % 9];
        if (c > 9) name = "Làng " + name + " " + std::to_string(c);
        if (!real_looking) name = "Xóm " + name + " " + std::to_string(k % 97);
        if (!seen.insert(name).second) continue;
        config::PlaceName p;
        p.name = name;
        p.kind = "place";
        p.ambiguous = true;  // made-up names must not turn every article into a clipping
        cfg.province.names.push_back(std::move(p));
    }
    return cfg;
}

// CPU time of this thread: on a shared machine the wall clock measures the
// other users as much as us; the thread's CPU time is what one core spends.
double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct Rate {
    double cpu = 0, wall = 0;  // articles per second
};

Rate articles_per_second(const config::Config& cfg, const std::vector<Article>& articles) {
    triage::Triager t(cfg);
    std::vector<double> cpu, wall;
    std::size_t sink = 0;
    for (int run = 0; run < speed_runs; ++run) {
        auto start = std::chrono::steady_clock::now();
        double c0 = thread_cpu_seconds();
        for (const auto& a : articles) sink += t.decide(a, 0).mentions.size();
        double c = thread_cpu_seconds() - c0;
        double w = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        cpu.push_back(static_cast<double>(articles.size()) / c);
        wall.push_back(static_cast<double>(articles.size()) / w);
    }
    std::sort(cpu.begin(), cpu.end());
    std::sort(wall.begin(), wall.end());
    if (sink == 42424242) std::cout << "";  // keeps the loop from being optimised away
    return {cpu[cpu.size() / 2], wall[wall.size() / 2]};
}

int speed(const config::Config& cfg, const std::vector<bench::LabelledItem>& items) {
    auto articles = speed_articles_from(items);
    std::size_t bytes = 0;
    for (const auto& a : articles) bytes += a.headline.size() + a.description.size() + a.body.size();
    std::cout << fmt::format("speed: {} articles of {:.1f} KB on one thread, median of {} runs\n", articles.size(),
                             double(bytes) / articles.size() / 1024, speed_runs);
    auto small = with_gazetteer(cfg, 50), large = with_gazetteer(cfg, 5000);
    auto silent = with_gazetteer(cfg, 5000, false);
    auto mentions = [&](const config::Config& c) {
        triage::Triager t(c);
        std::size_t n = 0;
        for (const auto& a : articles) n += t.decide(a, 0).mentions.size();
        return double(n) / articles.size();
    };
    Rate r_small = articles_per_second(small, articles);
    Rate r_large = articles_per_second(large, articles);
    Rate r_silent = articles_per_second(silent, articles);
    struct Line {
        const char* what;
        const config::Config& cfg;
        Rate r;
    };
    for (const auto& l : {Line{"50 names", small, r_small}, Line{"5000 names", large, r_large},
                          Line{"5000 names, none in the texts", silent, r_silent}})
        std::cout << fmt::format("  {:<30} {:>7.0f} articles per CPU-second ({:.0f}/s wall), {:.1f} mentions/article\n",
                                 l.what, l.r.cpu, l.r.wall, mentions(l.cfg));
    std::cout << fmt::format("  ratio 5000/50 (CPU): {:.2f}; names absent from the texts: {:.2f} (1.00 = no slower)\n",
                             r_large.cpu / r_small.cpu, r_silent.cpu / r_small.cpu);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    bool do_quality = true, do_speed = true, do_real = true;
    bench::RealOptions real_options;
    std::string show_id;  // --show ID: print that item's decision as JSON
    std::vector<std::filesystem::path> paths{std::filesystem::path(PRESSWATCH_SOURCE_DIR) / "tests/data/triage"};
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--quality-only")) do_speed = false;
        else if (!std::strcmp(argv[i], "--speed-only")) do_quality = do_real = false;
        else if (!std::strcmp(argv[i], "--real-only")) do_quality = do_speed = false;
        else if (!std::strcmp(argv[i], "--errors")) real_options.show_errors = true;
        else if (!std::strcmp(argv[i], "--development-only")) real_options.development_only = true;
        else if (!std::strcmp(argv[i], "--folds") && i + 1 < argc) real_options.error_folds = argv[++i];
        else if (!std::strcmp(argv[i], "--show") && i + 1 < argc) show_id = argv[++i];
        else paths.emplace_back(argv[i]);
    }
    try {
        auto cfg = config::load_config(std::filesystem::path{});
        auto items = bench::read_labelled(paths);
        if (items.empty()) {
            std::cerr << "bench_triage: no labelled items in tests/data/triage\n";
            return 1;
        }
        if (!show_id.empty()) {
            triage::Triager t(cfg);
            for (const auto& it : items)
                if (it.id == show_id) std::cout << triage::to_json(t.decide(it.article, 0)).dump(2) << "\n";
            return 0;
        }
        if (do_quality) quality(cfg, items);
        if (do_quality) real_pages(cfg);
        if (do_real)
            bench::real_flags(cfg,
                              std::filesystem::path(PRESSWATCH_SOURCE_DIR) / ".." / "shared" / "data" / "triage-dev" /
                                  "flags.jsonl",
                              real_options);
        if (do_speed) speed(cfg, items);
    } catch (const std::exception& e) {
        std::cerr << "bench_triage: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
