#include "crawler/xml_document.h"

#include <libxml/parser.h>

namespace presswatch::crawler {
namespace {

struct XmlFree {
    void operator()(xmlChar* p) const { xmlFree(p); }
};

}  // namespace

XmlDocument parse_xml_recovering(std::string_view xml, std::string_view url, std::string* why) {
    if (xml.starts_with("\xEF\xBB\xBF")) xml.remove_prefix(3);
    auto first = xml.find('<');
    if (first == std::string_view::npos) {
        if (why) *why = "not XML: no element at all";
        return nullptr;
    }
    xml.remove_prefix(first);
    std::string u(url);
    XmlDocument doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), u.c_str(), nullptr,
                                  XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR |
                                      XML_PARSE_NOWARNING | XML_PARSE_HUGE));
    if (!doc || !xmlDocGetRootElement(doc.get())) {
        if (why) *why = "not XML: libxml2 could not read it even in recovery mode";
        return nullptr;
    }
    return doc;
}

std::string xml_name(const xmlNode* n) { return n && n->name ? reinterpret_cast<const char*>(n->name) : ""; }

std::string xml_text(const xmlNode* n) {
    std::unique_ptr<xmlChar, XmlFree> c(xmlNodeGetContent(n));
    return c ? reinterpret_cast<const char*>(c.get()) : "";
}

std::string xml_attribute(const xmlNode* n, const char* name) {
    std::unique_ptr<xmlChar, XmlFree> v(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)));
    return v ? reinterpret_cast<const char*>(v.get()) : "";
}

}  // namespace presswatch::crawler
