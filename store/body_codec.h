#pragma once
// Article bodies in the store (migration 70): zstd-compressed BLOBs, with
// the snapshots' codec (store/snapshot_codec.h). A body is ~3-4 KB of
// Vietnamese text that zstd level 3 halves (measured on real articles:
// docs/benchmarks.md, disk), ~2 KB an article, ~3 GB a year at 4,000
// articles a day. A body stored before migration 70, or one that would not
// get smaller (a few words), stays TEXT: the column's type says which, so
// older rows are read as they are and never rewritten. Only store.cpp
// reads or writes the column; callers see plain text.
#include <string>
#include <string_view>

#include "store/database.h"

namespace presswatch::store {

// Binds body at parameter i: compressed as a BLOB when that is smaller.
void bind_body(Statement& st, int i, std::string_view body);

// The body from column col of a row whose column is_blob_col holds
// `typeof(body) = 'blob'`. Throws RuntimeFailure for a corrupt blob.
std::string read_body(const Statement& q, int col, int is_blob_col);

}  // namespace presswatch::store
