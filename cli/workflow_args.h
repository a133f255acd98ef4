#pragma once
// What the workflow commands (mark, tag, flag, respond, letters, digest,
// briefing) read from their arguments: articles by id or search query, and
// dates.
#include <cstdint>
#include <string>
#include <vector>

#include "cli/context.h"
#include "store/store.h"

namespace presswatch::cli {

// Article ids from the words of a QUERY argument: when every word is a
// number, those ids; otherwise a search query (index/query.h) over the
// clippings, run after bringing the index up to date. Throws InputError
// for an unknown id, a bad query, or a query that matches nothing.
std::vector<std::int64_t> resolve_articles(Context& ctx, store::Store& store, const std::vector<std::string>& words);

// A day (YYYY-MM-DD, midnight in Vietnam) or a full ISO 8601 time. Throws
// InputError naming the option.
std::int64_t parse_when(const std::string& option, const std::string& value);

// Throws InputError for a slug that topics.toml does not define.
void check_topics(const config::Config& cfg, const std::vector<std::string>& slugs);

}  // namespace presswatch::cli
