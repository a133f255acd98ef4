#include "pipeline/story_assign.h"

#include "index/story.h"
#include "store/story.h"

namespace presswatch::pipeline {

std::int64_t assign_story(store::Store& store, const store::StoredArticle& a) {
    auto existing = store::story_member(store, a.id);
    if (existing && existing->content_hash == a.content_hash) return existing->story_id;

    index::StoryHash h = index::story_hash(a.article.headline, a.article.description, a.article.body);
    std::int64_t when = a.article.published.value_or(a.fetched);
    store::StoryMember m{a.id, a.id, h.simhash, h.usable, when, a.content_hash};
    if (h.usable) {
        int best = index::same_story_max_distance + 1;
        for (const auto& c : store::story_candidates(store, when - index::story_window_seconds,
                                                     when + index::story_window_seconds, a.id)) {
            int d = index::hamming_distance(c.simhash, h.simhash);
            // Ties go to the older story, so the result does not depend on
            // the order articles were compared in.
            if (d < best || (d == best && c.story_id < m.story_id)) {
                best = d;
                m.story_id = c.story_id;
            }
        }
    }
    // An article that started a story keeps it: its members point at its id.
    if (existing && existing->story_id == a.id && m.story_id != a.id) m.story_id = a.id;
    store::set_story_member(store, m);
    return m.story_id;
}

}  // namespace presswatch::pipeline
