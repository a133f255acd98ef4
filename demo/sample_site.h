#pragma once
// The built-in sample site: fictional outlets with feeds and articles,
// served over HTTP on 127.0.0.1 at a free port. Used by `presswatch demo`
// and as the fixture of the integration tests. Runs its server on its own
// thread from start() until stop() or destruction.
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

    // Binds 127.0.0.1 at preferred_port when it is free, else at any free
    // port, and serves until stop().
    void start(int preferred_port = 0);
    void stop();
    int port() const;
    std::string base_url() const;   // "http://127.0.0.1:PORT"

    // The site's outlets, pointing at this server, to crawl in place of
    // the configured ones.
    std::vector<config::Outlet> outlets() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace presswatch::demo
