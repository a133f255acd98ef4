#include "pipeline/crawl.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "crawler/charset.h"
#include "crawler/discovery.h"
#include "crawler/fetcher.h"
#include "crawler/robots.h"
#include "crawler/url.h"
#include "pipeline/index_keeper.h"
#include "pipeline/ingest.h"
#include "pipeline/page_workers.h"
#include "pipeline/thread_cpu.h"
#include "store/frontier.h"
#include "store/robots_cache.h"
#include "store/snapshot_codec.h"
#include "store/source_health.h"

namespace presswatch::pipeline {
namespace {

using Clock = std::chrono::steady_clock;

// An article that keeps failing is given up after this many fetches
// (spread over passes by next_try), so a dead link does not cost forever.
constexpr int max_article_attempts = 5;
// First wait before an article or source is tried again after a transient
// failure, doubling with each attempt up to max_retry_delay_s.
constexpr std::int64_t first_retry_delay_s = 5 * 60;
constexpr std::int64_t max_retry_delay_s = 6 * 3600;
// Child sitemaps of an index read in one pass, newest first: news sites
// keep hundreds of monthly sitemaps, and only recent ones hold new links.
constexpr std::size_t max_child_sitemaps = 20;
// Prepared articles written in one SQLite transaction: one commit per
// batch instead of one per page (and per frontier mark).
constexpr std::size_t store_batch = 64;
// ... or sooner, so that a slow crawl still shows its articles.
constexpr auto store_batch_age = std::chrono::milliseconds(500);
// Pages waiting for a worker thread, per thread: enough to keep them busy,
// few enough that bodies do not pile up in memory.
constexpr std::size_t waiting_pages_per_worker = 4;
// Article jobs of one outlet held in memory; the rest of its backlog waits
// in the frontier and is read a window at a time, so that memory does not
// grow with the number of URLs a pass discovers (a backfill finds many).
// Every outlet has some, so the fetcher can take turns between hosts.
constexpr int articles_in_memory_per_outlet = 64;
// ... topped up when half of them are done: each reading of the frontier
// scans its queued rows, so it is done once per window, not once per page.
constexpr int refill_below = articles_in_memory_per_outlet / 2;

unsigned worker_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

// A response's body is HTML we can extract (or the server did not say).
bool html_type(const std::string& content_type) {
    if (content_type.empty()) return true;
    std::string t = content_type.substr(0, content_type.find(';'));
    for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t.find("html") != std::string::npos || t == "text/plain";
}

std::string join_cookies(const std::vector<std::string>& cookies) {
    std::string out;
    for (const auto& c : cookies) out += (out.empty() ? "" : "; ") + c;
    return out;
}

class Pass {
public:
    Pass(const config::Config& cfg, store::Store& store, const CrawlOptions& opt)
        : cfg_(cfg), store_(store), opt_(opt), frontier_(store.db()), robots_cache_(store.db()),
          health_(store.db()), ingest_(cfg, store), fetcher_(crawler::FetchOptions::from(cfg.settings)),
          workers_(ingest_, worker_threads(), waiting_pages_per_worker * worker_threads(),
                   [this] { fetcher_.wake(); }) {
        now_ = unix_now();
        since_ = opt.since.value_or(now_ - static_cast<std::int64_t>(cfg.settings.max_age_days) * 86400);
        fetcher_.set_redirect_policy([this](std::uint64_t tag, const std::string& from, const std::string& to) {
            return redirect_decision(tag, from, to);
        });
        // Pages with the workers may, once stored, make room for more of
        // the backlog: the fetch loop waits for them.
        fetcher_.set_tick([this] {
            collect(false);
            return workers_.outstanding() > 0 || !ready_.empty();
        });
    }

    CrawlSummary run() {
        auto started = Clock::now();
        double cpu0 = thread_cpu_seconds();
        store_.sync_outlets(cfg_.outlets);
        for (const auto& o : cfg_.outlets) {
            if (!opt_.outlets.empty() && std::find(opt_.outlets.begin(), opt_.outlets.end(), o.slug) == opt_.outlets.end())
                continue;
            outlet_index_[o.slug] = summary_.outlets.size();
            summary_.outlets.push_back({o.slug, o.name});
            outstanding_[o.slug] = 0;
            // An outlet that sets a cookie on a landing page before it
            // serves its feed: the landing page first, the sources after.
            if (!o.cookie_url.empty()) submit(Job(o.cookie_url, o.slug, "cookie"));
            else queue_sources(o);
        }
        resume_articles();
        // The index follows the crawl on the process's index writer: the
        // caller's (`serve --crawl-every`) or one of the pass's own.
        std::optional<IndexKeeper> own_keeper;
        IndexKeeper& keeper = opt_.index_keeper ? *opt_.index_keeper : own_keeper.emplace(store_.data_dir());
        const std::size_t indexed0 = keeper.indexed();
        const double index_cpu0 = keeper.cpu_seconds();
        const auto compactions0 = keeper.compactions();
        fetcher_.run([this](crawler::Response&& r) { on_response(std::move(r)); }, opt_.stop);
        collect(true);
        summary_.stopped = opt_.stop && opt_.stop->load();
        summary_.paused_hosts = fetcher_.paused_hosts();
        for (const auto& h : summary_.paused_hosts)
            event("warning", "", "", fmt::format("host {} was paused after failing again and again", h));
        // The store is the truth: when the index cannot be written now (a
        // `reindex` holds its lock), the articles stay in the index journal
        // and the keeper, the next crawl or a reindex picks them up.
        if (!keeper.sync_all())
            event("warning", "", "",
                  fmt::format("search index not updated this time ({}); the articles stay queued for it",
                              keeper.last_error()));
        report_compactions(compactions0, keeper.compactions());
        summary_.indexed = keeper.indexed() - indexed0;
        summary_.cpu.index = keeper.cpu_seconds() - index_cpu0;
        summary_.cpu.fetch = thread_cpu_seconds() - cpu0 - summary_.cpu.store;
        for (const auto& o : summary_.outlets) add_to(summary_.total, o);
        summary_.total.slug = "total";
        summary_.seconds = std::chrono::duration<double>(Clock::now() - started).count();
        report_progress(true);
        return summary_;
    }

private:
    void report_compactions(const IndexKeeper::Compactions& before, const IndexKeeper::Compactions& after) {
        if (after.done > before.done)
            event("info", "", "",
                  fmt::format("search index compacted: {:.1f} MB -> {:.1f} MB in {:.1f} s",
                              static_cast<double>(after.last.bytes_before) / 1e6,
                              static_cast<double>(after.last.bytes_after) / 1e6, after.last.seconds));
        if (after.failed > before.failed)
            event("warning", "", "", fmt::format("search index not compacted: {}", after.error));
    }

    struct Job {
        Job(std::string u, std::string o, std::string k) : url(std::move(u)), outlet(std::move(o)), kind(std::move(k)) {}
        std::string url;         // canonical, the frontier's key
        std::string outlet;      // slug; empty for robots.txt
        std::string kind;        // feed | sitemap | listing | article | robots | cookie
        std::string body_hash;   // of a source's last body
        std::string etag, last_modified;
        int depth = 0;           // listing pages followed from the configured one
        std::string fetch_url;   // url, or the hop a redirect led to
        int redirects = 0;       // hops followed to reach fetch_url
    };
    // An article page with the worker threads, and what storing it needs.
    struct Preparing {
        std::string url, outlet, final_url;
        int status = 0;
        std::int64_t fetched = 0;
    };
    // robots.txt of one origin: requests wait for it, then pass or not.
    struct Origin {
        enum class State { unknown, fetching, ready } state = State::unknown;
        crawler::Robots robots;
        bool unreadable = false;            // 5xx or no answer: nothing allowed this pass
        std::vector<std::uint64_t> waiting;
    };

    static void add_to(OutletSummary& t, const OutletSummary& o) {
        t.sources += o.sources;
        t.sources_failed += o.sources_failed;
        t.discovered += o.discovered;
        t.fetched += o.fetched;
        t.new_articles += o.new_articles;
        t.changed_articles += o.changed_articles;
        t.new_clippings += o.new_clippings;
        t.skipped += o.skipped;
        t.errors += o.errors;
    }

    static bool is_source(const std::string& kind) { return kind == "feed" || kind == "sitemap" || kind == "listing"; }

    OutletSummary& sum(const std::string& slug) { return summary_.outlets[outlet_index_.at(slug)]; }

    void event(const std::string& level, const std::string& outlet, const std::string& url, std::string message) {
        if (opt_.on_event) opt_.on_event({level, outlet, url, std::move(message)});
    }

    // A hop to an origin whose robots.txt is not read yet (or forbids the
    // path) is handed back and goes through submit's robots gate again.
    crawler::RedirectDecision redirect_decision(std::uint64_t tag, const std::string& from, const std::string& to) {
        if (auto why = redirect_refusal(from, to); !why.empty()) return why;
        auto job = jobs_.find(tag);
        if (job == jobs_.end() || job->second.kind == "robots") return {};
        auto o = origins_.find(crawler::url_origin(to));
        if (o != origins_.end() && o->second.state == Origin::State::ready && !o->second.unreadable &&
            o->second.robots.allowed(crawler::url_path_query(to)))
            return {};
        return crawler::RedirectDecision::hand_back();
    }

    std::string redirect_refusal(const std::string& from, const std::string& to) {
        const auto* a = cfg_.outlet_for_host(crawler::url_host(from));
        const auto* b = cfg_.outlet_for_host(crawler::url_host(to));
        if (b && (!a || a == b)) return {};
        if (a && crawler::host_in_domains(crawler::url_host(to), a->redirect_hosts)) return {};
        return "redirect to a host outside the outlet's domains refused: " + to +
               " (add the host to the outlet's redirect_hosts to allow it)";
    }

    // --- submitting, behind robots.txt ---------------------------------

    void submit(Job job) {
        std::uint64_t tag = next_tag_++;
        if (!job.outlet.empty()) outstanding_[job.outlet]++;
        if (job.fetch_url.empty()) job.fetch_url = job.url;
        jobs_.emplace(tag, std::move(job));
        route(tag);
    }

    // Sends job `tag` to its fetch_url's origin: admitted now if its
    // robots.txt is known, else once it has been read.
    void route(std::uint64_t tag) {
        std::string origin = crawler::url_origin(jobs_.at(tag).fetch_url);
        auto& o = origins_[origin];
        if (o.state == Origin::State::ready) return admit(tag, o);
        o.waiting.push_back(tag);
        if (o.state == Origin::State::fetching) return;
        if (auto cached = robots_cache_.get(origin, now_, crawler::robots_cache_seconds)) {
            apply_robots(origin, cached->status, cached->body);
            return;
        }
        o.state = Origin::State::fetching;
        std::uint64_t rtag = next_tag_++;
        jobs_.emplace(rtag, Job(origin + "/robots.txt", "", "robots"));
        crawler::Request r;
        r.tag = rtag;
        r.url = origin + "/robots.txt";
        fetcher_.add(std::move(r));
    }

    void admit(std::uint64_t tag, Origin& o) {
        const Job& job = jobs_.at(tag);
        if (job.kind != "cookie" && !o.robots.allowed(crawler::url_path_query(job.fetch_url))) {
            crawler::Response r;
            r.tag = tag;
            r.url = job.url;
            r.final_url = job.fetch_url;
            r.transient = o.unreadable;
            r.error = o.unreadable ? "robots.txt could not be read: nothing is fetched from this host until it can"
                                   : "disallowed by robots.txt";
            on_response(std::move(r), /*refused=*/true);
            return;
        }
        const auto* outlet = cfg_.outlet_by_slug(job.outlet);
        crawler::Request r;
        r.tag = tag;
        r.url = job.fetch_url;
        r.redirects = job.redirects;
        r.etag = job.etag;
        r.last_modified = job.last_modified;
        r.cookie_jar = job.outlet;
        if (outlet) r.cookies = join_cookies(outlet->cookies);
        fetcher_.add(std::move(r));
    }

    void apply_robots(const std::string& origin, int status, const std::string& body) {
        auto& o = origins_[origin];
        if (status >= 200 && status < 300) o.robots = crawler::Robots::parse(body, cfg_.settings.user_agent);
        else if (status >= 400 && status < 500) o.robots = crawler::Robots::allow_all();
        else o.robots = crawler::Robots::disallow_all(), o.unreadable = true;
        o.state = Origin::State::ready;
        if (auto delay = o.robots.crawl_delay_ms(); delay && *delay > cfg_.settings.min_interval_ms)
            fetcher_.set_min_interval(crawler::url_host_port(origin), *delay);
        // A backfill also reads the sitemaps robots.txt names.
        if (opt_.since)
            for (const auto& sm : o.robots.sitemaps())
                if (const auto* outlet = cfg_.outlet_for_host(crawler::url_host(sm)))
                    if (outlet_index_.count(outlet->slug)) queue_source(*outlet, sm, "sitemap", origin + "/robots.txt");
        auto waiting = std::move(o.waiting);
        o.waiting.clear();
        for (auto tag : waiting) admit(tag, o);
    }

    void on_robots(const Job& job, const crawler::Response& r) {
        std::string origin = crawler::url_origin(job.url);
        int status = r.error.empty() ? r.status : 0;
        if ((status >= 200 && status < 300) || (status >= 400 && status < 500))
            robots_cache_.put(origin, {status, status < 300 ? r.body : std::string(), unix_now()});
        else
            event("warning", "", job.url,
                  fmt::format("robots.txt unreadable ({}): this host is skipped until it can be read",
                              r.error.empty() ? fmt::format("HTTP {}", r.status) : r.error));
        apply_robots(origin, status, r.body);
    }

    // --- sources --------------------------------------------------------

    void queue_sources(const config::Outlet& o) {
        for (const auto& u : o.feeds) queue_source(o, u, "feed");
        for (const auto& u : o.sitemaps) queue_source(o, u, "sitemap");
        for (const auto& u : o.listings) queue_source(o, u, "listing");
    }

    void queue_source(const config::Outlet& o, const std::string& raw, const std::string& kind,
                      const std::string& from = "config", int depth = 0) {
        auto url = crawler::canonical_url(raw, o.tracking_parameters);
        if (!url) {
            event("error", o.slug, raw, "not an http(s) URL; check sources.toml");
            return;
        }
        if (!queued_sources_.insert(*url).second) return;  // once a pass
        frontier_.add(*url, o.slug, kind, from, std::nullopt, now_);
        auto e = frontier_.get(*url);
        if (e && e->next_try && *e->next_try > now_) {
            event("info", o.slug, *url, fmt::format("{} not due yet (the server asked to wait)", kind));
            return;
        }
        Job job(*url, o.slug, kind);
        job.depth = depth;
        // A backfill (--since) reads every source in full: the items it
        // wants were skipped as too old when the body was last seen.
        if (e && !opt_.since) {
            job.body_hash = e->body_hash;
            job.etag = e->etag;
            job.last_modified = e->last_modified;
        }
        submit(std::move(job));
    }

    void resume_articles() {
        // Everything queued and due: discovered by an earlier pass (perhaps
        // one that was killed) and not fetched yet, then what this pass finds.
        for (const auto& [slug, index] : outlet_index_) refill(slug);
    }

    // Tops up one outlet's article jobs from its backlog in the frontier.
    void refill(const std::string& outlet) {
        auto& b = backlog_[outlet];
        // A job refused at once (robots.txt) finishes inside submit and
        // would refill again from within: the loop below goes on instead,
        // so the stack does not grow with the backlog.
        if (b.refilling) return;
        b.refilling = true;
        while (b.more && b.in_memory < articles_in_memory_per_outlet && !(opt_.stop && opt_.stop->load())) {
            auto due = frontier_.due_articles_after(outlet, b.cursor, now_,
                                                    static_cast<std::size_t>(articles_in_memory_per_outlet - b.in_memory));
            if (due.empty()) b.more = false;
            for (auto& [row, url] : due) {
                b.cursor = row;
                if (store_.article_id_by_url(url)) {
                    // Stored before a crash could mark it: done, not fetched again.
                    frontier_.mark_done(url, 200, url, now_);
                    continue;
                }
                b.in_memory++;
                submit(Job(url, outlet, "article"));
            }
        }
        b.refilling = false;
    }

    // An article job is over (stored, skipped or failed): room for the next.
    void article_done(const std::string& outlet) {
        if (--backlog_[outlet].in_memory < refill_below) refill(outlet);
    }

    std::int64_t retry_at(const crawler::Response& r, int attempts) const {
        std::int64_t delay = first_retry_delay_s << std::min(attempts, 10);
        delay = std::min(delay, max_retry_delay_s);
        if (r.retry_after_s) delay = std::max(delay, *r.retry_after_s);
        return unix_now() + delay;
    }

    void on_response(crawler::Response&& r, bool refused = false) {
        auto it = jobs_.find(r.tag);
        if (it == jobs_.end()) return;
        if (!r.redirect_to.empty()) {
            // A hop handed back by redirect_decision: robots.txt first.
            it->second.fetch_url = r.redirect_to;
            it->second.redirects = r.redirects + 1;
            route(r.tag);
            return;
        }
        Job job = std::move(it->second);
        jobs_.erase(it);
        bool preparing = false;
        if (!r.cancelled) {
            if (!refused) fetched_++;
            if (job.kind == "robots") on_robots(job, r);
            else if (job.kind == "cookie") on_cookie(job, r);
            else if (job.kind == "article") preparing = on_article(r.tag, job, r, refused);
            else on_source(job, r);
        }
        if (job.kind == "article" && !preparing) article_done(job.outlet);
        if (!preparing) outlet_step_done(job.outlet);
        report_progress(false);
    }

    void outlet_step_done(const std::string& outlet) {
        if (!outlet.empty() && --outstanding_[outlet] == 0) outlets_done_++;
    }

    void on_cookie(const Job& job, const crawler::Response& r) {
        if (!r.ok()) event("warning", job.outlet, job.url, "cookie page failed: " + (r.error.empty() ? fmt::format("HTTP {}", r.status) : r.error));
        if (const auto* o = cfg_.outlet_by_slug(job.outlet)) queue_sources(*o);
    }

    void failed(const Job& job, const crawler::Response& r, bool give_up) {
        auto& s = sum(job.outlet);
        s.errors++;
        errors_++;
        std::string error = r.error.empty() ? fmt::format("HTTP {}", r.status) : r.error;
        auto entry = frontier_.get(job.url);
        int attempts = entry ? entry->attempts + 1 : 1;
        std::optional<std::int64_t> next;
        if (is_source(job.kind)) {
            s.sources_failed++;
            // Sources are read every pass; a server asking for a pause gets it.
            if (r.retry_after_s) next = retry_at(r, 0);
            health_.record({job.url, job.outlet, job.kind, unix_now(),
                            r.status ? std::optional<int>(r.status) : std::nullopt, 0, 0, error});
        } else if (!give_up && attempts < max_article_attempts) {
            next = retry_at(r, attempts - 1);
        }
        frontier_.mark_failed(job.url, r.status ? std::optional<int>(r.status) : std::nullopt, error, unix_now(), next);
        event("error", job.outlet, job.url, fmt::format("{}: {}", job.kind, error));
    }

    void on_source(const Job& job, crawler::Response& r) {
        auto& s = sum(job.outlet);
        s.sources++;
        auto at = unix_now();
        if (r.not_modified()) {
            frontier_.mark_done(job.url, 304, r.final_url, at);
            health_.record({job.url, job.outlet, job.kind, at, 304, 0, 0, ""});
            event("info", job.outlet, job.url, job.kind + " not modified (304)");
            return;
        }
        if (!r.ok()) {
            failed(job, r, !r.transient);
            return;
        }
        // Some servers send a new ETag for the same body: the hash decides.
        std::string hash = store::sha256_hex(r.body);
        if (hash == job.body_hash) {
            frontier_.mark_done(job.url, r.status, r.final_url, at, r.etag, r.last_modified, hash);
            health_.record({job.url, job.outlet, job.kind, at, 304, 0, 0, ""});
            event("info", job.outlet, job.url, job.kind + " unchanged (same body)");
            return;
        }
        const auto* outlet = cfg_.outlet_by_slug(job.outlet);
        auto d = crawler::discover(job.kind, r.body, r.content_type, r.final_url, *outlet);
        int added = 0, old = 0;
        store_.db().transaction([&] {
            for (const auto& link : d.articles) {
                if (link.published && *link.published < since_) {
                    old++;
                    continue;
                }
                if (frontier_.add(link.url, job.outlet, "article", job.url, link.published, at)) added++;
            }
            frontier_.mark_done(job.url, r.status, r.final_url, at, r.etag, r.last_modified, hash);
            health_.record({job.url, job.outlet, job.kind, at, r.status, d.listed, added, ""});
        });
        s.discovered += added;
        if (added) {
            backlog_[job.outlet].more = true;
            refill(job.outlet);
        }
        // Child sitemaps: the recent ones (by lastmod), newest first.
        auto children = d.sitemaps;
        std::stable_sort(children.begin(), children.end(), [](const auto& a, const auto& b) {
            return a.published.value_or(std::numeric_limits<std::int64_t>::max()) >
                   b.published.value_or(std::numeric_limits<std::int64_t>::max());
        });
        std::size_t taken = 0;
        for (const auto& c : children) {
            if (taken >= max_child_sitemaps || (c.published && *c.published < since_)) break;
            queue_source(*outlet, c.url, "sitemap", job.url);
            taken++;
        }
        if (d.next_page && job.kind == "listing" && job.depth < outlet->listing_depth)
            queue_source(*outlet, *d.next_page, "listing", job.url, job.depth + 1);
        if (!d.error.empty() && d.articles.empty() && d.sitemaps.empty())
            event("warning", job.outlet, job.url, job.kind + " yielded nothing: " + d.error);
        else
            event("info", job.outlet, job.url,
                  fmt::format("{} listed {} links: {} new, {} older than the cut-off, {} outside the outlet{}",
                              job.kind, d.listed, added, old, d.foreign,
                              taken ? fmt::format(", {} sitemaps to read", taken) : std::string()));
    }

    // Returns true when the page went to the worker threads (stored later by collect).
    bool on_article(std::uint64_t tag, const Job& job, crawler::Response& r, bool refused) {
        auto& s = sum(job.outlet);
        auto done_at = unix_now();
        if (refused && !r.transient) {
            s.skipped++;
            frontier_.mark_skipped(job.url, std::nullopt, r.error, done_at);
            event("info", job.outlet, job.url, r.error);
            return false;
        }
        if (!r.ok()) {
            // 4xx and refused redirects will not get better by trying again.
            failed(job, r, !r.transient);
            return false;
        }
        s.fetched++;
        if (!html_type(r.content_type)) {
            s.skipped++;
            frontier_.mark_skipped(job.url, r.status, "not an HTML page (" + r.content_type + ")", done_at);
            return false;
        }
        preparing_[tag] = {job.url, job.outlet, r.final_url, r.status, done_at};
        RawPage raw;
        raw.tag = tag;
        raw.content_type = std::move(r.content_type);
        raw.page.outlet = job.outlet;
        raw.page.url = job.url;
        raw.page.final_url = r.final_url;
        raw.page.status = r.status;
        raw.page.headers = std::move(r.headers);
        raw.page.body = std::move(r.body);
        raw.page.fetched = done_at;
        workers_.push(std::move(raw));
        return true;
    }

    // Takes the pages the workers have prepared and stores them, a batch
    // per transaction; `all` waits for every page still with the workers.
    void collect(bool all) {
        const bool was_empty = ready_.empty();
        for (auto& p : all ? workers_.finish() : workers_.take()) ready_.push_back(std::move(p));
        if (ready_.empty()) return;
        if (was_empty) oldest_ready_ = Clock::now();
        if (!all && ready_.size() < store_batch && Clock::now() - oldest_ready_ < store_batch_age) return;
        double t0 = thread_cpu_seconds();
        store_.db().transaction([&] {
            for (auto& p : ready_) store_article(p);
        });
        for (auto& p : ready_) {
            summary_.cpu.decode += p.decode_cpu;
            summary_.cpu.extract += p.page.cost.extract;
            summary_.cpu.triage += p.page.cost.triage;
            summary_.cpu.snapshot += p.page.cost.snapshot;
            article_done(p.page.outlet);
            outlet_step_done(p.page.outlet);
        }
        ready_.clear();
        oldest_ready_ = Clock::now();
        summary_.cpu.store += thread_cpu_seconds() - t0;
        report_progress(false);
    }

    void store_article(PreparedResult& p) {
        auto node = preparing_.extract(p.tag);
        const Preparing& a = node.mapped();
        auto& s = sum(a.outlet);
        IngestResult res = ingest_.store(p.page);
        if (!res.error.empty()) {
            s.skipped++;
            frontier_.mark_skipped(a.url, a.status, res.error, a.fetched);
            if (p.page.listing) {
                // Kept only as a source of links: its articles join the frontier.
                int added = 0;
                for (const auto& link : p.page.links)
                    if (frontier_.add(link, a.outlet, "article", a.url, std::nullopt, a.fetched)) added++;
                s.discovered += added;
                if (added) backlog_[a.outlet].more = true;
                event("info", a.outlet, a.url,
                      fmt::format("not stored: a listing page, not an article; {} new links of {}", added,
                                  p.page.links.size()));
                return;
            }
            event("warning", a.outlet, a.url, "not stored: " + res.error);
            return;
        }
        frontier_.mark_done(a.url, a.status, a.final_url, a.fetched);
        // Reached through a redirect: the final URL is known too now.
        if (auto final_url = crawler::canonical_url(a.final_url); final_url && *final_url != a.url)
            if (frontier_.add(*final_url, a.outlet, "article", a.url, std::nullopt, a.fetched))
                frontier_.mark_done(*final_url, a.status, a.final_url, a.fetched);
        if (res.inserted) s.new_articles++;
        if (res.changed) s.changed_articles++;
        if (res.inserted && res.clipping) {
            s.new_clippings++;
            clippings_++;
        }
    }

    void report_progress(bool final) {
        if (!opt_.on_progress) return;
        auto now = Clock::now();
        if (!final && now - last_progress_ < std::chrono::milliseconds(opt_.progress_interval_ms)) return;
        last_progress_ = now;
        CrawlProgress p;
        p.outlets_total = static_cast<int>(summary_.outlets.size());
        p.outlets_done = outlets_done_;
        p.fetched = fetched_;
        p.queued = static_cast<std::int64_t>(fetcher_.queued() + fetcher_.in_flight() + preparing_.size());
        p.new_clippings = clippings_;
        p.errors = errors_;
        double secs = std::chrono::duration<double>(now - start_).count();
        p.pages_per_second = secs > 0 ? fetched_ / secs : 0;
        opt_.on_progress(p);
    }

    const config::Config& cfg_;
    store::Store& store_;
    const CrawlOptions& opt_;
    store::Frontier frontier_;
    store::RobotsCache robots_cache_;
    store::SourceHealth health_;
    Ingest ingest_;
    crawler::Fetcher fetcher_;
    PageWorkers workers_;       // after ingest_ and fetcher_, which it uses
    std::map<std::uint64_t, Preparing> preparing_;
    // Per outlet: the frontier row read up to, whether more may be due, and
    // article jobs in memory (submitted, not yet finished).
    struct Backlog {
        std::int64_t cursor = 0;
        bool more = true;
        int in_memory = 0;
        bool refilling = false;
    };
    std::map<std::string, Backlog> backlog_;
    std::vector<PreparedResult> ready_;
    Clock::time_point oldest_ready_{};
    std::int64_t now_ = 0, since_ = 0;
    CrawlSummary summary_;
    std::map<std::string, std::size_t> outlet_index_;
    std::map<std::string, int> outstanding_;
    std::map<std::uint64_t, Job> jobs_;
    std::map<std::string, Origin> origins_;
    std::set<std::string> queued_sources_;
    std::uint64_t next_tag_ = 1;
    int fetched_ = 0, errors_ = 0, clippings_ = 0, outlets_done_ = 0;
    Clock::time_point start_ = Clock::now(), last_progress_{};
};

}  // namespace

CrawlSummary crawl(const config::Config& cfg, store::Store& store, const CrawlOptions& options) {
    Pass pass(cfg, store, options);
    return pass.run();
}

}  // namespace presswatch::pipeline
