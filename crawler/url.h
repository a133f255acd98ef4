#pragma once
// URLs as the crawler keys them. Parsing is libcurl's URL API (CURLU), so
// the crawler and the fetcher agree on what a URL means. Thread-safe.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace presswatch::crawler {

// Query parameters dropped from every URL: they track the reader, not the
// page. Names ending in '*' are prefixes.
const std::vector<std::string>& default_tracking_parameters();

// The canonical form of an http(s) URL: scheme and host in lower case,
// default port dropped, fragment dropped, empty path made "/", "." and ".."
// segments resolved, percent-encoding normalised (unreserved characters
// decoded, hex digits upper case), tracking parameters removed (the
// defaults plus `extra_tracking`). Returns nullopt for anything that is not
// an absolute http or https URL.
std::optional<std::string> canonical_url(std::string_view url,
                                         const std::vector<std::string>& extra_tracking = {});

// ref resolved against base (RFC 3986), or nullopt when the result is not
// an http(s) URL. Entities are not decoded here: pass the decoded href.
std::optional<std::string> resolve_url(std::string_view base, std::string_view ref);

// Host in lower case without the port ("vnexpress.net"); empty if unparsable.
std::string url_host(std::string_view url);
// "host:port" with the scheme's default port filled in: the key of per-host
// politeness, since test and demo sites share 127.0.0.1 on one port.
std::string url_host_port(std::string_view url);
// "http://host:port" origin, for robots.txt.
std::string url_origin(std::string_view url);
// Path and query ("/a/b?c=d"), for robots.txt matching.
std::string url_path_query(std::string_view url);

// True when host (port ignored) is one of domains or a subdomain of one.
bool host_in_domains(std::string_view host, const std::vector<std::string>& domains);

}  // namespace presswatch::crawler
