#pragma once
// An article as extracted from one page: what `presswatch extract` prints
// and what the crawler hands to triage and the store. Field names follow
// schema.org's NewsArticle. Plain value type.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace presswatch {

struct Article {
    std::string url;                  // canonical URL
    std::string headline;
    std::string description;          // lead (sapo); empty when none
    std::string body;                 // plain text, paragraphs separated by "\n\n"
    std::string author;               // people, joined with ", "; empty when none
    std::string source_organization;  // "Theo X": the source, not an author
    std::optional<std::int64_t> published;  // Unix seconds
    std::optional<std::int64_t> modified;
    std::string published_raw;        // the date string the page showed, as is
    std::string section;
    std::string language;
    std::vector<std::string> keywords;
};

}  // namespace presswatch
