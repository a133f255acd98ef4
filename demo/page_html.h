#pragma once
// What every page template of the sample site shares: the context a page
// is rendered in, escaping, and the small pieces most outlets repeat.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "demo/shown_dates.h"
#include "demo/site_data.h"

namespace presswatch::demo {

struct PageContext {
    const SiteOutlet& outlet;
    std::string origin;                               // "http://slug.localhost:PORT"
    std::int64_t now = 0;                             // when the site started
    const std::map<std::string, std::int64_t>& published;  // article id -> Unix time

    std::int64_t time_of(const SiteArticle& a) const { return published.at(a.id); }
    LocalTime local_of(const SiteArticle& a) const { return vietnam_local(time_of(a)); }
    const SiteArticle& article(const std::string& id) const;
    std::string url(const SiteArticle& a) const { return origin + a.path; }
    // Articles newest first.
    std::vector<const SiteArticle*> newest_first() const;
};

// Attribute values: & < > " ' escaped.
std::string escape_html(std::string_view s);
// Element text: only & < > escaped, quotes kept as typed (as most CMSs do).
std::string escape_text(std::string_view s);

// <p> paragraphs of the body with an optional class; figure (the photo, in
// the outlet's markup) goes after the first paragraph.
std::string paragraphs_html(const SiteArticle& a, std::string_view p_class = {}, std::string_view figure = {});

// Where an article's photo is served; every photo is the same placeholder.
std::string image_path(const SiteArticle& a);

// <ul> of related articles: <li><a href="path">headline</a></li>.
std::string related_list(const PageContext& ctx, const SiteArticle& a);

// <!DOCTYPE html> ... </html> around a head's extra tags and a body.
std::string html_document(std::string_view title, std::string_view head_extra, std::string_view body);

}  // namespace presswatch::demo
