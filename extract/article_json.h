#pragma once
// The JSON form of an Article, as `presswatch extract` prints it (schema.org
// NewsArticle names) and `presswatch import` / `presswatch triage` read it.
#include <nlohmann/json.hpp>

#include "core/article.h"

namespace presswatch {

nlohmann::json article_to_json(const Article& a);
// Throws InputError naming the field when j is not an article.
Article article_from_json(const nlohmann::json& j);

}  // namespace presswatch
