#include "bench/web/wrk_run.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include <fmt/format.h>

#include "core/error.h"

namespace presswatch::bench {

WrkRun run_wrk(const WrkOptions& o) {
    std::string cmd = fmt::format("PW_BENCH_PATHS='{}' wrk -t{} -c{} -d{}s --timeout {}s -s '{}' '{}' 2>&1",
                                  o.paths_file.string(), o.threads, o.connections, o.seconds, o.timeout_seconds,
                                  o.script.string(), o.url);
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) throw RuntimeFailure("cannot run wrk: " + cmd);
    std::string out;
    char buf[4096];
    while (std::size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    int status = pclose(p);
    std::map<std::string, double> v;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("BENCH ", 0) != 0) continue;
        std::istringstream l(line.substr(6));
        std::string k;
        double x = 0;
        if (l >> k >> x) v[k] = x;
    }
    if (status != 0 || !v.count("requests"))
        throw RuntimeFailure(fmt::format("wrk printed no figures (exit status {}): is wrk installed "
                                         "(scripts/install-deps)? Its output:\n{}",
                                         status, out));
    WrkRun r;
    auto i = [&](const char* k) { return static_cast<std::int64_t>(v[k]); };
    r.seconds = v["duration_us"] / 1e6;
    r.requests = i("requests");
    r.non2xx = i("non2xx");
    r.connect_errors = i("connect_errors");
    r.read_errors = i("read_errors");
    r.write_errors = i("write_errors");
    r.timeouts = i("timeouts");
    r.p50_ms = v["p50_us"] / 1e3;
    r.p90_ms = v["p90_us"] / 1e3;
    r.p95_ms = v["p95_us"] / 1e3;
    r.p99_ms = v["p99_us"] / 1e3;
    r.mean_ms = v["mean_us"] / 1e3;
    r.max_ms = v["max_us"] / 1e3;
    return r;
}

}  // namespace presswatch::bench
