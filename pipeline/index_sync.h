#pragma once
// Keeps the Xapian index equal to the store: the one writer of the index.
// Everything in the store's index journal is (re)indexed, the Xapian commit
// made, then the journal cleared, so a crash between the two commits is
// repaired by the next sync (the unique id term makes it idempotent).
#include <cstddef>
#include <filesystem>

#include "index/index.h"
#include "store/store.h"

namespace presswatch::pipeline {

std::filesystem::path index_dir(const store::Store& store);
index::Document index_document(const store::StoredArticle& a);
// Returns how many articles were indexed.
std::size_t sync_index(store::Store& store);

}  // namespace presswatch::pipeline
