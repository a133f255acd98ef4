#pragma once
// The URL frontier: every URL the crawler has seen, with its state, in the
// store's `frontier` table (migration 1). It is what makes a crawl
// resumable: a URL is added before it is fetched and marked after, each
// step its own transaction, so a crawl killed at any moment goes on where
// it stopped.
//
// Sources (feeds, sitemaps, listings) are read again on every pass; their
// row keeps the validators for conditional GET (ETag, Last-Modified) and the
// hash of the last body. Articles are fetched once: queued -> done, or
// failed after max attempts, or skipped (not an article, too old, refused).
//
// Not thread-safe: it uses the Database it is given, on the caller's thread.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.h"

namespace presswatch::store {

struct FrontierEntry {
    std::string url;
    std::string outlet;
    std::string kind;           // feed | sitemap | listing | article
    std::string state;          // queued | done | failed | skipped
    int attempts = 0;
    std::optional<std::int64_t> next_try;
    std::optional<std::int64_t> last_status;
    std::string last_error;
    std::string etag, last_modified, body_hash, final_url;
    std::string discovered_from;
    std::optional<std::int64_t> published;
    std::optional<std::int64_t> fetched_at;
};

class Frontier {
public:
    explicit Frontier(Database& db) : db_(db) {}

    // Adds a URL the frontier does not know yet, queued; returns false (and
    // changes nothing) when it is known, whatever its state.
    bool add(const std::string& url, const std::string& outlet, const std::string& kind,
             const std::string& discovered_from, std::optional<std::int64_t> published, std::int64_t now);

    std::optional<FrontierEntry> get(const std::string& url);

    // Queued articles whose next try has come, oldest discovery first.
    std::vector<FrontierEntry> due_articles(std::int64_t now, std::size_t limit);
    // How many articles are queued (due or not).
    std::int64_t queued_articles();
    // URLs of one outlet's queued articles due by now, discovered after the
    // row `after` (0: from the start), in discovery order, with their rows:
    // a crawl reads its backlog a window at a time from here.
    std::vector<std::pair<std::int64_t, std::string>> due_articles_after(const std::string& outlet, std::int64_t after,
                                                                         std::int64_t now, std::size_t limit);

    // A fetch that succeeded (2xx or 304); for sources, the validators and
    // body hash to send and compare next time.
    void mark_done(const std::string& url, int status, const std::string& final_url, std::int64_t now,
                   const std::string& etag = {}, const std::string& last_modified = {},
                   const std::string& body_hash = {});
    // A failure. next_try set: tried again then (the row stays queued for
    // articles); nullopt: given up (state failed).
    void mark_failed(const std::string& url, std::optional<int> status, const std::string& error,
                     std::int64_t now, std::optional<std::int64_t> next_try);
    // Fetched or judged, and not to be stored: not an article, too old,
    // outside the outlet, disallowed by robots.txt.
    void mark_skipped(const std::string& url, std::optional<int> status, const std::string& reason, std::int64_t now);

private:
    Database& db_;
};

}  // namespace presswatch::store
