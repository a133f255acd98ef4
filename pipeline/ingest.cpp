#include "pipeline/ingest.h"

#include <ctime>

#include "crawler/discovery.h"
#include "extract/extract.h"
#include "crawler/url.h"
#include "pipeline/thread_cpu.h"

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

PreparedPage Ingest::prepare(FetchedPage page) const {
    PreparedPage p;
    p.outlet = page.outlet;
    if (!looks_like_html(page.headers, page.body)) {
        p.error = "không phải trang HTML (not an HTML page)";
        return p;
    }
    double t0 = thread_cpu_seconds();
    extract::ExtractOptions opt;
    opt.url = page.final_url.empty() ? page.url : page.final_url;
    opt.fetch_time = page.fetched;
    opt.outlet = cfg_.outlet_by_slug(page.outlet);
    Article& a = p.article;
    extract::ExtractedPage extracted = extract::extract_page(page.body, opt);
    a = std::move(extracted.article);
    if (extracted.kind == extract::PageKind::listing) {
        // A home, section or tag page is never an article or a clipping,
        // whatever pointed to it; its links lead to the articles.
        p.cost.extract = thread_cpu_seconds() - t0;
        p.listing = true;
        p.error = "trang danh sách (trang chủ, chuyên mục, thẻ), không phải bài viết (a listing page, not an article)";
        if (opt.outlet)
            for (auto& link : crawler::discover("listing", page.body, "text/html; charset=utf-8", opt.url, *opt.outlet).articles)
                p.links.push_back(std::move(link.url));
        return p;
    }
    // The page's own canonical URL wins only when it stays on the outlet:
    // another site's address must not replace ours, and a share link loses
    // its tracking parameters like every URL we keep.
    auto own = a.url.empty() ? std::nullopt : crawler::canonical_url(a.url);
    if (own && opt.outlet && crawler::host_in_domains(crawler::url_host(*own), opt.outlet->domains))
        a.url = *own;
    else
        a.url = page.url;
    double t1 = thread_cpu_seconds();
    p.cost.extract = t1 - t0;
    if (a.headline.empty() && a.body.empty()) {
        p.error = "không tìm thấy bài viết trên trang (no article found on the page)";
        return p;
    }
    p.decision = triager_.decide(a, page.fetched ? page.fetched : static_cast<std::int64_t>(std::time(nullptr)));
    double t2 = thread_cpu_seconds();
    p.cost.triage = t2 - t1;
    p.snapshot = {std::move(opt.url), page.fetched, page.status, std::move(page.headers), std::move(page.body)};
    p.snapshot.seal(store_.snapshot_dictionaries().current(p.outlet));
    p.cost.snapshot = thread_cpu_seconds() - t2;
    return p;
}

IngestResult Ingest::store(const PreparedPage& p) {
    if (!p.error.empty()) {
        IngestResult r;
        r.error = p.error;
        return r;
    }
    return save(p.outlet, p.article, p.decision, p.snapshot);
}

IngestResult Ingest::article(const std::string& outlet, const Article& a, const store::Snapshot& snapshot) {
    std::int64_t now = snapshot.fetched ? snapshot.fetched : static_cast<std::int64_t>(std::time(nullptr));
    return save(outlet, a, triager_.decide(a, now), snapshot);
}

IngestResult Ingest::save(const std::string& outlet, const Article& a, const triage::Decision& d,
                          const store::Snapshot& snapshot) {
    IngestResult r;
    auto saved = store_.save_article(outlet, a, d, snapshot);
    r.id = saved.id;
    r.inserted = saved.inserted;
    r.changed = saved.changed;
    r.clipping = d.clipping;
    r.headline = a.headline;
    return r;
}

}  // namespace presswatch::pipeline
