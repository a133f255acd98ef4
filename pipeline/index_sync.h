#pragma once
// Keeps the Xapian index equal to the store: the one writer of the index.
//
// The protocol (SQLite is the truth, the index is derived):
//   1. every change to an article commits, in the same SQLite transaction,
//      a row in the index journal (Store::queue_index bumps its version);
//   2. sync_index reads a batch of journal rows, assigns stories to its
//      articles (SQLite, pipeline/story_assign.h), puts (or removes) each
//      article's document, and commits Xapian;
//   3. then it deletes those journal rows, each only if its version is
//      unchanged, so a change made during the sync is not lost.
// A crash anywhere leaves the rows in the journal, and the next sync puts
// the same documents again (replace by unique id term: idempotent).
// tests/pipeline/test_index_sync_crash.cpp kills the writer at each step.
//
// Not thread-safe; one sync at a time per data folder (Xapian's lock makes
// a second one fail with RuntimeFailure).
#include <cstddef>
#include <filesystem>
#include <functional>

#include "index/index.h"
#include "store/store.h"

namespace presswatch::pipeline {

// <data dir>/index
std::filesystem::path index_dir(const store::Store& store);

// What the index knows of a stored article.
index::Document index_document(const store::StoredArticle& a);

// Points of the protocol above, for the crash test.
enum class SyncStep {
    batch_read,          // journal rows read, nothing written yet
    stories_assigned,    // story ids committed to SQLite, index untouched
    documents_written,   // documents put, Xapian not committed
    index_committed,     // Xapian committed, journal not cleared
    journal_cleared,     // the batch is done
};

struct SyncOptions {
    // Articles per Xapian commit: bigger batches index faster, smaller
    // ones show results sooner during a long crawl.
    std::size_t batch = 2000;
    std::function<void(SyncStep)> after_step;  // test hook; may not return
};

// Indexes everything in the journal; returns how many articles were
// (re)indexed or removed.
std::size_t sync_index(store::Store& store, const SyncOptions& options = {});

}  // namespace presswatch::pipeline
