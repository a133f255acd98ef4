#include "crawler/feed_parser.h"

#include <cstring>
#include <map>
#include <memory>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "crawler/feed_date.h"
#include "crawler/url.h"
#include "text/normalize.h"

namespace presswatch::crawler {
namespace {

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct XmlFree {
    void operator()(xmlChar* p) const { xmlFree(p); }
};

// HTML's named entities that feeds use without declaring them (XML knows
// only the five). Latin-1 letters cover the Vietnamese vowels written as
// entities (&agrave;, &ocirc;, ...).
const std::map<std::string, char32_t>& html_entities() {
    static const std::map<std::string, char32_t> m = [] {
        std::map<std::string, char32_t> e = {
            {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
            {"nbsp", 0xA0},     {"copy", 0xA9},     {"reg", 0xAE},      {"laquo", 0xAB},    {"raquo", 0xBB},
            {"middot", 0xB7},   {"hellip", 0x2026}, {"mdash", 0x2014},  {"ndash", 0x2013},  {"lsquo", 0x2018},
            {"rsquo", 0x2019},  {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bull", 0x2022},   {"trade", 0x2122},
            {"euro", 0x20AC},   {"deg", 0xB0},      {"times", 0xD7},    {"divide", 0xF7},   {"shy", 0xAD},
        };
        // Latin-1 letters: grave, acute, circ, tilde, uml on vowels, plus a few others.
        const char* names[] = {"Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
                               "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
                               "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml"};
        char32_t cp = 0xC0;
        for (const char* n : names) e[n] = cp++;
        const char* names2[] = {"Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig"};
        cp = 0xD8;
        for (const char* n : names2) e[n] = cp++;
        for (const char* n : names) {
            std::string lower(n);
            lower[0] = static_cast<char>(std::tolower(lower[0]));
            if (lower == "aElig") lower = "aelig";
            if (lower == "eTH") lower = "eth";
            e[lower] = e[n] + 0x20;
        }
        for (const char* n : names2) {
            std::string lower(n);
            if (lower == "szlig") continue;
            lower[0] = static_cast<char>(std::tolower(lower[0]));
            if (lower == "tHORN") lower = "thorn";
            e[lower] = e[n] + 0x20;
        }
        e["yuml"] = 0xFF;
        return e;
    }();
    return m;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Length of a reference "&name;" or "&#...;" starting at s[0] == '&', or 0.
std::size_t reference_length(std::string_view s) {
    std::size_t end = s.find(';', 1);
    if (end == std::string_view::npos || end > 12 || end < 2) return 0;
    for (std::size_t i = 1; i < end; ++i)
        if (!std::isalnum(static_cast<unsigned char>(s[i])) && !(i == 1 && s[i] == '#')) return 0;
    return end + 1;
}

std::optional<char32_t> reference_value(std::string_view ref) {
    auto name = ref.substr(1, ref.size() - 2);
    if (!name.empty() && name[0] == '#') {
        bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        std::string digits(name.substr(hex ? 2 : 1));
        if (digits.empty() || digits.size() > 7) return std::nullopt;
        char* end = nullptr;
        unsigned long v = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
        if (*end) return std::nullopt;
        return static_cast<char32_t>(v);
    }
    auto it = html_entities().find(std::string(name));
    if (it == html_entities().end()) return std::nullopt;
    return it->second;
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
        } else if (auto v = reference_value(ref)) {
            out += "&#" + std::to_string(static_cast<unsigned long>(*v)) + ";";
        } else {
            out += "&amp;";
            out += ref.substr(1);
        }
        i += len - 1;
    }
    return out;
}

std::string local_name(const xmlNode* n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }

std::string content(const xmlNode* n) {
    std::unique_ptr<xmlChar, XmlFree> c(xmlNodeGetContent(n));
    return c ? reinterpret_cast<const char*>(c.get()) : "";
}

std::string attribute(const xmlNode* n, const char* name) {
    std::unique_ptr<xmlChar, XmlFree> v(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)));
    return v ? reinterpret_cast<const char*>(v.get()) : "";
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
    std::string link, alternate, guid, about = attribute(item, "about");
    std::string date_primary, date_updated;
    for (const xmlNode* c = item->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        auto name = local_name(c);
        if (name == "link") {
            auto href = attribute(c, "href");
            if (!href.empty()) {
                auto rel = attribute(c, "rel");
                if (rel.empty() || rel == "alternate") {
                    if (alternate.empty()) alternate = href;
                } else if (link.empty() && rel != "enclosure" && rel != "self" && rel != "replies") {
                    link = href;
                }
            } else if (link.empty()) {
                link = squeeze(content(c));
            }
        } else if (name == "guid" || name == "id") {
            if (attribute(c, "isPermaLink") != "false") guid = squeeze(content(c));
        } else if (name == "title") {
            it.title = text::nfc(squeeze(decode_entities(squeeze(content(c)))));
        } else if (name == "pubDate" || name == "published" || name == "date" || name == "issued") {
            if (date_primary.empty()) date_primary = squeeze(content(c));
        } else if (name == "updated" || name == "modified") {
            if (date_updated.empty()) date_updated = squeeze(content(c));
        }
    }
    std::string chosen = !alternate.empty() ? alternate : !link.empty() ? link : looks_absolute(guid) ? guid : about;
    chosen = decode_entities(chosen);
    if (!chosen.empty()) {
        if (auto r = resolve_url(feed_url, chosen)) it.url = *r;
        else if (looks_absolute(chosen)) it.url = chosen;
    }
    it.published_raw = !date_primary.empty() ? date_primary : date_updated;
    if (!it.published_raw.empty()) it.published = parse_feed_date(it.published_raw);
    return it;
}

}  // namespace

std::string decode_entities(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '&') {
            if (auto len = reference_length(s.substr(i))) {
                if (auto v = reference_value(s.substr(i, len))) {
                    append_utf8(out, *v);
                    i += len - 1;
                    continue;
                }
            }
        }
        out += s[i];
    }
    return out;
}

Feed parse_feed(std::string_view xml, std::string_view feed_url) {
    Feed feed;
    if (xml.size() > max_feed_bytes) {
        feed.error = "feed larger than " + std::to_string(max_feed_bytes / (1024 * 1024)) + " MB";
        return feed;
    }
    // A byte-order mark or blank lines before "<?xml" make libxml2 give up.
    if (xml.starts_with("\xEF\xBB\xBF")) xml.remove_prefix(3);
    auto first = xml.find('<');
    if (first == std::string_view::npos) {
        feed.error = "not XML: no element at all";
        return feed;
    }
    xml.remove_prefix(first);
    std::string prepared = prepare_xml(xml);
    std::string url(feed_url);
    std::unique_ptr<xmlDoc, DocFree> doc(xmlReadMemory(
        prepared.data(), static_cast<int>(prepared.size()), url.c_str(), nullptr,
        XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root) {
        feed.error = "not XML: libxml2 could not read it even in recovery mode";
        return feed;
    }
    auto root_name = local_name(root);
    if (root_name == "rss") feed.format = "rss2";
    else if (root_name == "RDF") feed.format = "rss1";
    else if (root_name == "feed") feed.format = "atom";

    // Iterative walk: a hostile feed cannot overflow the stack.
    const xmlNode* n = root;
    while (n) {
        bool descend = true;
        if (n->type == XML_ELEMENT_NODE) {
            auto name = local_name(n);
            if (name == "item" || name == "entry") {
                auto it = read_item(n, feed_url);
                if (!it.url.empty()) feed.items.push_back(std::move(it));
                descend = false;
            } else if (name == "title" && feed.title.empty() && n->parent &&
                       (local_name(n->parent) == "channel" || local_name(n->parent) == "feed")) {
                feed.title = squeeze(decode_entities(content(n)));
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
