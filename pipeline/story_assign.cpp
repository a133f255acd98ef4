#include "pipeline/story_assign.h"

#include "index/story.h"

namespace presswatch::pipeline {

StoryAssigner::StoryAssigner(store::Store& store, std::int64_t from, std::int64_t to)
    : store_(store), from_(from), to_(to) {
    members_ = store::story_candidates(store, from - index::story_window_seconds, to + index::story_window_seconds, 0);
    for (std::size_t i = 0; i < members_.size(); ++i) at_[members_[i].article_id] = i;
}

std::int64_t StoryAssigner::assign(const store::StoredArticle& a) {
    auto existing = store::story_member(store_, a.id);
    if (existing && existing->content_hash == a.content_hash) return existing->story_id;

    index::StoryHash h = index::story_hash(a.article.headline, a.article.description, a.article.body);
    std::int64_t when = story_date(a);
    store::StoryMember m{a.id, a.id, h.simhash, h.usable, when, a.content_hash};
    const bool cached = when >= from_ && when <= to_;
    if (h.usable) {
        int best = index::same_story_max_distance + 1;
        auto consider = [&](const store::StoryMember& c) {
            int d = index::hamming_distance(c.simhash, h.simhash);
            // Ties go to the older story, so the result does not depend on
            // the order articles were compared in.
            if (d < best || (d == best && c.story_id < m.story_id)) {
                best = d;
                m.story_id = c.story_id;
            }
        };
        if (cached) {
            for (const auto& c : members_)
                if (c.article_id != a.id && c.published && *c.published >= when - index::story_window_seconds &&
                    *c.published <= when + index::story_window_seconds)
                    consider(c);
        } else {
            for (const auto& c : store::story_candidates(store_, when - index::story_window_seconds,
                                                         when + index::story_window_seconds, a.id))
                consider(c);
        }
    }
    // An article that started a story keeps it: its members point at its id.
    if (existing && existing->story_id == a.id && m.story_id != a.id) m.story_id = a.id;
    store::set_story_member(store_, m);
    // Keep the cache equal to the table for the articles still to come.
    if (auto it = at_.find(a.id); it != at_.end()) {
        if (m.usable) members_[it->second] = m;
        else members_[it->second].usable = false, members_[it->second].published.reset();
    } else if (m.usable) {
        at_[a.id] = members_.size();
        members_.push_back(m);
    }
    return m.story_id;
}

}  // namespace presswatch::pipeline
