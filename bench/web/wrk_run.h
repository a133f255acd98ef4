#pragma once
// One run of wrk (Debian's HTTP load generator) with bench/web/search.lua,
// cycling through a list of request paths; its figures as numbers.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace presswatch::bench {

struct WrkRun {
    double seconds = 0;
    std::int64_t requests = 0, non2xx = 0, connect_errors = 0, read_errors = 0, write_errors = 0, timeouts = 0;
    double p50_ms = 0, p90_ms = 0, p95_ms = 0, p99_ms = 0, mean_ms = 0, max_ms = 0;
    std::int64_t socket_errors() const { return connect_errors + read_errors + write_errors + timeouts; }
    double rate() const { return seconds > 0 ? static_cast<double>(requests) / seconds : 0; }
};

struct WrkOptions {
    std::string url;                  // http://127.0.0.1:PORT
    std::filesystem::path paths_file; // one request path a line
    std::filesystem::path script;     // search.lua
    int threads = 2, connections = 32, seconds = 60, timeout_seconds = 10;
};

// Throws RuntimeFailure when wrk is missing or prints no figures.
WrkRun run_wrk(const WrkOptions& o);

}  // namespace presswatch::bench
