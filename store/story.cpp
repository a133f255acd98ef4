#include "store/story.h"

#include <set>

namespace presswatch::store {
namespace {

constexpr const char* columns = "SELECT article_id, story_id, simhash, usable, published, content_hash FROM story_member";

StoryMember from_row(Statement& q) {
    StoryMember m;
    m.article_id = q.int64(0);
    m.story_id = q.int64(1);
    m.simhash = static_cast<std::uint64_t>(q.int64(2));  // stored as the signed 64-bit pattern
    m.usable = q.int64(3) != 0;
    m.published = q.opt_int64(4);
    m.content_hash = q.text(5);
    return m;
}

}  // namespace

std::optional<StoryMember> story_member(Store& store, std::int64_t article_id) {
    auto q = store.db().cached(std::string(columns) + " WHERE article_id = ?1");
    q->bind(1, article_id);
    if (!q->step()) return std::nullopt;
    return from_row(*q);
}

std::vector<StoryMember> story_candidates(Store& store, std::int64_t from, std::int64_t to, std::int64_t except) {
    auto q = store.db().prepare(std::string(columns) +
                                " WHERE published BETWEEN ?1 AND ?2 AND usable = 1 AND article_id != ?3");
    q.bind(1, from).bind(2, to).bind(3, except);
    std::vector<StoryMember> out;
    while (q.step()) out.push_back(from_row(q));
    return out;
}

void set_story_member(Store& store, const StoryMember& m) {
    store.db()
        .cached("INSERT INTO story_member(article_id, story_id, simhash, usable, published, content_hash) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, "
                 "simhash = excluded.simhash, usable = excluded.usable, published = excluded.published, "
                 "content_hash = excluded.content_hash")
        ->bind(1, m.article_id).bind(2, m.story_id).bind(3, static_cast<std::int64_t>(m.simhash))
        .bind(4, m.usable ? 1 : 0).bind(5, m.published).bind(6, m.content_hash).run();
}

std::size_t count_stories(Store& store, const std::vector<std::int64_t>& article_ids) {
    auto q = store.db().prepare("SELECT story_id FROM story_member WHERE article_id = ?1");
    std::set<std::int64_t> stories;
    std::size_t alone = 0;
    for (auto id : article_ids) {
        q.bind(1, id);
        if (q.step()) stories.insert(q.int64(0));
        else ++alone;
        q.reset();
    }
    return stories.size() + alone;
}

}  // namespace presswatch::store
