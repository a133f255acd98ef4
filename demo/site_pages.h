#pragma once
// Everything the sample site serves, rendered once when it starts: for each
// host, its pages by path, with the validators a crawler's conditional GET
// uses (ETag, Last-Modified).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "demo/site_data.h"

namespace presswatch::demo {

struct Resource {
    std::string body;
    std::string content_type;
    std::string etag;           // quoted, from the body's bytes
    std::string last_modified;  // HTTP-date, empty when the page has no date
};

using Pages = std::map<std::string, Resource>;  // path -> resource

struct RenderedSite {
    std::map<std::string, Pages> hosts;  // "slug.localhost" -> its pages
    Resource directory;                  // what 127.0.0.1 itself serves: the list of outlets
};

std::string outlet_host(const std::string& slug);              // "slug.localhost"
std::string outlet_origin(const std::string& slug, int port);  // "http://slug.localhost:PORT"

// Renders every outlet for a server on port, dates relative to now.
// Throws ConfigError for an outlet whose style does not exist.
RenderedSite render_site(const std::vector<SiteOutlet>& outlets, int port, std::int64_t now);

}  // namespace presswatch::demo
