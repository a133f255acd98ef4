#include "bench/web/data_folder.h"

#include <chrono>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "config/config.h"
#include "core/error.h"
#include "index/schema.h"
#include "pipeline/reindex.h"
#include "store/store.h"
#include "store/story.h"
#include "text/dates.h"

namespace presswatch::bench {
namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Bump when what the folder holds changes, so old folders are rebuilt.
constexpr int folder_version = 1;
constexpr std::int64_t batch = 1000;

// What triage would have decided for a generated article: a clipping
// (subject), with the generator's topics, tone, places and flag.
triage::Decision decision_of(const index::Document& d) {
    triage::Decision dec;
    dec.clipping = true;
    dec.mention_level = triage::MentionLevel::subject;
    dec.score = 1;
    for (const auto& t : d.topics) dec.topics.push_back({t, 1.0, {}});
    dec.tone = d.tone;
    dec.places = d.places;
    if (d.flagged) {
        dec.flag.needed = dec.flag.problem = true;
        dec.flag.severity = 1;
    }
    dec.reasons = {"bench_web: generated clipping"};
    return dec;
}

Article article_of(const index::Document& d) {
    Article a;
    a.url = d.url;
    a.headline = d.headline;
    a.description = d.lead;
    a.body = d.body;
    a.author = d.author;
    a.published = d.published;
    if (d.published) a.published_raw = text::iso_date(*d.published);
    a.section = d.topics.empty() ? "" : d.topics.front();
    a.language = "vi";
    a.keywords = d.tags;
    return a;
}

}  // namespace

nlohmann::json ensure_data_folder(const std::filesystem::path& dir, std::int64_t articles, const Generator& gen,
                                  bool rebuild) {
    auto marker = dir / "build.json";
    if (!rebuild && std::filesystem::exists(marker)) {
        auto m = nlohmann::json::parse(std::ifstream(marker));
        // An index of another format is refused by the searcher: built again.
        if (m.value("articles", std::int64_t{0}) == articles && m.value("version", 0) == folder_version &&
            m.value("index_schema", std::string()) == index::schema::version) {
            m["reused"] = true;
            return m;
        }
    }
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    store::Store store(dir);
    std::vector<config::Outlet> outlets;
    for (const auto& slug : gen.outlets()) {
        config::Outlet o;
        o.slug = slug;
        o.name = "Báo " + slug.substr(3);
        outlets.push_back(o);
    }
    store.sync_outlets(outlets);

    // As a crawl stores them (Store::save_article: article, decision rows,
    // index journal), a batch a transaction; the generator's stories as
    // story detection would have recorded them.
    auto t0 = Clock::now();
    for (std::int64_t first = 1; first <= articles; first += batch) {
        store.db().transaction([&] {
            for (std::int64_t id = first; id < first + batch && id <= articles; ++id) {
                index::Document d = gen.article(id);
                auto r = store.save_article(d.outlet, article_of(d), decision_of(d), store::Snapshot{});
                if (r.id != id)
                    throw RuntimeFailure(fmt::format("{}: article {} was stored as {}; the folder must start empty",
                                                     dir.string(), id, r.id));
                store::StoryMember m;
                m.article_id = id;
                m.story_id = d.story.value_or(id);
                m.published = d.published;
                store::set_story_member(store, m);
            }
        });
        std::cerr << fmt::format("\r  stored {} / {} ({:.0f} s)", std::min(first + batch - 1, articles), articles,
                                 seconds_since(t0))
                  << std::flush;
    }
    double store_s = seconds_since(t0);
    std::cerr << "\n  indexing (pipeline::reindex, as `presswatch reindex`)\n";
    t0 = Clock::now();
    auto r = pipeline::reindex(store, 2);
    double index_s = seconds_since(t0);
    nlohmann::json m = {{"version", folder_version}, {"articles", articles},   {"indexed", r.articles},
                        {"store_seconds", store_s},  {"index_seconds", index_s},
                        {"index_schema", std::string(index::schema::version)}};
    std::ofstream(marker) << m.dump(2);
    m["reused"] = false;
    return m;
}

}  // namespace presswatch::bench
