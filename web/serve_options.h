#pragma once
// What `presswatch serve` is told, and the rules on where it may listen.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>

#include "store/accounts.h"

namespace presswatch::web {

// A body larger than this gets 413 before it is read: decisions and forms
// are a few KB; nothing the interface sends comes near it.
inline constexpr std::size_t default_max_body_bytes = 1 << 20;
// Workers answering requests; more connections wait in the queue.
// httplib gives a worker to a connection for as long as it is kept alive
// (up to 5 s idle), and a browser opens up to 6: with 8 workers two
// browsers could hold them all while others wait. Under 32 busy
// connections, 32 workers halved p95 against 8 (bench/web,
// docs/benchmarks.md "Web server"); searches are CPU-bound, so more
// workers than connections only add threads.
inline constexpr std::size_t default_workers = 32;
// A client that sends or reads nothing for this long is dropped, so that a
// slow client cannot hold a worker.
inline constexpr int default_io_timeout_seconds = 10;

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                     // 0: any free port (tests)
    std::filesystem::path data_dir;
    bool no_auth = false;                // one local user acting as admin; loopback only
    std::string local_user;              // that user's name in the audit log
    bool behind_proxy = false;           // trust X-Forwarded-For/-Proto
    std::filesystem::path tls_cert, tls_key;
    std::size_t workers = default_workers;
    std::size_t max_body_bytes = default_max_body_bytes;
    int io_timeout_seconds = default_io_timeout_seconds;
    // A session lasts a working day; after it, log in again.
    std::chrono::seconds session_ttl{12 * 3600};
    store::LoginLimits login_limits;     // the production policy; tests take small ones
};

// "127.0.0.1:8080" or "[::1]:8080" or "0.0.0.0:80" into host and port.
// Throws InputError naming the option for anything else.
void parse_listen(const std::string& listen, ServeOptions& options);

// True for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback(const std::string& host);

// Refuses (InputError saying what to do) --no-auth on a non-loopback
// address, a non-loopback address without an account (accounts_exist),
// half of a TLS pair, and TLS together with --behind-proxy.
void check_listen_policy(const ServeOptions& options, bool accounts_exist);

}  // namespace presswatch::web
