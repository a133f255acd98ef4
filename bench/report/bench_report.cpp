// bench_report: the monthly briefing for a month of 2,000 clippings in each
// format (target: under 5 s each), and dump and restore of 100,000 human
// decisions (target: under 30 s each). Prints medians of several runs.
//
//   bench_report [--clippings N] [--decisions N] [--runs N]
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "briefing/month_report.h"
#include "briefing/render.h"
#include "config/config.h"
#include "store/store.h"
#include "store/workflow.h"
#include "store/workflow_dump.h"
#include "text/dates.h"

using namespace presswatch;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct TempFolder {
    std::filesystem::path path;
    TempFolder() {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / fmt::format("presswatch-bench-{}{}", rd(), rd());
        std::filesystem::create_directories(path);
    }
    ~TempFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

const char* places[] = {"Sầm Sơn", "Nghi Sơn", "Hoằng Hóa", "Thọ Xuân", "Bỉm Sơn", "Quảng Xương", "Tĩnh Gia", "Như Thanh"};
const char* subjects[] = {"phản ánh ô nhiễm bãi rác", "khai trương khu công nghiệp", "đón khách du lịch dịp lễ",
                          "chậm giải phóng mặt bằng", "thu hoạch lúa vụ mùa", "sửa chữa tuyến đường ven biển",
                          "tuyển sinh đầu cấp", "phòng chống sốt xuất huyết", "lễ hội truyền thống",
                          "xử lý khai thác cát trái phép"};
const char* topics[] = {"moi-truong", "doanh-nghiep", "du-lich", "dat-dai", "nong-nghiep",
                        "giao-thong", "giao-duc", "y-te", "van-hoa", "dat-dai"};
const char* tones[] = {"positive", "neutral", "negative"};

// n clippings spread over the month starting at `from`, from the config's outlets.
void seed_month(store::Store& s, const config::Config& cfg, std::int64_t from, int n, std::mt19937& rng) {
    for (int i = 0; i < n; ++i) {
        const auto& outlet = cfg.outlets[static_cast<std::size_t>(i) % cfg.outlets.size()];
        int subject = static_cast<int>(rng() % 10), place = static_cast<int>(rng() % 8);
        Article a;
        a.url = fmt::format("https://{}/bai-{}-{}.html", outlet.domains.at(0), from, i);
        a.headline = fmt::format("Thanh Hóa: {} {} số {}", places[place], subjects[subject], i % 300);
        a.description = fmt::format("Tin thử nghiệm về {} ở {}.", subjects[subject], places[place]);
        a.body = a.description + "\n\nNội dung bài viết thử nghiệm.";
        a.published = from + static_cast<std::int64_t>(rng() % (29 * 86400));
        triage::Decision d;
        d.clipping = true;
        d.score = 1.0 + (rng() % 40) / 10.0;
        d.tone = tones[rng() % 3];
        d.topics.push_back({topics[subject], 2.0, {}});
        d.flag.needed = subject == 0 || subject == 3 || subject == 9;
        if (d.flag.needed) {
            d.flag.severity = 2;
            d.flag.agencies = {subject == 3 ? "so-xd" : "so-nnmt"};
            d.flag.deadline = *a.published + 15 * 86400;
        }
        store::Snapshot snap;
        snap.url = a.url;
        snap.fetched = *a.published + 600;
        s.save_article(outlet.slug, a, d, snap);
    }
}

void bench_briefing(int clippings, int runs) {
    TempFolder tmp;
    auto cfg = config::load_config();
    store::Store s(tmp.path / "data");
    s.sync_outlets(cfg.outlets);
    std::mt19937 rng(42);
    auto nov = briefing::month_period("2026-11");
    auto t0 = Clock::now();
    seed_month(s, cfg, nov.from, clippings, rng);
    seed_month(s, cfg, briefing::previous_month(nov).from, clippings / 2, rng);
    double seed = seconds_since(t0);
    // Decisions on part of the month: reviews and the response chain.
    store::Workflow wf(s, "bench");
    auto ids = s.all_article_ids();
    for (std::size_t i = 0; i < ids.size(); i += 3) wf.set_review(ids[i], i % 2 ? "relevant" : "not-relevant");
    int sent = 0;
    for (auto id : ids) {
        auto a = s.article(id);
        if (a->response_status != "pending" || ++sent > 200) continue;
        wf.sent(id, {a->agencies.at(0), fmt::format("{}/SKHCN-TTBC", sent), *a->article.published + 86400, {}});
        if (sent % 2) wf.answered(id, {*a->article.published + 5 * 86400, "", "Đã kiểm tra, xử lý"});
    }
    std::cout << fmt::format("briefing: {} clippings in 2026-11 (+{} in 2026-10), seeded in {:.1f} s\n", clippings,
                             clippings / 2, seed);
    std::int64_t as_of = *text::parse_iso8601("2026-12-05");
    for (const char* format : {"json", "csv", "html", "docx"}) {
        std::vector<double> times;
        std::uintmax_t size = 0;
        for (int r = 0; r < runs; ++r) {
            auto out = tmp.path / fmt::format("briefing.{}", format);
            auto t = Clock::now();
            auto report = briefing::build_month_report(s, cfg, "2026-11", as_of);
            briefing::write_report(report, cfg, format, out);
            times.push_back(seconds_since(t));
            size = std::filesystem::file_size(out);
        }
        double m = median(times);
        std::cout << fmt::format("  {:<5} median {:.2f} s of {} runs ({} KiB)   target < 5 s: {:.2f} of target\n", format,
                                 m, runs, size / 1024, m / 5.0);
    }
}

// n articles, each with a review, one in five with a topic changed, one in
// ten flagged by hand, one in twenty sent to an agency, one in ten noted.
void seed_decisions(store::Store& s, int n, bool decide) {
    config::Outlet o;
    o.slug = "vnexpress";
    o.name = "VnExpress";
    o.domains = {"vnexpress.net"};
    s.sync_outlets({o});
    auto& db = s.db();
    db.transaction([&] {
        auto art = db.prepare(
            "INSERT INTO article(url, outlet, headline, fetched, content_hash, clipping, score, published) "
            "VALUES (?1, 'vnexpress', ?2, 1790000000, ?3, 1, 2.0, 1790000000 + ?4)");
        auto rev = db.prepare("INSERT INTO review(article_id, state) VALUES (?1, 'new')");
        for (int i = 0; i < n; ++i) {
            art.bind(1, fmt::format("https://vnexpress.net/bai-{}.html", i))
                .bind(2, fmt::format("Bài thử {}", i)).bind(3, std::to_string(i)).bind(4, i).run();
            rev.bind(1, db.last_insert_id()).run();
        }
    });
    if (!decide) return;
    // Decisions written as the workflow would, in one transaction for speed
    // of setup (the workflow's own path is one transaction per change).
    db.transaction([&] {
        auto review = db.prepare("UPDATE review SET state = ?2, user = 'bench', at = 1790000000 WHERE article_id = ?1");
        auto tag = db.prepare("INSERT INTO tag(article_id, topic, source, removed) VALUES (?1, 'dat-dai', 'user', ?2)");
        auto flag = db.prepare(
            "INSERT INTO flag(article_id, needed, severity, agencies, source, user_reason) VALUES "
            "(?1, 1, 2, '[\"so-nnmt\"]', 'user', 'phản ánh ô nhiễm')");
        auto resp = db.prepare(
            "INSERT INTO response(article_id, status, agency, letter_number, letter_date, deadline, updated_at) "
            "VALUES (?1, 'sent', 'so-nnmt', ?2, 1790086400, 1791382400, 1790086400)");
        auto note = db.prepare("INSERT INTO note(article_id, at, user, text) VALUES (?1, 1790000000, 'bench', 'ghi chú')");
        auto audit = db.prepare(
            "INSERT INTO audit(at, user, action, article_id, detail) VALUES (1790000000, 'bench', 'review', ?1, "
            "'{\"from\":\"new\",\"to\":\"relevant\"}')");
        for (int id = 1; id <= n; ++id) {
            review.bind(1, id).bind(2, id % 4 ? "relevant" : "not-relevant").run();
            audit.bind(1, id).run();
            if (id % 5 == 0) tag.bind(1, id).bind(2, id % 10 == 0 ? 1 : 0).run();
            if (id % 10 == 0) flag.bind(1, id).run();
            if (id % 20 == 0) resp.bind(1, id).bind(2, fmt::format("{}/SKHCN-TTBC", id)).run();
            if (id % 10 == 3) note.bind(1, id).run();
        }
    });
}

void bench_dump_restore(int decisions, int runs) {
    TempFolder tmp;
    store::Store a(tmp.path / "a");
    seed_decisions(a, decisions, true);
    std::vector<double> dump_times, restore_times;
    std::string dumped;
    store::DumpCounts counts;
    for (int r = 0; r < runs; ++r) {
        std::ostringstream out;
        auto t = Clock::now();
        counts = store::dump_decisions(a, out);
        dump_times.push_back(seconds_since(t));
        dumped = out.str();
    }
    for (int r = 0; r < runs; ++r) {
        // A freshly crawled store each time: the same URLs, no decisions.
        auto dir = tmp.path / fmt::format("b{}", r);
        store::Store b(dir);
        seed_decisions(b, decisions, false);
        std::istringstream in(dumped);
        auto t = Clock::now();
        auto res = store::restore_decisions(b, in, "bench.jsonl", "bench");
        restore_times.push_back(seconds_since(t));
        if (res.articles != counts.articles) std::cerr << "restore applied fewer articles than dumped\n";
    }
    double d = median(dump_times), rs = median(restore_times);
    std::cout << fmt::format("dump/restore: {} articles with decisions, {} audit lines, {:.1f} MiB of JSON lines\n",
                             counts.articles, counts.audit, dumped.size() / 1048576.0);
    std::cout << fmt::format("  dump    median {:.2f} s of {} runs   target < 30 s: {:.2f} of target\n", d, runs, d / 30);
    std::cout << fmt::format("  restore median {:.2f} s of {} runs   target < 30 s: {:.2f} of target\n", rs, runs, rs / 30);
}

// The articles of seed_decisions arriving one by one through
// Store::save_article (as a crawl stores them), into a store that holds no
// decisions for them, or one where a restore left them waiting.
double arrive(store::Store& s, int n) {
    config::Outlet o;
    o.slug = "vnexpress";
    o.name = "VnExpress";
    o.domains = {"vnexpress.net"};
    s.sync_outlets({o});
    auto t = Clock::now();
    for (int i = 0; i < n; ++i) {
        Article a;
        a.url = fmt::format("https://vnexpress.net/bai-{}.html", i);
        a.headline = fmt::format("Bài thử {}", i);
        a.published = 1790000000 + i;
        triage::Decision d;
        d.clipping = true;
        d.score = 2.0;
        store::Snapshot snap;
        snap.fetched = 1790000000;
        s.save_article("vnexpress", a, d, snap);
    }
    return seconds_since(t);
}

void bench_waiting_decisions(int n, int runs) {
    TempFolder tmp;
    store::Store a(tmp.path / "a");
    seed_decisions(a, n, true);
    std::ostringstream out;
    store::dump_decisions(a, out);
    const std::string dumped = out.str();
    std::vector<double> restore_times, plain_times, waiting_times;
    for (int r = 0; r < runs; ++r) {
        store::Store plain(tmp.path / fmt::format("plain{}", r));
        plain_times.push_back(arrive(plain, n));
        store::Store b(tmp.path / fmt::format("waiting{}", r));
        std::istringstream in(dumped);
        auto t = Clock::now();
        auto res = store::restore_decisions(b, in, "bench.jsonl", "bench");
        restore_times.push_back(seconds_since(t));
        waiting_times.push_back(arrive(b, n));
        auto q = b.db().prepare("SELECT COUNT(*) FROM pending_decision");
        q.step();
        if (res.waiting == 0 || q.int64(0) != 0) std::cerr << "waiting decisions were not all applied\n";
    }
    double rs = median(restore_times), p = median(plain_times), w = median(waiting_times);
    std::cout << fmt::format("waiting decisions: {} articles restored into an empty store, then stored one by one\n", n);
    std::cout << fmt::format("  restore (all wait)        median {:.2f} s of {} runs\n", rs, runs);
    std::cout << fmt::format("  articles arrive, none waiting   median {:.2f} s ({:.3f} ms each)\n", p, p * 1000 / n);
    std::cout << fmt::format("  articles arrive, decisions waiting median {:.2f} s ({:.3f} ms each): {:.2f}x\n", w,
                             w * 1000 / n, w / p);
}

}  // namespace

int main(int argc, char** argv) {
    int clippings = 2000, decisions = 100000, runs = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string k = argv[i];
        int v = std::atoi(argv[i + 1]);
        if (k == "--clippings") clippings = v;
        else if (k == "--decisions") decisions = v;
        else if (k == "--runs") runs = std::max(1, v);
        else {
            std::cerr << "usage: bench_report [--clippings N] [--decisions N] [--runs N]\n";
            return 2;
        }
    }
    try {
        bench_briefing(clippings, runs);
        bench_dump_restore(decisions, runs);
        bench_waiting_decisions(std::max(1, decisions / 10), runs);
    } catch (const std::exception& e) {
        std::cerr << "bench_report: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
