#include "extract/schema_article.h"

namespace presswatch::extract {

std::string_view schema_type_name(std::string_view t) {
    auto slash = t.find_last_of("/#");
    return slash == std::string_view::npos ? t : t.substr(slash + 1);
}

bool is_article_type(std::string_view t) {
    t = schema_type_name(t);
    return t.find("Article") != std::string_view::npos || t == "BlogPosting" || t == "Report" ||
           t == "LiveBlogPosting" || t == "SocialMediaPosting" || t == "Blog";
}

bool is_organization_type(std::string_view t) {
    t = schema_type_name(t);
    return t.find("Organization") != std::string_view::npos || t == "Corporation";
}

void fill_missing(SchemaArticle& into, const SchemaArticle& from) {
    if (!from.found) return;
    into.found = true;
    for (auto [to, value] : {std::pair{&into.type, &from.type}, {&into.headline, &from.headline},
                             {&into.description, &from.description}, {&into.url, &from.url},
                             {&into.section, &from.section}, {&into.language, &from.language},
                             {&into.published, &from.published}, {&into.modified, &from.modified},
                             {&into.publisher, &from.publisher}})
        if (to->empty()) *to = *value;
    if (into.authors.empty()) into.authors = from.authors;
    if (into.keywords.empty()) into.keywords = from.keywords;
    if (into.body_element < 0) into.body_element = from.body_element;
}

}  // namespace presswatch::extract
