#pragma once
// The built-in sample site: fictional outlets with feeds and articles,
// served over HTTP on 127.0.0.1 at a free port. Used by `presswatch demo`
// and as the fixture of the integration tests. Runs its server on its own
// threads from start() until stop() or destruction; any number of clients
// may fetch at once. Call start(), stop() and the accessors from one
// thread. The constructor throws ConfigError if the embedded site data is
// wrong (a bug caught by tests/demo). docs/demo.md describes the site.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "config/config.h"

namespace presswatch::demo {

class SampleSite {
public:
    SampleSite();
    ~SampleSite();
    SampleSite(const SampleSite&) = delete;
    SampleSite& operator=(const SampleSite&) = delete;

    // Binds 127.0.0.1 and serves until stop(). preferred_port 0: any free
    // port; otherwise that port if it is free, else any free one (port()
    // says which). Article URLs contain the port, so a caller that crawls
    // the site again into the same data folder (`presswatch demo` run
    // twice) passes the port it used before to see the same URLs.
    // Throws RuntimeFailure if no port can be bound.
    void start(int preferred_port = 0);
    void stop();
    int port() const;
    std::string base_url() const;   // "http://127.0.0.1:PORT"

    // The site's outlets, pointing at this server, to crawl in place of
    // the configured ones.
    std::vector<config::Outlet> outlets() const;

    // Every article the site serves with its expected truth (docs/demo.md),
    // for tests that check what a crawl found. URLs and times are those of
    // the running site: call after start().
    struct ExpectedArticle {
        std::string outlet;        // slug
        std::string id;            // e.g. "tn03", as in docs/demo.md
        std::string url;           // as the feeds list it
        std::string headline;
        std::int64_t published = 0;
        bool about_province = false;  // a Thanh Hóa clipping
        bool needs_answer = false;    // a problem an agency must answer
    };
    std::vector<ExpectedArticle> articles() const;
    // Feed items whose pages answer 404 (removed articles).
    std::vector<std::string> removed_urls() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace presswatch::demo
