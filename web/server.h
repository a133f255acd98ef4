#pragma once
// `presswatch serve`: the HTTP server. One process; a bounded pool of
// workers (options.workers) answers requests, more wait in the queue;
// bodies over options.max_body_bytes get 413 unread; a client silent for
// options.io_timeout_seconds is dropped. stop() ends it gracefully:
// the listening socket closes, requests in flight finish, then run()
// returns. Every decision is committed to SQLite before its 2xx answer.
#include <memory>

#include "config/config.h"
#include "pipeline/index_keeper.h"
#include "web/serve_options.h"

namespace presswatch::web {

class Server {
public:
    // Throws InputError when check_listen_policy refuses the options, and
    // RuntimeFailure when the TLS files do not load.
    Server(const config::Config& cfg, ServeOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds the address; returns the port (the chosen one for port 0).
    // Throws RuntimeFailure when the address is taken or not ours.
    int bind();
    // Serves until stop(); call after bind().
    void run();
    // Thread-safe and async-signal-unsafe: call it from a normal thread.
    void stop();
    // "http://127.0.0.1:8080/" once bound.
    std::string url() const;
    // The server's index writer, for a crawl run in the same process
    // (`serve --crawl-every`): then one thread writes the index.
    pipeline::IndexKeeper& index_keeper();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace presswatch::web
