#pragma once
// The article a page describes in JSON-LD (<script type="application/ld+json">):
// NewsArticle, Article, BlogPosting, Report and their kin, found at the top
// level, in arrays and inside "@graph". Strings are entity-decoded
// (double-escaped ones too, see html_entities.h). Invalid JSON is skipped.
#include "extract/html_document.h"
#include "extract/schema_article.h"

namespace presswatch::extract {

SchemaArticle read_jsonld(const HtmlDocument& doc);

}  // namespace presswatch::extract
