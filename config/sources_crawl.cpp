// The crawler's keys of an [[outlet]] in sources.toml, called through
// config::extend_outlet (config/loaders.h).
#include <fmt/format.h>

#include "config/loaders.h"

namespace presswatch::config {

// Reads tracking_parameters, redirect_hosts, cookie_url and cookies.
void read_outlet_crawl_keys(TableReader& r, Outlet& o) {
    o.tracking_parameters = r.strings("tracking_parameters");
    for (const auto& p : o.tracking_parameters)
        if (p.empty() || p.find_first_of("=&?# ") != std::string::npos)
            r.fail("tracking_parameters",
                   fmt::format("\"{}\" is not a query parameter name; write names like \"ref\" or \"src_*\"", p));
    o.redirect_hosts = r.strings("redirect_hosts");
    for (const auto& h : o.redirect_hosts)
        if (h.empty() || h.find_first_of("/: ") != std::string::npos)
            r.fail("redirect_hosts", fmt::format("\"{}\" is not a host name; write only the host, like \"cdn.vnexpress.net\"", h));
    o.cookie_url = r.str_or("cookie_url", "");
    if (!o.cookie_url.empty()) check_url(r, "cookie_url", o.cookie_url);
    o.cookies = r.strings("cookies");
    for (const auto& c : o.cookies)
        if (c.find('=') == std::string::npos || c.find_first_of(";\r\n") != std::string::npos)
            r.fail("cookies", fmt::format("\"{}\" is not a cookie; write \"name=value\", one per element", c));
}

}  // namespace presswatch::config
