#include "pipeline/index_sync.h"

#include <algorithm>
#include <limits>

#include <optional>

#include "pipeline/story_assign.h"

namespace presswatch::pipeline {

std::filesystem::path index_dir(const store::Store& store) { return store.data_dir() / "index"; }

index::Document index_document(const store::StoredArticle& a) {
    index::Document d;
    d.id = a.id;
    d.url = a.article.url;
    d.outlet = a.outlet;
    d.headline = a.article.headline;
    d.lead = a.article.description;
    d.body = a.article.body;
    d.author = a.article.author;
    d.published = a.article.published;
    d.fetched = a.fetched;
    d.clipping = a.clipping;
    d.mention_level = a.mention_level;
    d.flagged = a.flagged;
    d.topics = a.topics;
    d.agencies = a.agencies;
    // agency: also finds the agency a letter went to, when it was reassigned.
    if (!a.response_agency.empty() &&
        std::find(d.agencies.begin(), d.agencies.end(), a.response_agency) == d.agencies.end())
        d.agencies.push_back(a.response_agency);
    d.places = a.places;
    d.tags = a.article.keywords;
    d.tone = a.tone;
    d.review = a.review;
    d.response_status = a.response_status;
    d.deadline = a.deadline;
    d.story = a.story;
    return d;
}

std::size_t sync_index(store::Store& store, const SyncOptions& options) {
    auto step = [&](SyncStep s) {
        if (options.after_step) options.after_step(s);
    };
    std::size_t done = 0;
    auto batch = store.pending_index_entries(options.batch);
    if (batch.empty()) return 0;
    index::Writer writer(index_dir(store));
    while (!batch.empty()) {
        step(SyncStep::batch_read);
        // Stories first, in one short transaction, so that the documents
        // carry them and the crawler waits for SQLite only briefly.
        std::vector<std::optional<store::StoredArticle>> articles;
        store.db().transaction([&] {
            std::int64_t from = std::numeric_limits<std::int64_t>::max(), to = std::numeric_limits<std::int64_t>::min();
            for (const auto& entry : batch) {
                articles.push_back(store.article(entry.article_id));
                if (articles.back()) {
                    from = std::min(from, story_date(*articles.back()));
                    to = std::max(to, story_date(*articles.back()));
                }
            }
            if (from > to) return;  // every article of the batch is gone
            StoryAssigner stories(store, from, to);
            for (auto& a : articles)
                if (a) a->story = stories.assign(*a);
        });
        step(SyncStep::stories_assigned);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (articles[i]) writer.put(index_document(*articles[i]));
            else writer.remove(batch[i].article_id);
        }
        step(SyncStep::documents_written);
        writer.commit();
        step(SyncStep::index_committed);
        store.mark_indexed(batch);
        step(SyncStep::journal_cleared);
        done += batch.size();
        batch = store.pending_index_entries(options.batch);
    }
    return done;
}

}  // namespace presswatch::pipeline
