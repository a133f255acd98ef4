// The crash test of the index sync (in the style of notmuch's
// T380-atomicity): a child process runs the sync and is killed with
// SIGKILL at each step of each batch; the next sync (the "next start")
// must leave store and index exactly as an uninterrupted run does.
#include <catch2/catch.hpp>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include "index/index.h"
#include "index_sync_fixture.h"
#include "pipeline/index_sync.h"
#include "support.h"

using namespace presswatch;

namespace {

// Articles per batch in these runs: 12 articles make three batches, so a
// kill lands in the first, a middle and the last batch.
constexpr std::size_t batch = 5;

// The store's changes after the first, complete sync: an edit, a new
// article and a removal, so that the crashing sync has all three to do.
void change(store::Store& s, const std::vector<std::int64_t>& ids) {
    testing::save(s, "dantri", 1, "Tin số 1 về Sầm Sơn", "Bài viết đã sửa về biển Sầm Sơn.");
    testing::save(s, "tuoitre", 40, "Tin mới về Nghi Sơn", "Cảng Nghi Sơn đón tàu mới.");
    s.db().transaction([&] {
        s.db().prepare("DELETE FROM article WHERE id = ?1").bind(1, ids[3]).run();
        s.queue_index(ids[3]);
    });
}

struct Outcome {
    std::map<std::int64_t, std::string> index;
    std::size_t pending = 0;
};

Outcome outcome(const std::filesystem::path& data) {
    store::Store s(data);
    index::Searcher searcher(pipeline::index_dir(s));
    return {searcher.fingerprints(), s.pending_index(1000).size()};
}

// Runs a sync in a child process that SIGKILLs itself after `step` of
// batch number `at` (0-based). Returns true if the kill happened.
bool killed_sync(const std::filesystem::path& data, pipeline::SyncStep step, int at) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        // The child: its own connection, nothing shared with the parent's.
        store::Store s(data);
        pipeline::SyncOptions o;
        o.batch = batch;
        int seen = 0;
        o.after_step = [&](pipeline::SyncStep done) {
            if (done == step && seen++ == at) kill(getpid(), SIGKILL);
        };
        pipeline::sync_index(s, o);
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

}  // namespace

TEST_CASE("a sync killed at any step is repaired by the next one", "[pipeline][index_sync][crash]") {
    // The reference: the same history without a crash.
    testing::TempDir ref;
    {
        store::Store s(ref.path());
        auto ids = testing::fill(s);
        pipeline::sync_index(s);
        change(s, ids);
        pipeline::sync_index(s);
    }
    Outcome expected = outcome(ref.path());
    REQUIRE(expected.pending == 0);
    REQUIRE(expected.index.size() == 12);  // 12 - 1 removed + 1 new

    const pipeline::SyncStep steps[] = {pipeline::SyncStep::batch_read, pipeline::SyncStep::stories_assigned,
                                        pipeline::SyncStep::documents_written,
                                        pipeline::SyncStep::index_committed, pipeline::SyncStep::journal_cleared};
    for (auto step : steps) {
        for (int at = 0; at < 3; ++at) {
            INFO("step " << static_cast<int>(step) << ", batch " << at);
            testing::TempDir dir;
            {
                store::Store s(dir.path());
                auto ids = testing::fill(s);
                // The first sync (three batches) is killed in batch `at`;
                // in batch 0 the index may not even exist yet.
                REQUIRE(killed_sync(dir.path(), step, at));
                pipeline::sync_index(s);
                change(s, ids);
            }
            // The change set is 3 articles, one batch: killed in it.
            bool killed = killed_sync(dir.path(), step, 0);
            CHECK(killed);
            {
                store::Store s(dir.path());
                pipeline::sync_index(s);  // the next start
            }
            Outcome got = outcome(dir.path());
            CHECK(got.pending == 0);
            CHECK(got.index == expected.index);
        }
    }
}
