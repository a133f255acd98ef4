#include "extract/html_entities.h"

#include <libxml/HTMLparser.h>

namespace presswatch::extract {
namespace {

// Longest entity name in HTML 4 ("thetasym") plus room; longer runs are text.
constexpr std::size_t max_entity_name = 10;

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string decode_entities_once(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out.push_back(s[i]);
            continue;
        }
        std::size_t j = i + 1;
        if (j < s.size() && s[j] == '#') {
            ++j;
            bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
            if (hex) ++j;
            char32_t cp = 0;
            std::size_t digits = 0;
            for (; j < s.size() && digits < 8; ++j, ++digits) {
                char c = s[j];
                int v = c >= '0' && c <= '9' ? c - '0'
                        : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                      : -1;
                if (v < 0) break;
                cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
            }
            if (digits == 0) {
                out.push_back('&');
                continue;
            }
            append_utf8(out, cp);
            i = (j < s.size() && s[j] == ';') ? j : j - 1;
            continue;
        }
        std::size_t k = j;
        while (k < s.size() && k - j <= max_entity_name && is_alnum(s[k])) ++k;
        if (k < s.size() && s[k] == ';' && k > j) {
            std::string name(s.substr(j, k - j));
            if (name == "apos") {  // XML's, not in HTML 4's table
                out.push_back('\'');
                i = k;
                continue;
            }
            if (const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))) {
                append_utf8(out, e->value);
                i = k;
                continue;
            }
        }
        out.push_back('&');
    }
    return out;
}

std::string decode_metadata_entities(std::string_view s) {
    if (s.find('&') == std::string_view::npos) return std::string(s);
    std::string once = decode_entities_once(s);
    // "&amp;#7871;" became "&#7871;": the page escaped twice.
    if (s.find("&amp;#") != std::string_view::npos || s.find("&amp;amp;") != std::string_view::npos)
        return decode_entities_once(once);
    return once;
}

}  // namespace presswatch::extract
