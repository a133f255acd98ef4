#include "crawler/feed_parser.h"

#include <cstring>
#include <map>
#include <memory>

#include <libxml/HTMLparser.h>

#include "crawler/feed_date.h"
#include "extract/html_entities.h"
#include "crawler/url.h"
#include "crawler/xml_document.h"
#include "text/normalize.h"

namespace presswatch::crawler {
namespace {

// Length of a reference "&name;" or "&#...;" starting at s[0] == '&', or 0.
std::size_t reference_length(std::string_view s) {
    std::size_t end = s.find(';', 1);
    if (end == std::string_view::npos || end > 12 || end < 2) return 0;
    for (std::size_t i = 1; i < end; ++i)
        if (!std::isalnum(static_cast<unsigned char>(s[i])) && !(i == 1 && s[i] == '#')) return 0;
    return end + 1;
}

// The code point of an HTML named reference "&name;" (libxml2's HTML 4
// table), if it is one.
std::optional<char32_t> named_reference(std::string_view ref) {
    std::string name(ref.substr(1, ref.size() - 2));
    const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
    if (!e) return std::nullopt;
    return static_cast<char32_t>(e->value);
}

// Before parsing: named HTML entities become numeric references libxml2
// understands, and an unknown "&name;" or a bare "&" becomes "&amp;..." so
// that its text survives instead of being dropped by recovery.
std::string prepare_xml(std::string_view xml) {
    std::string out;
    out.reserve(xml.size() + 64);
    for (std::size_t i = 0; i < xml.size(); ++i) {
        if (xml[i] != '&') {
            out += xml[i];
            continue;
        }
        auto len = reference_length(xml.substr(i));
        if (len == 0) {
            out += "&amp;";
            continue;
        }
        auto ref = xml.substr(i, len);
        auto name = ref.substr(1, len - 2);
        if (name[0] == '#' || name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") {
            out += ref;
        } else if (auto v = named_reference(ref)) {
            out += "&#" + std::to_string(static_cast<unsigned long>(*v)) + ";";
        } else {
            out += "&amp;";
            out += ref.substr(1);
        }
        i += len - 1;
    }
    return out;
}

std::string squeeze(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

bool looks_absolute(const std::string& s) { return s.starts_with("http://") || s.starts_with("https://"); }

FeedItem read_item(const xmlNode* item, std::string_view feed_url) {
    FeedItem it;
    std::string link, alternate, guid, about = xml_attribute(item, "about");
    std::string date_primary, date_updated;
    for (const xmlNode* c = item->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        auto name = xml_name(c);
        if (name == "link") {
            auto href = xml_attribute(c, "href");
            if (!href.empty()) {
                auto rel = xml_attribute(c, "rel");
                if (rel.empty() || rel == "alternate") {
                    if (alternate.empty()) alternate = href;
                } else if (link.empty() && rel != "enclosure" && rel != "self" && rel != "replies") {
                    link = href;
                }
            } else if (link.empty()) {
                link = squeeze(xml_text(c));
            }
        } else if (name == "guid" || name == "id") {
            if (xml_attribute(c, "isPermaLink") != "false") guid = squeeze(xml_text(c));
        } else if (name == "title") {
            it.title = text::nfc(squeeze(extract::decode_metadata_entities(squeeze(xml_text(c)))));
        } else if (name == "pubDate" || name == "published" || name == "date" || name == "issued") {
            if (date_primary.empty()) date_primary = squeeze(xml_text(c));
        } else if (name == "updated" || name == "modified") {
            if (date_updated.empty()) date_updated = squeeze(xml_text(c));
        }
    }
    std::string chosen = !alternate.empty() ? alternate : !link.empty() ? link : looks_absolute(guid) ? guid : about;
    chosen = extract::decode_metadata_entities(chosen);
    if (!chosen.empty()) {
        if (auto r = resolve_url(feed_url, chosen)) it.url = *r;
        else if (looks_absolute(chosen)) it.url = chosen;
    }
    it.published_raw = !date_primary.empty() ? date_primary : date_updated;
    if (!it.published_raw.empty()) it.published = parse_feed_date(it.published_raw);
    return it;
}

}  // namespace

Feed parse_feed(std::string_view xml, std::string_view feed_url) {
    Feed feed;
    if (xml.size() > max_feed_bytes) {
        feed.error = "feed larger than " + std::to_string(max_feed_bytes / (1024 * 1024)) + " MB";
        return feed;
    }
    auto doc = parse_xml_recovering(prepare_xml(xml), feed_url, &feed.error);
    if (!doc) return feed;
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    auto root_name = xml_name(root);
    if (root_name == "rss") feed.format = "rss2";
    else if (root_name == "RDF") feed.format = "rss1";
    else if (root_name == "feed") feed.format = "atom";

    // Iterative walk: a hostile feed cannot overflow the stack.
    const xmlNode* n = root;
    while (n) {
        bool descend = true;
        if (n->type == XML_ELEMENT_NODE) {
            auto name = xml_name(n);
            if (name == "item" || name == "entry") {
                auto it = read_item(n, feed_url);
                if (!it.url.empty()) feed.items.push_back(std::move(it));
                descend = false;
            } else if (name == "title" && feed.title.empty() && n->parent &&
                       (xml_name(n->parent) == "channel" || xml_name(n->parent) == "feed")) {
                feed.title = squeeze(extract::decode_metadata_entities(xml_text(n)));
            }
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next) n = n->parent;
        if (!n || n == root) break;
        n = n->next;
    }
    if (feed.items.empty()) {
        if (feed.format.empty())
            feed.error = "not a feed: the document's root element is <" + root_name + ">";
        else
            feed.error = "the feed has no items with a link";
    }
    return feed;
}

}  // namespace presswatch::crawler
