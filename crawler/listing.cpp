#include "crawler/ascii.h"
#include "crawler/listing.h"

#include <set>

#include "extract/html_document.h"
#include "crawler/url.h"
#include "text/normalize.h"

namespace presswatch::crawler {
namespace {

// Anchor texts that mean "next page" on Vietnamese and English sites
// (folded: no diacritics, lower case).
bool next_page_text(std::string folded) {
    while (!folded.empty() && folded.back() == ' ') folded.pop_back();
    while (!folded.empty() && folded.front() == ' ') folded.erase(0, 1);
    static const char* exact[] = {"\u203a", "\u00bb", ">", ">>", "next", "sau", "trang sau", "trang tiep"};
    static const char* prefixes[] = {"trang sau", "trang tiep", "tiep theo", "xem them", "next page"};
    for (const char* w : exact)
        if (folded == w) return true;
    for (const char* p : prefixes)
        if (folded.starts_with(p)) return true;
    return false;
}

}  // namespace

ListingRules listing_rules(const std::vector<std::string>& domains, const std::vector<std::string>& include,
                           const std::vector<std::string>& exclude) {
    ListingRules r;
    r.domains = domains;
    for (const auto& p : include) r.include.emplace_back(p, std::regex::ECMAScript | std::regex::optimize);
    for (const auto& p : exclude) r.exclude.emplace_back(p, std::regex::ECMAScript | std::regex::optimize);
    return r;
}

bool looks_like_article_path(std::string_view path_in) {
    std::string path = ascii_lower(path_in.substr(0, path_in.find_first_of("?#")));
    for (const char* not_article : {"/tag/", "/tags/", "/chu-de/", "/tim-kiem", "/search", "/tac-gia/", "/author/"})
        if (path.find(not_article) != std::string::npos) return false;
    for (const char* ext : {".html", ".htm", ".ldo", ".vnp", ".vov"})
        if (path.ends_with(ext)) {
            // "/thoi-su.htm" is a section; articles have a long slug or an id.
            auto slash = path.rfind('/');
            return path.size() - slash > 20 || std::any_of(path.begin() + static_cast<long>(slash), path.end(),
                                                           [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        }
    int run = 0;
    for (char c : path) {
        run = std::isdigit(static_cast<unsigned char>(c)) ? run + 1 : 0;
        if (run >= 6) return true;
    }
    return false;
}

Listing read_listing(std::string_view html, std::string_view page_url, const ListingRules& rules) {
    Listing out;
    extract::HtmlDocument doc(html);
    auto self = canonical_url(page_url);
    std::set<std::string> seen;
    for (int i = 0; i < doc.size(); ++i) {
        const auto& n = doc[i];
        if (n.tag != GUMBO_TAG_A && n.tag != GUMBO_TAG_LINK) continue;
        auto href = doc.attr(i, "href");
        if (href.empty()) continue;
        auto abs = resolve_url(page_url, href);
        if (!abs) continue;
        auto url = canonical_url(*abs);
        if (!url || (self && *url == *self)) continue;
        auto rel = ascii_lower(doc.attr(i, "rel"));
        if (n.tag == GUMBO_TAG_LINK) {
            if (rel == "next" && !out.next_page) out.next_page = *url;
            continue;
        }
        if (!host_in_domains(url_host(*url), rules.domains)) continue;
        if (!out.next_page && (rel == "next" || next_page_text(text::fold(doc.subtree_text(i, 64))))) {
            out.next_page = *url;
            continue;
        }
        auto path = url_path_query(*url);
        bool wanted = rules.include.empty()
                          ? looks_like_article_path(path)
                          : std::any_of(rules.include.begin(), rules.include.end(),
                                        [&](const std::regex& re) { return std::regex_search(*url, re); });
        if (!wanted) continue;
        if (std::any_of(rules.exclude.begin(), rules.exclude.end(),
                        [&](const std::regex& re) { return std::regex_search(*url, re); }))
            continue;
        if (seen.insert(*url).second) out.articles.push_back(*url);
    }
    return out;
}

std::vector<std::string> feed_links(std::string_view html, std::string_view page_url) {
    std::vector<std::string> out;
    extract::HtmlDocument doc(html);
    for (int i = 0; i < doc.size(); ++i) {
        if (doc[i].tag != GUMBO_TAG_LINK) continue;
        if (ascii_lower(doc.attr(i, "rel")).find("alternate") == std::string::npos) continue;
        auto type = ascii_lower(doc.attr(i, "type"));
        if (type.find("rss") == std::string::npos && type.find("atom") == std::string::npos) continue;
        if (auto u = resolve_url(page_url, doc.attr(i, "href")))
            if (std::find(out.begin(), out.end(), *u) == out.end()) out.push_back(*u);
    }
    return out;
}

}  // namespace presswatch::crawler
