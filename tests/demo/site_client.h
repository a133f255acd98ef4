#pragma once
// Test helpers for the sample site: fetching from it over HTTP as a
// crawler would (Host header on 127.0.0.1), parsing what it serves with
// libxml2, and reading feed dates in each outlet's form. No Catch
// assertion in split_url() and fetch(), so threads may call them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <curl/curl.h>
#include <httplib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "demo/sample_site.h"
#include "text/dates.h"

namespace presswatch::demo::testing {

using presswatch::demo::SampleSite;

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using Doc = std::unique_ptr<xmlDoc, DocFree>;

// Well-formed XML, or a failed test.
inline Doc parse_xml(const std::string& xml) {
    Doc doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "served.xml", nullptr,
                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    REQUIRE(doc);
    return doc;
}

inline Doc parse_html(const std::string& html) {
    Doc doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), "served.html", "UTF-8",
                           HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
    REQUIRE(doc);
    return doc;
}

struct Url {
    std::string host;  // with port
    std::string path;
};

// Host and path of "http://host/path"; empty host for anything else. Makes
// no Catch assertion, so threads may call it.
inline Url split_url(const std::string& url) {
    const std::string scheme = "http://";
    auto slash = url.find('/', scheme.size());
    if (url.rfind(scheme, 0) != 0 || slash == std::string::npos) return {};
    return {url.substr(scheme.size(), slash - scheme.size()), url.substr(slash)};
}

// GET over 127.0.0.1 with the outlet's name in the Host header, as curl
// does for *.localhost.
inline httplib::Result fetch(const SampleSite& site, const std::string& url) {
    Url u = split_url(url);
    if (u.host.empty()) return httplib::Result(nullptr, httplib::Error::Unknown);
    httplib::Client client("127.0.0.1", site.port());
    return client.Get(u.path.c_str(), httplib::Headers{{"Host", u.host}});
}

inline std::string fetch_ok(const SampleSite& site, const std::string& url) {
    auto res = fetch(site, url);
    REQUIRE(res);
    INFO(url);
    REQUIRE(res->status == 200);
    return res->body;
}

inline void collect(xmlNode* n, const char* name, std::vector<xmlNode*>& out) {
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0) out.push_back(n);
        collect(n->children, name, out);
    }
}

inline std::string text_of(xmlNode* n) {
    xmlChar* c = xmlNodeGetContent(n);
    std::string s = c ? reinterpret_cast<const char*>(c) : "";
    xmlFree(c);
    return s;
}

inline std::string attr(xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, BAD_CAST name);
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
}

struct FeedEntry {
    std::string link;
    std::string date;  // pubDate or published, as written
};

inline std::string child_text(xmlNode* parent, const char* name) {
    std::vector<xmlNode*> found;
    collect(parent->children, name, found);
    REQUIRE(found.size() == 1);
    return text_of(found[0]);
}

// The items a feed lists; fails the test if it is not well-formed XML.
inline std::vector<FeedEntry> feed_entries(const std::string& xml) {
    Doc doc = parse_xml(xml);
    xmlNode* root = xmlDocGetRootElement(doc.get());
    std::vector<FeedEntry> entries;
    std::vector<xmlNode*> nodes;
    if (xmlStrcmp(root->name, BAD_CAST "rss") == 0) {
        collect(root, "item", nodes);
        for (xmlNode* item : nodes) entries.push_back({child_text(item, "link"), child_text(item, "pubDate")});
    } else {
        REQUIRE(std::string(reinterpret_cast<const char*>(root->name)) == "feed");
        collect(root, "entry", nodes);
        for (xmlNode* entry : nodes) {
            std::vector<xmlNode*> l;
            collect(entry->children, "link", l);
            REQUIRE(l.size() == 1);
            entries.push_back({attr(l[0], "href"), child_text(entry, "published")});
        }
    }
    return entries;
}

inline std::vector<std::string> feed_links(const std::string& xml) {
    std::vector<std::string> links;
    for (auto& e : feed_entries(xml)) links.push_back(e.link);
    return links;
}

// Reads a feed date the way its outlet writes it (demo/shown_dates.h);
// nullopt if it does not match that outlet's form.
inline std::optional<std::int64_t> read_feed_date(const std::string& style, std::string s) {
    if (style == "rfc3339" || style == "iso-nocolon") return presswatch::text::parse_iso8601(s);
    if (style == "vietnamese") {
        int d, mo, y, h, mi, sec;
        if (std::sscanf(s.c_str(), "%2d/%2d/%4d %2d:%2d:%2d", &d, &mo, &y, &h, &mi, &sec) != 6) return std::nullopt;
        auto midnight = presswatch::text::vietnam_midnight(y, mo, d);
        if (!midnight) return std::nullopt;
        return *midnight + h * 3600 + mi * 60 + sec;
    }
    // curl_getdate() reads "GMT+7" as plain GMT: spell the zone out first.
    if (style == "rfc822-gmt7") {
        const std::string zone = " GMT+7";
        if (s.size() < zone.size() || s.compare(s.size() - zone.size(), zone.size(), zone) != 0) return std::nullopt;
        s.replace(s.size() - zone.size(), zone.size(), " +0700");
    }
    const time_t t = curl_getdate(s.c_str(), nullptr);
    if (t < 0) return std::nullopt;
    return static_cast<std::int64_t>(t);
}

// The class attributes and head markers of an HTML page: its template's
// fingerprint, independent of the article's text.
inline std::set<std::string> template_fingerprint(const std::string& html) {
    Doc doc = parse_html(html);
    std::set<std::string> marks;
    std::vector<xmlNode*> all;
    collect(xmlDocGetRootElement(doc.get()), "div", all);
    for (const char* tag : {"span", "p", "h1", "h2", "article", "header", "footer", "nav", "ul", "time", "aside",
                            "meta", "script", "main"})
        collect(xmlDocGetRootElement(doc.get()), tag, all);
    for (xmlNode* n : all) {
        std::string name = reinterpret_cast<const char*>(n->name);
        for (const char* a : {"class", "property", "type", "id"})
            if (std::string v = attr(n, a); !v.empty()) marks.insert(name + "." + a + "=" + v);
    }
    return marks;
}

// How much of the smaller set the two sets share (0 to 1).
inline double shared_share(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::vector<std::string> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    return static_cast<double>(common.size()) / static_cast<double>(std::max<size_t>(1, std::min(a.size(), b.size())));
}

// "http://slug.localhost:PORT", where the running site serves an outlet.
inline std::string origin_of(const SampleSite& site, const std::string& slug) {
    return "http://" + slug + ".localhost:" + std::to_string(site.port());
}

inline bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }


}  // namespace presswatch::demo::testing
