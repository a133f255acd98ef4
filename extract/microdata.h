#pragma once
// The article a page describes in microdata: the element with itemscope and
// an article itemtype (schema.org NewsArticle, Article, BlogPosting, ...)
// and its itemprop properties: headline, description, articleBody,
// datePublished, dateModified, author (a string, or a nested Person item's
// name; Organizations are publishers, not writers), articleSection,
// inLanguage, keywords, url, publisher. Properties of nested items belong to
// them, not to the article. Values follow the microdata rules: meta content,
// link/a href, time datetime, otherwise the element's text. Attribute values
// are entity-decoded (double-escaped ones too). Read in loops over the
// flattened page, never by recursion.
#include "extract/html_document.h"
#include "extract/schema_article.h"

namespace presswatch::extract {

// The page's main article item (the largest one when there are several:
// related-news teasers carry their own small items); found = false when
// the page has none.
SchemaArticle read_microdata(const HtmlDocument& doc);

}  // namespace presswatch::extract
