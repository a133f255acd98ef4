#include "web/serve_options.h"

#include <charconv>

#include <fmt/format.h>

#include "core/error.h"

namespace presswatch::web {

void parse_listen(const std::string& listen, ServeOptions& options) {
    auto bad = [&] {
        return InputError(fmt::format("--listen \"{}\" is not an address and port: write e.g. 127.0.0.1:8080, "
                                      "[::1]:8080 or 0.0.0.0:8080",
                                      listen));
    };
    auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size()) throw bad();
    std::string host = listen.substr(0, colon);
    if (host.front() == '[') {
        if (host.back() != ']') throw bad();
        host = host.substr(1, host.size() - 2);
    }
    std::string_view port = std::string_view(listen).substr(colon + 1);
    int p = -1;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), p);
    if (ec != std::errc() || end != port.data() + port.size() || p < 0 || p > 65535 || host.empty()) throw bad();
    options.host = host;
    options.port = p;
}

bool is_loopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

void check_listen_policy(const ServeOptions& o, bool accounts_exist) {
    bool loopback = is_loopback(o.host);
    if (o.no_auth && !loopback)
        throw InputError(fmt::format("--no-auth is allowed only on a loopback address (127.0.0.1 or ::1), not {}: "
                                     "without it, people log in with their accounts",
                                     o.host));
    if (!loopback && !o.no_auth && !accounts_exist)
        throw InputError(fmt::format("presswatch serve will not listen on {} with no account to log in with: create "
                                     "an administrator first with `presswatch user add NAME --role admin`",
                                     o.host));
    if (o.tls_cert.empty() != o.tls_key.empty())
        throw InputError("--tls-cert and --tls-key go together: give both files, or neither");
    if (!o.tls_cert.empty() && o.behind_proxy)
        throw InputError("give either --tls-cert/--tls-key (TLS here) or --behind-proxy (TLS at the proxy), not both");
    if (o.workers == 0) throw InputError("--workers must be at least 1");
}

}  // namespace presswatch::web
