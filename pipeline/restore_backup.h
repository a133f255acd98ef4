#pragma once
// `presswatch restore-backup`: puts a backup made by `presswatch backup`
// (store/backup.h) into a data folder, then rebuilds the search index from
// it and checks the two agree.
//
// Everything is checked before anything changes: the manifest, every
// file's size and SHA-256, the schema (a backup from a newer presswatch is
// refused), then the database is unpacked beside the data folder's own,
// its uncompressed SHA-256, SQLite's integrity_check and the row counts
// compared with the manifest; only then is it moved into place. A
// non-empty data folder is refused unless `force`; with `force` its
// database and index are moved aside into before-restore-<time>/, never
// deleted. The crawl lock is held throughout, so no crawler writes
// meanwhile. A backup from an older schema is migrated on the way.
#include <cstdint>
#include <filesystem>
#include <string>

#include "pipeline/index_check.h"
#include "pipeline/reindex.h"

namespace presswatch::pipeline {

struct RestoreBackupResult {
    std::int64_t articles = 0;
    std::string created_at;                     // when the backup was taken (manifest)
    int schema_from = 0, schema_to = 0;         // the backup's schema, and now
    std::filesystem::path config_copy;          // where its configuration files went ("" if all built-in)
    std::filesystem::path moved_aside;          // the replaced data ("" if the folder was empty)
    ReindexResult index;
    IndexCheck check;
};

// Throws InputError for a damaged or unsuitable backup or a non-empty
// folder without force (nothing changed), RuntimeFailure when writing fails.
RestoreBackupResult restore_backup(const std::filesystem::path& backup, const std::filesystem::path& data_dir,
                                   bool force);

}  // namespace presswatch::pipeline
