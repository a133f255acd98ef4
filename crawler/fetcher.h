#pragma once
// HTTP fetching with libcurl's multi interface: one thread, event-driven,
// many transfers in flight. Politeness is built in: a global limit of
// transfers, a per-host limit and a minimum interval between two request
// starts to one host, keyed on host:port (test and demo sites are many
// hosts on one 127.0.0.1 port, and several sites on 127.0.0.1 are distinct).
//
// A Fetcher follows redirects itself (at most max_redirects, http and https
// only, each hop through the same politeness, each refused when the
// redirect policy says so), retries transient failures (timeouts,
// connection errors, 5xx, 429) with exponential backoff and jitter,
// honouring Retry-After, and pauses a host that keeps failing. Bodies are
// decompressed (gzip, deflate, brotli, zstd) and bounded after
// decompression, so a decompression bomb stops at max_body_bytes.
//
// Not thread-safe: one Fetcher per thread; run() calls back on its thread,
// and the callback may add() more requests. Only wake() may be called from
// another thread.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "config/config.h"

namespace presswatch::crawler {

struct FetchOptions {
    std::string user_agent = "presswatch";
    int concurrency = 16;              // transfers in flight, all hosts
    int per_host_concurrency = 2;      // transfers in flight to one host
    int min_interval_ms = 1000;        // between two request starts to one host
    int connect_timeout_s = 10;
    int transfer_timeout_s = 30;
    std::int64_t max_body_bytes = 8 * 1024 * 1024;  // also after decompression
    int max_redirects = 5;
    // Tries of one request within one run for transient failures; later
    // ones are the frontier's business (next_try).
    int max_attempts = 3;
    int backoff_base_ms = 500;         // first retry after about this, doubling
    // A Retry-After longer than this ends the tries of this run: the
    // request is reported with retry_after_s and retried on a later pass.
    int max_retry_wait_s = 60;
    // Transient failures in a row after which a host is paused for the
    // rest of the run: its queued requests are reported as failed.
    int host_failure_limit = 6;
    // After stop is requested, transfers in flight get this long to finish.
    int stop_grace_ms = 5000;

    static FetchOptions from(const config::Settings& s);
};

struct Request {
    std::uint64_t tag = 0;            // the caller's id, returned in the Response
    std::string url;
    std::string etag;                 // conditional GET: If-None-Match
    std::string last_modified;        // conditional GET: If-Modified-Since
    std::string cookie_jar;           // requests with the same non-empty key share cookies
    std::string cookies;              // "a=1; b=2" sent as they are (configured cookies)
    int redirects = 0;                // hops already followed (a redirect handed back, then added again)
};

struct Response {
    std::uint64_t tag = 0;
    std::string url;                  // as requested
    std::string final_url;            // after redirects
    int status = 0;                   // HTTP status of the last response; 0 when none
    std::string headers;              // of the last response, one per line
    std::string content_type, etag, last_modified;
    std::string body;                 // decompressed bytes, not yet decoded
    std::string error;                // empty when an HTTP response arrived and was accepted
    std::string redirect_to;          // a redirect handed back to the caller (see RedirectDecision)
    bool transient = false;           // worth trying again later
    bool cancelled = false;           // stopped by stop(); the request did not complete
    std::optional<std::int64_t> retry_after_s;  // what the server asked for, if it did
    int attempts = 0;
    int redirects = 0;
    double seconds = 0;               // wall time of the last attempt

    bool ok() const { return error.empty() && status >= 200 && status < 300; }
    bool not_modified() const { return error.empty() && status == 304; }
};

// What the caller says of one redirect hop. Made from a string: empty
// follows it, anything else refuses it with that as the error.
struct RedirectDecision {
    RedirectDecision(std::string refusal = {}) : refusal(std::move(refusal)) {}  // NOLINT: implicit on purpose
    // Not followed by the fetcher: the request is reported with status 3xx,
    // no error and redirect_to set, for the caller to add it again (with
    // Request::redirects) when it is ready, e.g. once the new host's
    // robots.txt is known.
    static RedirectDecision hand_back() {
        RedirectDecision d;
        d.handed_back = true;
        return d;
    }
    std::string refusal;
    bool handed_back = false;
};

class Fetcher {
public:
    explicit Fetcher(FetchOptions options);
    ~Fetcher();
    Fetcher(const Fetcher&) = delete;
    Fetcher& operator=(const Fetcher&) = delete;

    void add(Request r);
    // A longer interval for one host ("host:port"), e.g. robots.txt's Crawl-delay.
    void set_min_interval(const std::string& host_port, int ms);
    // Decides each redirect hop of request `tag` (to is absolute, http or https).
    using RedirectPolicy =
        std::function<RedirectDecision(std::uint64_t tag, const std::string& from, const std::string& to)>;
    void set_redirect_policy(RedirectPolicy p);
    // Called on run()'s thread once per turn of its loop (at least every
    // 100 ms, and soon after wake()): work that other threads hand back,
    // which may add() requests. While it returns true (work still out),
    // run() goes on even with nothing queued or in flight.
    void set_tick(std::function<bool()> tick);
    // Thread-safe: makes run() turn its loop now rather than at its next event.
    void wake();

    // Runs until nothing is queued or in flight, or *stop turns true. After
    // a stop, nothing new starts, queued requests are dropped silently and
    // transfers in flight get stop_grace_ms before they are reported as
    // cancelled. on_done is called once per request, on this thread.
    void run(const std::function<void(Response&&)>& on_done, const std::atomic<bool>* stop = nullptr);

    std::size_t queued() const;
    std::size_t in_flight() const;
    // Hosts paused in this run for failing again and again ("host:port").
    std::vector<std::string> paused_hosts() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Unix seconds until a Retry-After value (delta seconds or an HTTP date)
// from now; nullopt when unreadable.
std::optional<std::int64_t> parse_retry_after(const std::string& value, std::int64_t now);

}  // namespace presswatch::crawler
