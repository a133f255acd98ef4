#pragma once
// Building a whole index at once (reindex, benchmark). Xapian 1.4 indexes
// one document at a time per database, so a rebuild uses several lanes,
// each fed by its own thread and writing its own databases ("parts"); at
// the end every part is merged and compacted into the target folder
// (../shared/notes/xapian-vietnamese.md §5, genenetwork's notes).
//
// Two sizes bound the work, both measured (docs/benchmarks.md, search):
//   - a lane commits every part_commit_every articles: glass keeps the
//     pending postings and positions in in-memory trees whose inserts get
//     slower as they grow (100 articles a commit took 2.2 ms of CPU an
//     article, 2,000 took 3.5 ms);
//   - a lane starts a new part every part_articles articles: with small
//     commits, each commit rewrites the last block of every term it
//     touches, which costs more as a database grows; small parts keep that
//     cost flat and the final compaction merges them in one pass. At
//     100,000 articles, parts of 10,000 took 13 s of system time against
//     22 s with parts of 25,000 (most likely: glass reads back fewer
//     blocks a commit); 5,000 saved little more and made the merge
//     longer.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "index/index.h"
#include "index/word_ids.h"

namespace presswatch::index {

inline constexpr std::size_t part_commit_every = 100;
inline constexpr std::size_t part_articles = 10'000;

class BulkBuilder {
public:
    // dir must not exist yet (or be empty); parts live in dir.parts/ until
    // finish(). Throws RuntimeFailure if dir cannot be made.
    // grams: the new index's common syllables (index/common_grams.h).
    // articles_per_part: how many articles a lane puts in one part (tests
    // make it small to build many parts).
    BulkBuilder(const std::filesystem::path& dir, unsigned lanes, CommonGrams grams = CommonGrams::builtin(),
                std::size_t articles_per_part = part_articles);
    ~BulkBuilder();  // removes the parts folder (also after a failure)
    BulkBuilder(const BulkBuilder&) = delete;
    BulkBuilder& operator=(const BulkBuilder&) = delete;

    unsigned lanes() const;
    // Adds a document that is not in the index yet, through one lane: call
    // each lane from one thread only.
    void add(unsigned lane, const Document& d);
    // Commits every lane, merges and compacts all parts into dir.
    void finish();

private:
    struct Lane;
    std::filesystem::path dir_, parts_dir_;
    std::size_t articles_per_part_;
    CommonGrams grams_;
    WordIds ids_;  // shared by the lanes: every part numbers words alike
    std::vector<Lane> lanes_;
};

// Runs work(lane) on one thread per lane and waits for all; the first
// exception thrown by any of them is rethrown here.
void run_per_lane(BulkBuilder& builder, const std::function<void(unsigned lane)>& work);

}  // namespace presswatch::index
