#include "extract/html_meta.h"

#include <algorithm>
#include <cctype>

namespace presswatch::extract {
namespace {

std::string lower(std::string_view s) {
    std::string r(s);
    for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

void set_once(std::string& field, std::string_view value) {
    if (field.empty()) field = trimmed(value);
}

void add_unique(std::vector<std::string>& v, std::string_view value) {
    std::string t = trimmed(value);
    if (!t.empty() && std::find(v.begin(), v.end(), t) == v.end()) v.push_back(std::move(t));
}

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

// A <title> is metadata, not visible text: HtmlDocument::subtree_text skips
// it as invisible, so its own text children are read here.
constexpr std::size_t max_title_bytes = 2048;

std::string title_text(const HtmlDocument& doc, int title) {
    std::string out;
    for (int k = title + 1; k < doc[title].end && out.size() < max_title_bytes; ++k)
        if (doc[k].is_text) append_collapsed(out, doc.text(k));
    return trimmed(out);
}

}  // namespace

std::vector<std::string> split_keywords(std::string_view s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == ',' || s[i] == ';') {
            add_unique(out, s.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

HtmlMetadata read_html_metadata(const HtmlDocument& doc) {
    HtmlMetadata m;
    std::vector<std::string> published_generic, modified_generic;
    for (int i = 0; i < doc.size(); ++i) {
        const HtmlNode& n = doc[i];
        if (n.is_text) continue;
        switch (n.tag) {
            case GUMBO_TAG_HTML:
                set_once(m.language, doc.attr(i, "lang"));
                break;
            case GUMBO_TAG_TITLE:
                // The document's title: an HTML <title>, not the tooltip
                // <title> of an inline SVG icon.
                if (m.title.empty() && n.node->v.element.tag_namespace == GUMBO_NAMESPACE_HTML)
                    m.title = title_text(doc, i);
                break;
            case GUMBO_TAG_LINK: {
                std::string rel = lower(doc.attr(i, "rel"));
                if (rel == "canonical") set_once(m.canonical, doc.attr(i, "href"));
                break;
            }
            case GUMBO_TAG_META: {
                std::string key = lower(doc.attr(i, "property"));
                if (key.empty()) key = lower(doc.attr(i, "name"));
                if (key.empty()) key = lower(doc.attr(i, "itemprop"));
                if (key.empty()) key = lower(doc.attr(i, "http-equiv"));
                std::string_view v = doc.attr(i, "content");
                if (key.empty() || v.empty()) break;
                if (key == "og:title" || key == "twitter:title") set_once(m.og_title, v);
                else if (key == "og:description" || key == "description" || key == "twitter:description")
                    set_once(m.description, v);
                else if (key == "og:url") set_once(m.og_url, v);
                else if (key == "og:type") set_once(m.og_type, v);
                else if (key == "og:site_name" || key == "application-name") set_once(m.site_name, v);
                else if (key == "article:section") set_once(m.section, v);
                else if (key == "og:locale" || key == "content-language" || key == "language") set_once(m.language, v);
                else if (key == "author" || key == "article:author" || key == "dc.creator" || key == "byl")
                    add_unique(m.authors, v);
                else if (key == "keywords" || key == "news_keywords")
                    for (auto& k : split_keywords(v)) add_unique(m.keywords, k);
                else if (key == "article:tag") add_unique(m.keywords, v);
                else if (key == "article:published_time" || key == "datepublished" || key == "og:published_time")
                    add_unique(m.published, v);
                else if (key == "article:modified_time" || key == "datemodified" || key == "og:updated_time")
                    add_unique(m.modified, v);
                else if ((contains(key, "pub") || contains(key, "creat") || key == "date" || key == "dc.date") &&
                         (contains(key, "date") || contains(key, "time") || contains(key, "pub")))
                    add_unique(published_generic, v);
                else if ((contains(key, "modif") || contains(key, "update") || contains(key, "lastmod")))
                    add_unique(modified_generic, v);
                break;
            }
            case GUMBO_TAG_TIME: {
                std::string_view prop = doc.attr(i, "itemprop");
                std::string_view dt = doc.attr(i, "datetime");
                if (dt.empty()) dt = doc.attr(i, "content");
                if (prop == "datePublished") add_unique(m.published, dt);
                else if (prop == "dateModified") add_unique(m.modified, dt);
                break;
            }
            default: {
                std::string_view prop = doc.attr(i, "itemprop");
                if (prop.empty()) break;
                std::string_view content = doc.attr(i, "content");
                if (prop == "datePublished" && !content.empty()) add_unique(m.published, content);
                else if (prop == "dateModified" && !content.empty()) add_unique(m.modified, content);
                break;
            }
        }
    }
    for (auto& p : published_generic) add_unique(m.published, p);
    for (auto& p : modified_generic) add_unique(m.modified, p);
    return m;
}

}  // namespace presswatch::extract
