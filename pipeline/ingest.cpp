#include "pipeline/ingest.h"

#include <ctime>

#include "crawler/extract.h"
#include "crawler/url.h"

namespace presswatch::pipeline {
namespace {

bool looks_like_html(const std::string& headers, const std::string& body) {
    // The header wins when it names a type; otherwise sniff the first bytes.
    for (std::size_t pos = 0; pos < headers.size();) {
        std::size_t end = headers.find('\n', pos);
        std::string line = headers.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        pos = end == std::string::npos ? headers.size() : end + 1;
        std::string lower;
        for (char c : line) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower.rfind("content-type:", 0) == 0)
            return lower.find("html") != std::string::npos || lower.find("xml") != std::string::npos;
    }
    std::size_t i = 0;
    while (i < body.size() && i < 1024 && std::isspace(static_cast<unsigned char>(body[i]))) ++i;
    return i < body.size() && body[i] == '<';
}

}  // namespace

Ingest::Ingest(const config::Config& cfg, store::Store& store) : cfg_(cfg), store_(store), triager_(cfg) {}

IngestResult Ingest::page(const FetchedPage& page) {
    IngestResult r;
    if (!looks_like_html(page.headers, page.body)) {
        r.error = "không phải trang HTML (not an HTML page)";
        return r;
    }
    crawler::ExtractOptions opt;
    opt.url = page.final_url.empty() ? page.url : page.final_url;
    opt.fetch_time = page.fetched;
    opt.outlet = cfg_.outlet_by_slug(page.outlet);
    Article a = crawler::extract_article(page.body, opt);
    // The page's own canonical URL wins only when it stays on the outlet:
    // another site's address must not replace ours, and a share link loses
    // its tracking parameters like every URL we keep.
    auto own = a.url.empty() ? std::nullopt : crawler::canonical_url(a.url);
    if (own && opt.outlet && crawler::host_in_domains(crawler::url_host(*own), opt.outlet->domains))
        a.url = *own;
    else
        a.url = page.url;
    if (a.headline.empty() && a.body.empty()) {
        r.error = "không tìm thấy bài viết trên trang (no article found on the page)";
        return r;
    }
    store::Snapshot snap{opt.url, page.fetched, page.status, page.headers, page.body};
    return article(page.outlet, a, snap);
}

IngestResult Ingest::article(const std::string& outlet, const Article& a, const store::Snapshot& snapshot) {
    IngestResult r;
    std::int64_t now = snapshot.fetched ? snapshot.fetched : static_cast<std::int64_t>(std::time(nullptr));
    triage::Decision d = triager_.decide(a, now);
    auto saved = store_.save_article(outlet, a, d, snapshot);
    r.id = saved.id;
    r.inserted = saved.inserted;
    r.changed = saved.changed;
    r.clipping = d.clipping;
    r.headline = a.headline;
    return r;
}


}  // namespace presswatch::pipeline
