#pragma once
// Runs the web server in the foreground until SIGTERM or SIGINT, then stops
// it gracefully (requests in flight finish). Shared by `serve` and
// `demo --serve`.
#include <chrono>
#include <string>

#include "config/config.h"
#include "web/serve_options.h"

namespace presswatch::cli {

// The crawl schedule run inside the server (`serve --crawl-every`), so that
// one process, and in it one thread (the server's index keeper), writes the
// search index. docs/architecture.md, "One writer of the search index".
struct ServeCrawl {
    std::chrono::seconds every{0};  // 0: no crawl in this process
    bool json_log = false;          // --log-format json
};

// Prints the URL (and `extra`, e.g. the demo account) once listening. With
// crawl.every, takes the data folder's crawl lock first (refused, exit 1,
// while another crawler runs), creates the store if there is none yet, and
// crawls on a thread of its own: page requests never wait for it. A stop
// signal ends both: requests in flight finish, the crawl stops at its safe
// point (transfers in flight finish, the index is synced). A crawl that
// fails (not a failed fetch: the store itself) stops the server and is
// rethrown, so that the exit code says so and systemd restarts it.
int serve_until_signal(const config::Config& cfg, const web::ServeOptions& options, const std::string& extra = {},
                       const ServeCrawl& crawl = {});

}  // namespace presswatch::cli
