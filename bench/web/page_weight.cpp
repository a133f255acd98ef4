#include "bench/web/page_weight.h"

#include <functional>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <gumbo.h>
#include <httplib.h>

#include "core/error.h"

namespace presswatch::bench {
namespace {

std::string attr(const GumboElement& e, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    return a ? a->value : "";
}

bool has_attr(const GumboElement& e, const char* name) { return gumbo_get_attribute(&e.attributes, name) != nullptr; }

bool has_class(const GumboElement& e, const std::string& cls) {
    std::string c = " " + attr(e, "class") + " ";
    return c.find(" " + cls + " ") != std::string::npos;
}

// Fetches path as a browser that accepts gzip would, without decoding.
Resource fetch(httplib::Client& cli, const std::string& path, const std::string& kind, std::string* body_out) {
    Resource r;
    r.path = path;
    r.kind = kind;
    cli.set_decompress(false);
    auto res = cli.Get(path, {{"Accept-Encoding", "gzip"}});
    if (!res) throw RuntimeFailure(fmt::format("GET {}: {}", path, httplib::to_string(res.error())));
    r.status = res->status;
    r.encoding = res->get_header_value("Content-Encoding");
    std::size_t headers = fmt::format("HTTP/1.1 {} {}\r\n", res->status, res->reason).size() + 2;
    for (const auto& [k, v] : res->headers) headers += k.size() + 2 + v.size() + 2;
    r.transferred = headers + res->body.size();
    std::string body = res->body;
    if (r.encoding == "gzip") {
        httplib::detail::gzip_decompressor d;
        std::string out;
        if (!d.decompress(body.data(), body.size(), [&](const char* p, std::size_t n) {
                out.append(p, n);
                return true;
            }))
            throw RuntimeFailure(fmt::format("GET {}: the gzip body does not decompress", path));
        body = std::move(out);
    }
    r.decoded = body.size();
    if (body_out) *body_out = std::move(body);
    return r;
}

}  // namespace

PageWeight measure_page(const std::string& host, int port, const std::string& path) {
    httplib::Client cli(host, port);
    cli.set_read_timeout(30, 0);
    PageWeight w;
    std::string html;
    w.resources.push_back(fetch(cli, path, "html", &html));

    struct Found {
        std::string url, kind;
    };
    std::vector<Found> found;
    bool seen_content = false;  // a visible element of <body> came before
    GumboOutput* out = gumbo_parse(html.c_str());
    std::function<void(const GumboNode*, bool)> walk = [&](const GumboNode* n, bool in_head) {
        if (n->type != GUMBO_NODE_ELEMENT) return;
        const GumboElement& e = n->v.element;
        if (e.tag == GUMBO_TAG_HEAD) in_head = true;
        if (e.tag == GUMBO_TAG_BODY) in_head = false;
        if (e.tag == GUMBO_TAG_SCRIPT) {
            std::string src = attr(e, "src");
            bool deferred = has_attr(e, "defer") || has_attr(e, "async") || attr(e, "type") == "module";
            std::string where = in_head ? "in <head>" : seen_content ? "in <body> after content" : "at the top of <body>";
            w.scripts.push_back(fmt::format("{} {}{}", src.empty() ? "inline script" : src, where,
                                            deferred ? " (defer/async)" : ""));
            if (!src.empty()) {
                found.push_back({src, "script"});
                if (!deferred && (in_head || !seen_content)) w.blocking_scripts.push_back(src);
            }
        } else if (e.tag == GUMBO_TAG_LINK) {
            std::string rel = attr(e, "rel");
            std::string href = attr(e, "href");
            if (!href.empty() && (rel == "stylesheet" || rel.find("icon") != std::string::npos ||
                                  rel == "preload" || rel == "manifest"))
                found.push_back({href, rel == "stylesheet" ? "stylesheet" : rel.find("icon") != std::string::npos ? "icon" : rel});
        } else if (e.tag == GUMBO_TAG_IMG || e.tag == GUMBO_TAG_SOURCE) {
            if (std::string src = attr(e, "src"); !src.empty()) found.push_back({src, "image"});
        } else if (e.tag == GUMBO_TAG_LI && has_class(e, "hit")) {
            ++w.results;
        }
        if (!in_head && e.tag != GUMBO_TAG_BODY && e.tag != GUMBO_TAG_SCRIPT && e.tag != GUMBO_TAG_HTML)
            seen_content = true;
        for (unsigned i = 0; i < e.children.length; ++i)
            walk(static_cast<const GumboNode*>(e.children.data[i]), in_head);
    };
    walk(out->root, false);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    // Without a <link rel="icon">, browsers ask for /favicon.ico.
    bool icon = false;
    for (const auto& f : found) icon |= f.kind == "icon";
    if (!icon) found.push_back({"/favicon.ico", "icon (asked for by browsers)"});

    std::set<std::string> done{path};
    static const std::regex css_url(R"(url\(\s*['"]?([^'")]+)['"]?\s*\))");
    for (std::size_t i = 0; i < found.size(); ++i) {
        const auto [url, kind] = found[i];
        if (url.rfind("data:", 0) == 0 || !done.insert(url).second) continue;
        if (url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 || url.rfind("//", 0) == 0) {
            w.off_site.push_back(url);
            continue;
        }
        std::string body;
        w.resources.push_back(fetch(cli, url.front() == '/' ? url : "/" + url, kind, &body));
        if (kind == "stylesheet")
            for (std::sregex_iterator m(body.begin(), body.end(), css_url), end; m != end; ++m)
                found.push_back({(*m)[1].str(), "css-url"});
    }
    for (const auto& r : w.resources) {
        w.transferred += r.transferred;
        w.decoded += r.decoded;
    }
    return w;
}

}  // namespace presswatch::bench
