#pragma once
// The small CSS subset sources.toml's [outlet.selectors] use: compound
// selectors of a tag name, "#id", ".class" (several allowed) and
// "[attr]" / "[attr=value]", joined by spaces (descendant). Enough to name
// an outlet's body, date or author element; nothing more.
#include <string>
#include <string_view>
#include <vector>

#include "extract/html_document.h"

namespace presswatch::extract {

class HtmlSelector {
public:
    // Throws InputError naming the selector when it is outside the subset.
    explicit HtmlSelector(std::string_view selector);
    bool matches(const HtmlDocument& doc, int element) const;
    // The first matching element in document order, or -1.
    int first_match(const HtmlDocument& doc) const;

private:
    struct Compound {
        std::string tag;                   // lowercase, empty: any
        std::string id;
        std::vector<std::string> classes;
        std::vector<std::pair<std::string, std::string>> attributes;  // value empty: present
    };
    bool matches_compound(const HtmlDocument& doc, int element, const Compound& c) const;
    std::vector<Compound> parts_;
};

}  // namespace presswatch::extract
