#include "extract/html_selector.h"

#include <cctype>

#include "core/error.h"

namespace presswatch::extract {
namespace {

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }

bool has_class(std::string_view classes, std::string_view c) {
    std::size_t i = 0;
    while (i < classes.size()) {
        while (i < classes.size() && std::isspace(static_cast<unsigned char>(classes[i]))) ++i;
        std::size_t start = i;
        while (i < classes.size() && !std::isspace(static_cast<unsigned char>(classes[i]))) ++i;
        if (classes.substr(start, i - start) == c) return true;
    }
    return false;
}

}  // namespace

HtmlSelector::HtmlSelector(std::string_view s) {
    auto bad = [&](const char* why) {
        throw InputError("selector \"" + std::string(s) + "\": " + why +
                         " (supported: tag, #id, .class, [attr], [attr=value], joined by spaces)");
    };
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        if (i >= s.size()) break;
        Compound c;
        while (i < s.size() && s[i] != ' ') {
            char k = s[i];
            if (k == '#' || k == '.') {
                std::size_t start = ++i;
                while (i < s.size() && name_char(s[i])) ++i;
                if (i == start) bad("empty name after # or .");
                std::string name(s.substr(start, i - start));
                if (k == '#') c.id = name;
                else c.classes.push_back(name);
            } else if (k == '[') {
                std::size_t close = s.find(']', i);
                if (close == std::string_view::npos) bad("unclosed [");
                std::string_view inner = s.substr(i + 1, close - i - 1);
                std::size_t eq = inner.find('=');
                std::string name(inner.substr(0, eq));
                std::string value;
                if (eq != std::string_view::npos) {
                    value = std::string(inner.substr(eq + 1));
                    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\''))
                        value = value.substr(1, value.size() - 2);
                }
                if (name.empty()) bad("empty attribute name");
                c.attributes.emplace_back(name, value);
                i = close + 1;
            } else if (name_char(k) && c.tag.empty() && c.id.empty() && c.classes.empty()) {
                std::size_t start = i;
                while (i < s.size() && name_char(s[i])) ++i;
                c.tag = std::string(s.substr(start, i - start));
                for (char& ch : c.tag) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            } else {
                bad("unsupported character");
            }
        }
        parts_.push_back(std::move(c));
    }
    if (parts_.empty()) bad("empty");
}

bool HtmlSelector::matches_compound(const HtmlDocument& doc, int e, const Compound& c) const {
    const HtmlNode& h = doc[e];
    if (h.is_text) return false;
    if (!c.tag.empty() && c.tag != gumbo_normalized_tagname(h.tag)) return false;
    if (!c.id.empty() && doc.attr(e, "id") != c.id) return false;
    for (const auto& cls : c.classes)
        if (!has_class(doc.attr(e, "class"), cls)) return false;
    for (const auto& [name, value] : c.attributes) {
        const GumboAttribute* a = gumbo_get_attribute(&h.node->v.element.attributes, name.c_str());
        if (!a || (!value.empty() && value != a->value)) return false;
    }
    return true;
}

bool HtmlSelector::matches(const HtmlDocument& doc, int e) const {
    if (!matches_compound(doc, e, parts_.back())) return false;
    // Descendant combinators: earlier parts match ancestors, nearest first.
    int part = static_cast<int>(parts_.size()) - 2;
    for (int a = doc[e].parent; a >= 0 && part >= 0; a = doc[a].parent)
        if (matches_compound(doc, a, parts_[static_cast<std::size_t>(part)])) --part;
    return part < 0;
}

int HtmlSelector::first_match(const HtmlDocument& doc) const {
    for (int i = 0; i < doc.size(); ++i)
        if (!doc[i].is_text && matches(doc, i)) return i;
    return -1;
}

}  // namespace presswatch::extract
