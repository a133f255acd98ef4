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
// number, those ids; otherwise a search query. Throws InputError for an
// unknown id, or for a query while this build has no search index.
std::vector<std::int64_t> resolve_articles(Context& ctx, store::Store& store, const std::vector<std::string>& words);

// A day (YYYY-MM-DD, midnight in Vietnam) or a full ISO 8601 time. Throws
// InputError naming the option.
std::int64_t parse_when(const std::string& option, const std::string& value);

}  // namespace presswatch::cli
