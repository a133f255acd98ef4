#pragma once
// The article a page describes in JSON-LD (<script type="application/ld+json">):
// NewsArticle, Article, BlogPosting, Report and their kin, found at the top
// level, in arrays and inside "@graph". Strings are entity-decoded
// (double-escaped ones too, see html_entities.h). Invalid JSON is skipped.
#include <string>
#include <vector>

#include "crawler/html_document.h"

namespace presswatch::crawler {

struct JsonLdArticle {
    bool found = false;
    std::string type;
    std::string headline;
    std::string description;
    std::string url;
    std::string section;
    std::string language;
    std::string published;              // raw date strings
    std::string modified;
    std::vector<std::string> authors;   // people only ("name" of Person or a plain string)
    std::vector<std::string> keywords;
    std::string publisher;
};

JsonLdArticle read_jsonld(const HtmlDocument& doc);

}  // namespace presswatch::crawler
