#pragma once
// Puts an article into a story (index/story.h's rule, store/story.h's
// table): the story of its nearest earlier-seen near-duplicate within the
// date window, else a story of its own (id = its own id). Idempotent: an
// article whose content is unchanged keeps its story. Used by the index
// sync before an article is indexed, so the index's story slot always
// copies the store.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "store/store.h"
#include "store/story.h"

namespace presswatch::pipeline {

// Assigns the stories of a batch of articles. The comparable members of
// the batch's date range are read once, not once per article: within a
// 14-day window a busy crawl has tens of thousands of them, and reading
// them per article made indexing grow with the square of the crawl.
// Use within one transaction (no other writer of story_member meanwhile).
class StoryAssigner {
public:
    // For articles dated (published, else fetched) in [from, to].
    StoryAssigner(store::Store& store, std::int64_t from, std::int64_t to);
    // Returns the article's story id (writes story_member when needed).
    std::int64_t assign(const store::StoredArticle& a);

private:
    store::Store& store_;
    std::int64_t from_, to_;
    std::vector<store::StoryMember> members_;           // usable ones, of the window around [from, to]
    std::unordered_map<std::int64_t, std::size_t> at_;  // article id -> index in members_
};

// The date an article is compared by.
inline std::int64_t story_date(const store::StoredArticle& a) { return a.article.published.value_or(a.fetched); }

}  // namespace presswatch::pipeline
