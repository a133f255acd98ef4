#include "crawler/ascii.h"
#include "crawler/fetcher.h"

#include <algorithm>
#include <deque>
#include <mutex>
#include <random>
#include <set>
#include <vector>

#include <curl/curl.h>
#include <fmt/format.h>

#include "core/error.h"
#include "crawler/url.h"

namespace presswatch::crawler {
namespace {

using Clock = std::chrono::steady_clock;

struct EasyFree {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct MultiFree {
    void operator()(CURLM* m) const { curl_multi_cleanup(m); }
};
struct ShareFree {
    void operator()(CURLSH* s) const { curl_share_cleanup(s); }
};
struct SlistFree {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw RuntimeFailure("libcurl failed to initialise");
    });
}

// The value of header `name` in the header block, or "".
std::string header_value(const std::string& headers, std::string_view name) {
    std::size_t pos = 0;
    while (pos < headers.size()) {
        auto end = headers.find('\n', pos);
        if (end == std::string::npos) end = headers.size();
        std::string_view line(headers.data() + pos, end - pos);
        auto colon = line.find(':');
        if (colon == name.size() && std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
            }))
            return std::string(ascii_trim(line.substr(colon + 1)));
        pos = end + 1;
    }
    return {};
}

bool transient_curl_error(CURLcode c) {
    switch (c) {
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return true;
    default:
        return false;
    }
}

bool transient_status(int status) { return status == 429 || (status >= 500 && status <= 599); }
bool redirect_status(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

}  // namespace

FetchOptions FetchOptions::from(const config::Settings& s) {
    FetchOptions o;
    o.user_agent = s.user_agent;
    o.concurrency = std::max(1, s.concurrency);
    o.per_host_concurrency = std::max(1, s.per_host_concurrency);
    o.min_interval_ms = std::max(0, s.min_interval_ms);
    o.connect_timeout_s = s.connect_timeout_s;
    o.transfer_timeout_s = s.transfer_timeout_s;
    o.max_body_bytes = s.max_body_bytes;
    o.max_redirects = s.max_redirects;
    return o;
}

std::optional<std::int64_t> parse_retry_after(const std::string& value_in, std::int64_t now) {
    std::string value(ascii_trim(value_in));
    if (value.empty()) return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return value.size() > 9 ? std::nullopt : std::optional<std::int64_t>(std::stoll(value));
    time_t t = curl_getdate(value.c_str(), nullptr);
    if (t < 0) return std::nullopt;
    return std::max<std::int64_t>(0, static_cast<std::int64_t>(t) - now);
}

struct Fetcher::Impl {
    // One request on its way: through retries and redirect hops.
    struct Pending {
        Request req;
        std::string current_url;
        std::string host;          // host:port of current_url
        int attempts = 0;
        int redirects = 0;
        Clock::time_point not_before{};
    };
    struct Transfer {
        Pending p;
        std::unique_ptr<CURL, EasyFree> easy;
        std::unique_ptr<curl_slist, SlistFree> headers_out;
        std::string body, headers;
        bool too_large = false;
        std::int64_t limit = 0;
        char error[CURL_ERROR_SIZE] = {};
    };
    struct Host {
        int in_flight = 0;
        int interval_ms = -1;      // -1: the default
        Clock::time_point last_start{};  // of the latest request to this host
        Clock::time_point next_start{};
        std::deque<Pending> queue;
        int failures_in_a_row = 0;
        bool paused = false;
    };

    FetchOptions opt;
    std::unique_ptr<CURLM, MultiFree> multi;
    std::map<std::string, Host> hosts;
    std::multimap<Clock::time_point, Pending> delayed;  // retries waiting for their time
    std::map<std::string, std::unique_ptr<CURLSH, ShareFree>> jars;
    std::map<CURL*, std::unique_ptr<Transfer>> running;
    RedirectPolicy redirect_policy;
    std::function<bool()> tick;
    std::mt19937 rng{std::random_device{}()};
    std::size_t queued_count = 0;
    const std::function<void(Response&&)>* on_done = nullptr;

    static size_t on_body(char* data, size_t size, size_t n, void* userp) {
        auto* t = static_cast<Transfer*>(userp);
        size_t len = size * n;
        if (static_cast<std::int64_t>(t->body.size() + len) > t->limit) {
            t->too_large = true;
            return 0;  // aborts the transfer: CURLE_WRITE_ERROR
        }
        t->body.append(data, len);
        return len;
    }

    static size_t on_header(char* data, size_t size, size_t n, void* userp) {
        auto* t = static_cast<Transfer*>(userp);
        std::string_view line(data, size * n);
        // A new status line starts a new response (after 100 Continue).
        if (line.starts_with("HTTP/")) t->headers.clear();
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
        if (!line.empty()) {
            t->headers.append(line);
            t->headers += '\n';
        }
        return size * n;
    }

    Host& host_of(const std::string& key) {
        return hosts[key];
    }

    int interval_of(const Host& h) const { return h.interval_ms >= 0 ? std::max(h.interval_ms, opt.min_interval_ms) : opt.min_interval_ms; }

    void enqueue(Pending p, bool front = false) {
        if (p.host.empty()) p.host = url_host_port(p.current_url);
        auto& h = host_of(p.host);
        ++queued_count;
        if (front) h.queue.push_front(std::move(p));
        else h.queue.push_back(std::move(p));
    }

    CURLSH* jar(const std::string& key) {
        auto& s = jars[key];
        if (!s) {
            s.reset(curl_share_init());
            curl_share_setopt(s.get(), CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
        }
        return s.get();
    }

    void start(Pending p) {
        auto t = std::make_unique<Transfer>();
        t->limit = opt.max_body_bytes;
        t->p = std::move(p);
        t->p.attempts++;
        t->easy.reset(curl_easy_init());
        if (!t->easy) throw RuntimeFailure("libcurl could not create a transfer (out of memory?)");
        CURL* e = t->easy.get();
        curl_easy_setopt(e, CURLOPT_URL, t->p.current_url.c_str());
        curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(e, CURLOPT_USERAGENT, opt.user_agent.c_str());
        curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, static_cast<long>(opt.connect_timeout_s));
        curl_easy_setopt(e, CURLOPT_TIMEOUT, static_cast<long>(opt.transfer_timeout_s));
        curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);  // followed by us, through politeness and policy
        curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl can decode
        curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(opt.max_body_bytes));
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Impl::on_body);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
        curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Impl::on_header);
        curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
        curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
        curl_slist* list = nullptr;
        if (!t->p.req.etag.empty()) list = curl_slist_append(list, ("If-None-Match: " + t->p.req.etag).c_str());
        if (!t->p.req.last_modified.empty())
            list = curl_slist_append(list, ("If-Modified-Since: " + t->p.req.last_modified).c_str());
        t->headers_out.reset(list);
        if (list) curl_easy_setopt(e, CURLOPT_HTTPHEADER, list);
        if (!t->p.req.cookies.empty()) curl_easy_setopt(e, CURLOPT_COOKIE, t->p.req.cookies.c_str());
        if (!t->p.req.cookie_jar.empty()) {
            curl_easy_setopt(e, CURLOPT_SHARE, jar(t->p.req.cookie_jar));
            curl_easy_setopt(e, CURLOPT_COOKIEFILE, "");  // turns the cookie engine on
        }
        auto& h = host_of(t->p.host);
        h.in_flight++;
        h.last_start = Clock::now();
        h.next_start = h.last_start + std::chrono::milliseconds(interval_of(h));
        CURLMcode mc = curl_multi_add_handle(multi.get(), e);
        if (mc != CURLM_OK) throw RuntimeFailure(std::string("libcurl: ") + curl_multi_strerror(mc));
        running.emplace(e, std::move(t));
    }

    std::size_t in_flight_total() const { return running.size(); }

    // Starts what politeness allows now; returns when the next start could happen.
    Clock::time_point start_ready() {
        auto now = Clock::now();
        auto next = now + std::chrono::milliseconds(200);
        while (!delayed.empty() && delayed.begin()->first <= now) {
            auto node = delayed.extract(delayed.begin());
            --queued_count;  // counted again by enqueue
            enqueue(std::move(node.mapped()), true);
        }
        if (!delayed.empty()) next = std::min(next, delayed.begin()->first);
        bool progress = true;
        // Round robin: one start per host per sweep, so one big host does
        // not take every slot.
        while (progress && static_cast<int>(in_flight_total()) < opt.concurrency) {
            progress = false;
            for (auto& [key, h] : hosts) {
                if (static_cast<int>(in_flight_total()) >= opt.concurrency) break;
                if (h.queue.empty() || h.paused || h.in_flight >= opt.per_host_concurrency) continue;
                if (h.next_start > now) {
                    next = std::min(next, h.next_start);
                    continue;
                }
                Pending p = std::move(h.queue.front());
                h.queue.pop_front();
                --queued_count;
                start(std::move(p));
                progress = true;
            }
        }
        return next;
    }

    void deliver(Response&& r) { (*on_done)(std::move(r)); }

    Response response_of(const Pending& p) {
        Response r;
        r.tag = p.req.tag;
        r.url = p.req.url;
        r.final_url = p.current_url;
        r.attempts = p.attempts;
        r.redirects = p.redirects;
        return r;
    }

    void pause_host(const std::string& key, Host& h) {
        h.paused = true;
        std::string why = fmt::format("host {} paused after {} failures in a row", key, h.failures_in_a_row);
        auto fail = [&](Pending&& p) {
            Response r = response_of(p);
            r.error = why;
            r.transient = true;
            deliver(std::move(r));
        };
        while (!h.queue.empty()) {
            Pending p = std::move(h.queue.front());
            h.queue.pop_front();
            --queued_count;
            fail(std::move(p));
        }
        for (auto it = delayed.begin(); it != delayed.end();) {
            if (it->second.host == key) {
                Pending p = std::move(it->second);
                it = delayed.erase(it);
                --queued_count;
                fail(std::move(p));
            } else {
                ++it;
            }
        }
    }

    void finish(CURL* e, CURLcode code) {
        auto it = running.find(e);
        if (it == running.end()) return;
        std::unique_ptr<Transfer> t = std::move(it->second);
        running.erase(it);
        curl_multi_remove_handle(multi.get(), e);
        auto& h = host_of(t->p.host);
        h.in_flight--;

        Response r = response_of(t->p);
        long status = 0;
        curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
        r.status = static_cast<int>(status);
        double secs = 0;
        curl_easy_getinfo(e, CURLINFO_TOTAL_TIME, &secs);
        r.seconds = secs;
        r.headers = std::move(t->headers);
        r.content_type = header_value(r.headers, "content-type");
        r.etag = header_value(r.headers, "etag");
        r.last_modified = header_value(r.headers, "last-modified");
        auto now_unix = static_cast<std::int64_t>(std::time(nullptr));
        if (auto ra = header_value(r.headers, "retry-after"); !ra.empty()) r.retry_after_s = parse_retry_after(ra, now_unix);

        if (t->too_large || code == CURLE_FILESIZE_EXCEEDED) {
            r.error = fmt::format("body larger than {} bytes (max_body_bytes); not read", opt.max_body_bytes);
        } else if (code != CURLE_OK) {
            r.error = t->error[0] ? std::string(t->error) : std::string(curl_easy_strerror(code));
            r.transient = transient_curl_error(code);
        } else if (redirect_status(r.status)) {
            char* loc = nullptr;
            curl_easy_getinfo(e, CURLINFO_REDIRECT_URL, &loc);
            std::string target = loc ? loc : "";
            if (target.empty()) {
                r.error = fmt::format("HTTP {} without a usable Location", r.status);
            } else if (t->p.redirects >= opt.max_redirects) {
                r.error = fmt::format("too many redirects (more than {}), last to {}", opt.max_redirects, target);
            } else if (!resolve_url(target, target)) {
                r.error = "redirect to a URL that is not http or https refused: " + target;
            } else if (RedirectDecision d = redirect_policy ? redirect_policy(t->p.req.tag, t->p.current_url, target)
                                                            : RedirectDecision();
                       !d.refusal.empty()) {
                r.error = d.refusal;
            } else if (d.handed_back) {
                h.failures_in_a_row = 0;
                r.redirect_to = target;
                deliver(std::move(r));
                return;
            } else {
                h.failures_in_a_row = 0;
                Pending next = std::move(t->p);
                next.current_url = target;
                next.host = url_host_port(target);
                next.redirects++;
                next.attempts = 0;
                enqueue(std::move(next));
                return;
            }
        } else if (transient_status(r.status)) {
            r.error = fmt::format("HTTP {}", r.status);
            r.transient = true;
        }
        if (!r.transient) {
            h.failures_in_a_row = 0;
            if (r.error.empty()) r.body = std::move(t->body);
            deliver(std::move(r));
            return;
        }
        h.failures_in_a_row++;
        // The server's wish, else exponential backoff with jitter (0.5x to 1.5x).
        std::int64_t wait_ms;
        if (r.retry_after_s) {
            wait_ms = *r.retry_after_s * 1000;
        } else {
            std::uniform_real_distribution<double> jitter(0.5, 1.5);
            wait_ms = static_cast<std::int64_t>(opt.backoff_base_ms * (1 << std::min(t->p.attempts - 1, 10)) * jitter(rng));
        }
        if (r.retry_after_s && (r.status == 429 || r.status == 503) && wait_ms <= opt.max_retry_wait_s * 1000LL) {
            // The whole host asked us to slow down, not just this URL. A
            // longer wish defers only this request (to a later pass): the
            // host stays usable and is paused only if it keeps failing.
            h.next_start = std::max(h.next_start, Clock::now() + std::chrono::milliseconds(wait_ms));
        }
        if (h.failures_in_a_row >= opt.host_failure_limit && !h.paused) {
            deliver(std::move(r));
            pause_host(t->p.host, h);
            return;
        }
        if (t->p.attempts < opt.max_attempts && wait_ms <= opt.max_retry_wait_s * 1000LL && !h.paused) {
            ++queued_count;
            auto when = Clock::now() + std::chrono::milliseconds(wait_ms);
            delayed.emplace(when, std::move(t->p));
            return;
        }
        deliver(std::move(r));
    }

    void cancel_all() {
        while (!running.empty()) {
            auto it = running.begin();
            std::unique_ptr<Transfer> t = std::move(it->second);
            running.erase(it);
            curl_multi_remove_handle(multi.get(), t->easy.get());
            host_of(t->p.host).in_flight--;
            Response r = response_of(t->p);
            r.cancelled = true;
            r.error = "cancelled: the crawl was stopped";
            r.transient = true;
            deliver(std::move(r));
        }
    }

    void drop_queued() {
        for (auto& [k, h] : hosts) h.queue.clear();
        delayed.clear();
        queued_count = 0;
    }
};

Fetcher::Fetcher(FetchOptions options) : impl_(std::make_unique<Impl>()) {
    global_init();
    impl_->opt = std::move(options);
    impl_->multi.reset(curl_multi_init());
    if (!impl_->multi) throw RuntimeFailure("libcurl could not create a multi handle");
    // Keep connections to every host for reuse, within reason.
    curl_multi_setopt(impl_->multi.get(), CURLMOPT_MAXCONNECTS, static_cast<long>(impl_->opt.concurrency * 2));
}

Fetcher::~Fetcher() {
    // Easy handles must leave the multi handle before either is cleaned up.
    for (auto& [e, t] : impl_->running) curl_multi_remove_handle(impl_->multi.get(), e);
    impl_->running.clear();
}

void Fetcher::add(Request r) {
    Impl::Pending p;
    p.current_url = r.url;
    p.redirects = r.redirects;
    p.req = std::move(r);
    impl_->enqueue(std::move(p));
}

void Fetcher::set_min_interval(const std::string& host_port, int ms) {
    auto& h = impl_->host_of(host_port);
    h.interval_ms = ms;
    // The request that taught us the interval (robots.txt) already started:
    // the next one waits the new interval from it, not the old one.
    if (h.last_start != Clock::time_point{})
        h.next_start = std::max(h.next_start, h.last_start + std::chrono::milliseconds(impl_->interval_of(h)));
}

void Fetcher::set_redirect_policy(RedirectPolicy p) { impl_->redirect_policy = std::move(p); }

void Fetcher::set_tick(std::function<bool()> tick) { impl_->tick = std::move(tick); }

void Fetcher::wake() { curl_multi_wakeup(impl_->multi.get()); }

std::size_t Fetcher::queued() const { return impl_->queued_count; }
std::size_t Fetcher::in_flight() const { return impl_->running.size(); }

std::vector<std::string> Fetcher::paused_hosts() const {
    std::vector<std::string> out;
    for (const auto& [k, h] : impl_->hosts)
        if (h.paused) out.push_back(k);
    return out;
}

void Fetcher::run(const std::function<void(Response&&)>& on_done, const std::atomic<bool>* stop) {
    auto& m = *impl_;
    m.on_done = &on_done;
    std::optional<Clock::time_point> stop_deadline;
    for (;;) {
        if (stop && stop->load() && !stop_deadline) {
            stop_deadline = Clock::now() + std::chrono::milliseconds(m.opt.stop_grace_ms);
            m.drop_queued();
        }
        bool busy = m.tick && m.tick();
        auto next = stop_deadline ? Clock::now() + std::chrono::milliseconds(100) : m.start_ready();
        if (m.running.empty() && (stop_deadline || (m.queued_count == 0 && !busy))) break;
        if (stop_deadline && Clock::now() >= *stop_deadline) {
            m.cancel_all();
            break;
        }
        int still = 0;
        CURLMcode mc = curl_multi_perform(m.multi.get(), &still);
        if (mc != CURLM_OK) throw RuntimeFailure(std::string("libcurl: ") + curl_multi_strerror(mc));
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(m.multi.get(), &left))
            if (msg->msg == CURLMSG_DONE) m.finish(msg->easy_handle, msg->data.result);
        if (m.running.empty() && m.queued_count == 0 && !busy) continue;  // re-check at the top
        auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - Clock::now()).count();
        // Wake at least every 100 ms so that a stop request is seen quickly.
        int timeout = static_cast<int>(std::clamp<long long>(wait, 0, 100));
        if (!m.running.empty() || timeout > 0) curl_multi_poll(m.multi.get(), nullptr, 0, timeout, nullptr);
    }
    m.on_done = nullptr;
}

}  // namespace presswatch::crawler
