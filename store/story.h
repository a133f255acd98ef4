#pragma once
// Story membership in SQLite (table story_member, migrations 31 and 33):
// the truth about which articles are one story; the index only copies it
// (slot_story) for collapsing. The detection rule is index/story.h's;
// pipeline/story_assign.h applies it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace presswatch::store {

struct StoryMember {
    std::int64_t article_id = 0;
    std::int64_t story_id = 0;
    std::uint64_t simhash = 0;
    bool usable = false;
    std::optional<std::int64_t> published;
    std::string content_hash;
};

std::optional<StoryMember> story_member(Store& store, std::int64_t article_id);
// Comparable members published in [from, to], except article_id itself.
std::vector<StoryMember> story_candidates(Store& store, std::int64_t from, std::int64_t to, std::int64_t except);
void set_story_member(Store& store, const StoryMember& m);

// How many stories the articles make: articles sharing a story count once,
// articles with no story row count as one each. For reports ("12 clippings,
// 7 stories").
std::size_t count_stories(Store& store, const std::vector<std::int64_t>& article_ids);

}  // namespace presswatch::store
