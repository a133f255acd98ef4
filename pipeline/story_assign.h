#pragma once
// Puts an article into a story (index/story.h's rule, store/story.h's
// table): the story of its nearest earlier-seen near-duplicate within the
// date window, else a story of its own (id = its own id). Idempotent: an
// article whose content is unchanged keeps its story. Called by the index
// sync before an article is indexed, so the index's story slot always
// copies the store.
#include <cstdint>

#include "store/store.h"

namespace presswatch::pipeline {

// Returns the article's story id (writes story_member when needed).
std::int64_t assign_story(store::Store& store, const store::StoredArticle& a);

}  // namespace presswatch::pipeline
