#include "extract/microdata.h"

#include <algorithm>

#include "extract/html_entities.h"
#include "extract/html_meta.h"

namespace presswatch::extract {
namespace {

// A headline, a date or a name is short; text longer than this is not one
// (articleBody is kept as its element, never as a string).
constexpr std::size_t max_property_bytes = 2048;
// A nested author item with no "name" property: its text stands for the
// name only when it is this short (a name, not a biography).
constexpr std::size_t max_author_text_bytes = 120;

bool has_attribute(const HtmlDocument& doc, int i, const char* name) {
    return gumbo_get_attribute(&doc[i].node->v.element.attributes, name) != nullptr;
}

bool is_item(const HtmlDocument& doc, int i) { return !doc[i].is_text && has_attribute(doc, i, "itemscope"); }

// Calls f for each whitespace-separated token of an itemprop or itemtype list.
template <class F>
void for_each_token(std::string_view list, F&& f) {
    std::size_t i = 0;
    while (i < list.size()) {
        while (i < list.size() && (list[i] == ' ' || list[i] == '\t' || list[i] == '\n' || list[i] == '\r')) ++i;
        std::size_t start = i;
        while (i < list.size() && list[i] != ' ' && list[i] != '\t' && list[i] != '\n' && list[i] != '\r') ++i;
        if (i > start) f(list.substr(start, i - start));
    }
}

bool any_token(std::string_view list, bool (*pred)(std::string_view)) {
    bool found = false;
    for_each_token(list, [&](std::string_view t) { found = found || pred(t); });
    return found;
}


std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return std::string(s);
}

// An attribute value: the parser decoded it once; a second round only for
// double escaping.
std::string attribute_value(const HtmlDocument& doc, int i, const char* name) {
    return trimmed(decode_metadata_entities(doc.attr(i, name)));
}

// A property's value by the microdata rules. `want_url` is for url-valued
// properties: elsewhere a link's value is its text, since pages mark the
// author's name with <a itemprop="author" href="/tac-gia/...">.
std::string property_value(const HtmlDocument& doc, int i, bool want_url) {
    switch (doc[i].tag) {
        case GUMBO_TAG_META:
            return attribute_value(doc, i, "content");
        case GUMBO_TAG_LINK:
            return attribute_value(doc, i, "href");
        case GUMBO_TAG_A:
        case GUMBO_TAG_AREA:
            if (want_url) return attribute_value(doc, i, "href");
            break;
        case GUMBO_TAG_IMG:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_SOURCE:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_TRACK:
            return attribute_value(doc, i, "src");
        case GUMBO_TAG_OBJECT:
            return attribute_value(doc, i, "data");
        case GUMBO_TAG_TIME:
            if (has_attribute(doc, i, "datetime")) return attribute_value(doc, i, "datetime");
            break;
        case GUMBO_TAG_DATA:
        case GUMBO_TAG_METER:
            return attribute_value(doc, i, "value");
        default:
            break;
    }
    // Not in the standard, but common: content="" on a <span> or <div>.
    if (has_attribute(doc, i, "content")) return attribute_value(doc, i, "content");
    return doc.subtree_text(i, max_property_bytes);
}

// The "name" of the item whose element is `item`: its own property, not
// one of an item nested in it. Empty when it has none.
std::string item_name(const HtmlDocument& doc, int item) {
    int nested_end = -1;
    for (int k = item + 1; k < doc[item].end; ++k) {
        if (doc[k].is_text || k < nested_end) continue;
        bool name = false;
        for_each_token(doc.attr(k, "itemprop"), [&](std::string_view t) { name = name || t == "name"; });
        if (name) return property_value(doc, k, false);
        if (is_item(doc, k)) nested_end = doc[k].end;
    }
    return {};
}

void add_unique(std::vector<std::string>& v, std::string s) {
    if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

void set_once(std::string& field, std::string value) {
    if (field.empty()) field = std::move(value);
}

// One property of the article item, found on element k.
void read_property(const HtmlDocument& doc, int k, std::string_view prop, SchemaArticle& a, std::string& name) {
    const bool item = is_item(doc, k);
    if (prop == "headline") {
        set_once(a.headline, property_value(doc, k, false));
    } else if (prop == "name") {
        set_once(name, property_value(doc, k, false));
    } else if (prop == "description") {
        set_once(a.description, property_value(doc, k, false));
    } else if (prop == "articleBody") {
        if (a.body_element < 0) a.body_element = k;
    } else if (prop == "datePublished") {
        set_once(a.published, property_value(doc, k, false));
    } else if (prop == "dateModified") {
        set_once(a.modified, property_value(doc, k, false));
    } else if (prop == "author" || prop == "creator") {
        if (!item) {
            add_unique(a.authors, property_value(doc, k, false));
        } else if (!any_token(doc.attr(k, "itemtype"), is_organization_type)) {
            std::string n = item_name(doc, k);
            if (n.empty()) {
                n = doc.subtree_text(k, max_author_text_bytes + 1);
                if (n.size() > max_author_text_bytes) n.clear();
            }
            add_unique(a.authors, std::move(n));
        }
    } else if (prop == "publisher") {
        set_once(a.publisher, item ? item_name(doc, k) : property_value(doc, k, false));
    } else if (prop == "articleSection") {
        set_once(a.section, property_value(doc, k, false));
    } else if (prop == "inLanguage") {
        set_once(a.language, property_value(doc, k, false));
    } else if (prop == "keywords") {
        // A tag list is links side by side ("<a>X</a><a>Y</a>"): each text
        // is a keyword, never their run glued together.
        if (doc[k].tag == GUMBO_TAG_META || has_attribute(doc, k, "content")) {
            for (auto& w : split_keywords(property_value(doc, k, false))) add_unique(a.keywords, std::move(w));
        } else {
            for (int t = k + 1; t < doc[k].end; ++t)
                if (doc[t].is_text)
                    for (auto& w : split_keywords(doc.text(t))) add_unique(a.keywords, std::move(w));
        }
    } else if (prop == "url" || prop == "mainEntityOfPage") {
        set_once(a.url, item ? attribute_value(doc, k, "itemid") : property_value(doc, k, true));
    }
}

}  // namespace

SchemaArticle read_microdata(const HtmlDocument& doc) {
    SchemaArticle a;
    int scope = -1;
    for (int i = 0; i < doc.size(); ++i) {
        if (!is_item(doc, i)) continue;
        std::string_view type = doc.attr(i, "itemtype");
        if (!any_token(type, [](std::string_view t) { return is_article_type(t); })) continue;
        if (scope < 0 || doc[i].end - i > doc[scope].end - scope) scope = i;
    }
    if (scope < 0) return a;
    a.found = true;
    for_each_token(doc.attr(scope, "itemtype"), [&](std::string_view t) {
        if (a.type.empty() && is_article_type(t)) a.type = std::string(schema_type_name(t));
    });
    std::string name;
    // Elements of a nested item (an author's Person, the publisher) are
    // skipped up to its end: their properties are that item's.
    int nested_end = -1;
    for (int k = scope + 1; k < doc[scope].end; ++k) {
        if (doc[k].is_text || k < nested_end) continue;
        for_each_token(doc.attr(k, "itemprop"), [&](std::string_view p) { read_property(doc, k, p, a, name); });
        if (is_item(doc, k)) nested_end = doc[k].end;
    }
    if (a.headline.empty()) a.headline = name;
    return a;
}

}  // namespace presswatch::extract
