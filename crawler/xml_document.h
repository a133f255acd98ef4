#pragma once
// libxml2 in recovery mode, shared by the feed and sitemap readers: what
// libxml2 can make of broken XML, without network access, errors or
// warnings on stderr.
#include <memory>
#include <string>
#include <string_view>

#include <libxml/tree.h>

namespace presswatch::crawler {

struct XmlDocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDocument = std::unique_ptr<xmlDoc, XmlDocFree>;

// Parses xml (a byte-order mark and anything before the first '<' are
// skipped: libxml2 gives up on them). Null when nothing is readable; then
// *why says so.
XmlDocument parse_xml_recovering(std::string_view xml, std::string_view url, std::string* why);

// The element's local name ("item" for <rss:item>).
std::string xml_name(const xmlNode* n);
// Its text content, including descendants' (not trimmed).
std::string xml_text(const xmlNode* n);
// An attribute's value, "" when absent.
std::string xml_attribute(const xmlNode* n, const char* name);

}  // namespace presswatch::crawler
