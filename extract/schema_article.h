#pragma once
// The article a page describes about itself in schema.org terms, read from
// JSON-LD (jsonld.h) or microdata (microdata.h). Nothing here is trusted
// yet: extract.cpp cross-checks it against the visible page.
#include <string>
#include <string_view>
#include <vector>

namespace presswatch::extract {

struct SchemaArticle {
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
    // The element marked itemprop="articleBody" (microdata), -1 when none.
    // JSON-LD's articleBody string is not used: the page's own text is.
    int body_element = -1;
};

// NewsArticle, Article, BlogPosting, Report and their kin; a microdata
// itemtype URL ("https://schema.org/NewsArticle") counts by its last segment.
bool is_article_type(std::string_view type);
// Organization, NewsMediaOrganization, Corporation: a publisher named as an
// author, not a writer.
bool is_organization_type(std::string_view type);
// "https://schema.org/NewsArticle" -> "NewsArticle"; a bare name as it is.
std::string_view schema_type_name(std::string_view type);

// Fills what `into` lacks from `from` (JSON-LD first, microdata after).
void fill_missing(SchemaArticle& into, const SchemaArticle& from);

}  // namespace presswatch::extract
