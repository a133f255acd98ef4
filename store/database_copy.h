#pragma once
// A consistent copy of a live database, for backups.
#include <filesystem>

namespace presswatch::store {

// Copies the database file `source` into the new file `dest` through
// SQLite's online backup API in one step: one read transaction, so the copy
// is the database as of one commit. In WAL mode that read neither waits for
// nor blocks the crawler's writes. The copy is left in rollback-journal
// mode, one self-contained file. Throws RuntimeFailure with SQLite's
// message.
void copy_database(const std::filesystem::path& source, const std::filesystem::path& dest);

}  // namespace presswatch::store
