#pragma once
// What a page says about itself in <head> and in microdata: <title>,
// OpenGraph, article:* and other meta tags, itemprop values, the canonical
// link and the page language. Values are as written (entities decoded by
// the parser once); nothing is trusted yet: extract.cpp cross-checks them
// against the visible page.
#include <string>
#include <vector>

#include "extract/html_document.h"

namespace presswatch::extract {

struct HtmlMetadata {
    std::string title;            // <title>
    std::string og_title;         // og:title, twitter:title
    std::string description;      // og:description, description
    std::string canonical;        // <link rel=canonical>
    std::string og_url;
    std::string og_type;
    std::string site_name;        // og:site_name
    std::string section;          // article:section
    std::string language;         // <html lang>, og:locale, content-language
    std::vector<std::string> authors;    // meta author / article:author / itemprop author
    std::vector<std::string> keywords;   // keywords, news_keywords, article:tag
    std::vector<std::string> published;  // machine date strings, most specific first
    std::vector<std::string> modified;
};

HtmlMetadata read_html_metadata(const HtmlDocument& doc);

// Splits a keyword list on commas and semicolons, trimming each item.
std::vector<std::string> split_keywords(std::string_view s);

}  // namespace presswatch::extract
