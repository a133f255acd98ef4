#pragma once
// What the workflow commands (mark, tag, flag, respond, letters, digest,
// briefing) read from their arguments: articles by id or search query, and
// dates.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/context.h"
#include "config/topic_check.h"
#include "store/store.h"

namespace presswatch::cli {

// Article ids from the words of a QUERY argument: when every word is a
// number, those ids; otherwise a search query (index/query.h) over the
// clippings, run after bringing the index up to date. Throws InputError
// for an unknown id, a bad query, or a query that matches nothing.
std::vector<std::int64_t> resolve_articles(Context& ctx, store::Store& store, const std::vector<std::string>& words);

// Every article (only clippings when clippings_only) that a search query
// (index/query.h) matches, all pages of it, after bringing the index up to
// date. max_matches > 0: more matches than that throw InputError. Throws
// InputError for a bad query; an empty result is not an error here.
std::vector<std::int64_t> query_article_ids(store::Store& store, const std::string& query, bool clippings_only,
                                           std::size_t max_matches = 0);

// Brings the index up to date after a change through the one writer
// (pipeline/index_sync.h). When it cannot now (a crawl or reindex holds the
// index), warns on stderr: the store is the truth and the articles stay
// queued in the index journal for the next sync.
void sync_index_or_warn(store::Store& store);

// A day (YYYY-MM-DD, midnight in Vietnam) or a full ISO 8601 time. Throws
// InputError naming the option.
std::int64_t parse_when(const std::string& option, const std::string& value);

// Throws InputError for a slug that topics.toml does not define.
using config::check_topics;

}  // namespace presswatch::cli
