#include "pipeline/crawl.h"

#include <chrono>
#include <ctime>
#include <map>

#include <fmt/format.h>

#include "crawler/charset.h"
#include "crawler/feed_parser.h"
#include "crawler/fetcher.h"
#include "crawler/url.h"
#include "pipeline/index_sync.h"
#include "pipeline/ingest.h"
#include "store/frontier.h"
#include "store/snapshot_codec.h"

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

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

// A response's body is HTML we can extract (or the server did not say).
bool html_type(const std::string& content_type) {
    if (content_type.empty()) return true;
    std::string t = content_type.substr(0, content_type.find(';'));
    for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t.find("html") != std::string::npos || t == "text/plain";
}

class Pass {
public:
    Pass(const config::Config& cfg, store::Store& store, const CrawlOptions& opt)
        : cfg_(cfg), store_(store), opt_(opt), frontier_(store.db()), ingest_(cfg, store),
          fetcher_(crawler::FetchOptions::from(cfg.settings)) {
        now_ = unix_now();
        since_ = opt.since.value_or(now_ - static_cast<std::int64_t>(cfg.settings.max_age_days) * 86400);
        fetcher_.set_redirect_policy([this](const std::string& from, const std::string& to) {
            return redirect_refusal(from, to);
        });
    }

    CrawlSummary run() {
        auto started = Clock::now();
        store_.sync_outlets(cfg_.outlets);
        for (const auto& o : cfg_.outlets) {
            if (!opt_.outlets.empty() && std::find(opt_.outlets.begin(), opt_.outlets.end(), o.slug) == opt_.outlets.end())
                continue;
            outlet_index_[o.slug] = summary_.outlets.size();
            summary_.outlets.push_back({o.slug, o.name});
            outstanding_[o.slug] = 0;
            for (const auto& u : o.feeds) queue_source(o, u, "feed");
        }
        resume_articles();
        fetcher_.run([this](crawler::Response&& r) { on_response(std::move(r)); }, opt_.stop);
        summary_.stopped = opt_.stop && opt_.stop->load();
        summary_.paused_hosts = fetcher_.paused_hosts();
        for (const auto& h : summary_.paused_hosts)
            event("warning", "", "", fmt::format("host {} was paused after failing again and again", h));
        summary_.indexed = sync_index(store_);
        for (const auto& o : summary_.outlets) add_to(summary_.total, o);
        summary_.total.slug = "total";
        summary_.seconds = std::chrono::duration<double>(Clock::now() - started).count();
        report_progress(true);
        return summary_;
    }

private:
    struct Job {
        std::string url;       // canonical, the frontier's key
        std::string outlet;
        std::string kind;      // feed | article
        std::string body_hash; // of the source's last body
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

    OutletSummary& sum(const std::string& slug) { return summary_.outlets[outlet_index_.at(slug)]; }

    void event(const std::string& level, const std::string& outlet, const std::string& url, std::string message) {
        if (opt_.on_event) opt_.on_event({level, outlet, url, std::move(message)});
    }

    std::string redirect_refusal(const std::string& from, const std::string& to) {
        const auto* a = cfg_.outlet_for_host(crawler::url_host(from));
        const auto* b = cfg_.outlet_for_host(crawler::url_host(to));
        if (b && (!a || a == b)) return {};
        return "redirect to a host outside the outlet's domains refused: " + to;
    }

    std::uint64_t submit(Job job, const std::string& etag = {}, const std::string& last_modified = {}) {
        std::uint64_t tag = next_tag_++;
        crawler::Request r;
        r.tag = tag;
        r.url = job.url;
        r.etag = etag;
        r.last_modified = last_modified;
        r.cookie_jar = job.outlet;
        outstanding_[job.outlet]++;
        jobs_.emplace(tag, std::move(job));
        fetcher_.add(std::move(r));
        return tag;
    }

    void queue_source(const config::Outlet& o, const std::string& raw, const std::string& kind) {
        auto url = crawler::canonical_url(raw);
        if (!url) {
            event("error", o.slug, raw, "not an http(s) URL; check sources.toml");
            return;
        }
        frontier_.add(*url, o.slug, kind, "config", std::nullopt, now_);
        auto e = frontier_.get(*url);
        if (e && e->next_try && *e->next_try > now_) {
            event("info", o.slug, *url, fmt::format("{} not due yet (retry after {})", kind, *e->next_try));
            return;
        }
        submit({*url, o.slug, kind, e ? e->body_hash : ""}, e ? e->etag : "", e ? e->last_modified : "");
    }

    void resume_articles() {
        // Everything queued and due: discovered by an earlier pass (perhaps
        // one that was killed) and not fetched yet.
        for (auto& e : frontier_.due_articles(now_, std::numeric_limits<std::size_t>::max() / 2)) {
            if (!outlet_index_.count(e.outlet)) continue;
            if (store_.article_id_by_url(e.url)) {
                // Stored before a crash could mark it: done, not fetched again.
                frontier_.mark_done(e.url, 200, e.final_url, now_);
                continue;
            }
            submit({e.url, e.outlet, "article", ""});
        }
    }

    std::int64_t retry_at(const crawler::Response& r, int attempts) const {
        std::int64_t delay = first_retry_delay_s << std::min(attempts, 10);
        delay = std::min(delay, max_retry_delay_s);
        if (r.retry_after_s) delay = std::max(delay, *r.retry_after_s);
        return unix_now() + delay;
    }

    void on_response(crawler::Response&& r) {
        auto it = jobs_.find(r.tag);
        if (it == jobs_.end()) return;
        Job job = std::move(it->second);
        jobs_.erase(it);
        outstanding_[job.outlet]--;
        if (!r.cancelled) {
            fetched_++;
            if (job.kind == "article") on_article(job, r);
            else on_source(job, r);
        }
        if (outstanding_[job.outlet] == 0) outlets_done_++;
        report_progress(false);
    }

    void failed(const Job& job, const crawler::Response& r, bool give_up) {
        auto& s = sum(job.outlet);
        s.errors++;
        errors_++;
        if (job.kind != "article") s.sources_failed++;
        std::string error = r.error.empty() ? fmt::format("HTTP {}", r.status) : r.error;
        auto entry = frontier_.get(job.url);
        int attempts = entry ? entry->attempts + 1 : 1;
        std::optional<std::int64_t> next;
        if (job.kind != "article") {
            // Sources are read every pass; a server asking for a pause gets it.
            if (r.retry_after_s) next = retry_at(r, 0);
        } else if (!give_up && attempts < max_article_attempts) {
            next = retry_at(r, attempts - 1);
        }
        frontier_.mark_failed(job.url, r.status ? std::optional<int>(r.status) : std::nullopt, error, unix_now(), next);
        event("error", job.outlet, job.url, fmt::format("{}: {}", job.kind, error));
    }

    void on_source(const Job& job, crawler::Response& r) {
        auto& s = sum(job.outlet);
        s.sources++;
        if (r.not_modified()) {
            frontier_.mark_done(job.url, 304, r.final_url, unix_now());
            event("info", job.outlet, job.url, "feed not modified (304)");
            return;
        }
        if (!r.ok()) {
            failed(job, r, !r.transient);
            return;
        }
        // Some servers send a new ETag for the same body: the hash decides.
        std::string hash = store::sha256_hex(r.body);
        if (hash == job.body_hash) {
            frontier_.mark_done(job.url, r.status, r.final_url, unix_now(), r.etag, r.last_modified, hash);
            event("info", job.outlet, job.url, "feed unchanged (same body)");
            return;
        }
        const auto* outlet = cfg_.outlet_by_slug(job.outlet);
        auto feed = crawler::parse_feed(r.body, r.final_url);
        int listed = 0, added = 0, old = 0, foreign = 0;
        store_.db().transaction([&] {
            for (const auto& item : feed.items) {
                auto url = crawler::canonical_url(item.url);
                if (!url) continue;
                listed++;
                if (!crawler::host_in_domains(crawler::url_host(*url), outlet->domains)) {
                    foreign++;
                    continue;
                }
                if (item.published && *item.published < since_) {
                    old++;
                    continue;
                }
                if (frontier_.add(*url, job.outlet, "article", job.url, item.published, unix_now())) {
                    added++;
                    submit({*url, job.outlet, "article", ""});
                }
            }
            frontier_.mark_done(job.url, r.status, r.final_url, unix_now(), r.etag, r.last_modified, hash);
        });
        s.discovered += added;
        if (feed.items.empty())
            event("warning", job.outlet, job.url, "feed yielded nothing: " + feed.error);
        else
            event("info", job.outlet, job.url,
                  fmt::format("{} listed {} links: {} new, {} older than the cut-off, {} outside the outlet",
                              job.kind, listed, added, old, foreign));
    }

    void on_article(const Job& job, crawler::Response& r) {
        auto& s = sum(job.outlet);
        if (!r.ok()) {
            // 4xx and refused redirects will not get better by trying again.
            failed(job, r, !r.transient);
            return;
        }
        s.fetched++;
        auto done_at = unix_now();
        if (!html_type(r.content_type)) {
            s.skipped++;
            frontier_.mark_skipped(job.url, r.status, "not an HTML page (" + r.content_type + ")", done_at);
            return;
        }
        auto decoded = crawler::decode_to_utf8(r.body, r.content_type);
        FetchedPage page;
        page.outlet = job.outlet;
        page.url = job.url;
        page.final_url = r.final_url;
        page.status = r.status;
        page.headers = std::move(r.headers);
        page.body = std::move(decoded.text);
        page.fetched = done_at;
        IngestResult res = ingest_.page(page);
        if (!res.error.empty()) {
            s.skipped++;
            frontier_.mark_skipped(job.url, r.status, res.error, done_at);
            event("warning", job.outlet, job.url, "not stored: " + res.error);
            return;
        }
        frontier_.mark_done(job.url, r.status, r.final_url, done_at);
        // Reached through a redirect: the final URL is known too now.
        if (auto final_url = crawler::canonical_url(r.final_url); final_url && *final_url != job.url)
            if (frontier_.add(*final_url, job.outlet, "article", job.url, std::nullopt, done_at))
                frontier_.mark_done(*final_url, r.status, r.final_url, done_at);
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
        p.queued = static_cast<std::int64_t>(fetcher_.queued() + fetcher_.in_flight());
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
    Ingest ingest_;
    crawler::Fetcher fetcher_;
    std::int64_t now_ = 0, since_ = 0;
    CrawlSummary summary_;
    std::map<std::string, std::size_t> outlet_index_;
    std::map<std::string, int> outstanding_;
    std::map<std::uint64_t, Job> jobs_;
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
