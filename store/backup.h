#pragma once
// `presswatch backup`: a consistent, self-describing copy of the store,
// taken while the crawler and the web server keep running.
//
// A backup is one folder, DEST/presswatch-backup-YYYYMMDDTHHMMSSZ/, holding
//   presswatch.db.zst   the database (online backup API, then zstd)
//   config/NAME.toml    each configuration file in use that is not built in
//   manifest.json       written last: format, presswatch release, schema
//                       version and migrations, row counts per table, and
//                       each file's size and SHA-256 (and the database's
//                       uncompressed size and SHA-256)
// It is built in a hidden ".partial" folder and renamed into place, so a
// folder with the final name is always complete. The Xapian index is not
// in it: it is rebuilt from the database on restore (pipeline/restore.h).
// docs/operations.md describes the format.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/store.h"

namespace presswatch::store {

constexpr const char* backup_prefix = "presswatch-backup-";
constexpr int backup_format_version = 1;

struct BackupRequest {
    std::filesystem::path dest;       // the folder that holds backups (created if missing)
    // Configuration file name -> where it was read from ("built-in" or a path).
    std::map<std::string, std::string> config_origins;
    std::string program_version;      // the presswatch release, for the manifest
    int keep = 0;                     // > 0: keep only the newest `keep` backups in dest
};

struct BackupResult {
    std::filesystem::path folder;     // the new backup
    std::uint64_t bytes = 0;          // its size on disk
    std::int64_t articles = 0;
    double seconds = 0;
    std::vector<std::filesystem::path> removed;  // older backups rotated away
};

// Takes a backup of the store's database into request.dest and records it
// in the table `backup`. Throws InputError for a destination that cannot be
// used, RuntimeFailure when copying or writing fails (nothing is left but
// the hidden .partial folder, removed on the next backup).
BackupResult make_backup(Store& store, const BackupRequest& request);

// The backup folders in dest, oldest first.
std::vector<std::filesystem::path> list_backups(const std::filesystem::path& dest);

// Reads folder/manifest.json and checks every file it lists (size, then
// SHA-256). Returns the manifest. Throws InputError with what is wrong and
// what to do: not a backup, a folder of backups rather than one, a
// truncated or altered file, an unknown format.
nlohmann::json verify_backup(const std::filesystem::path& folder);

// Rows per table of an open database (every table but SQLite's own).
std::map<std::string, std::int64_t> table_counts(Database& db);

}  // namespace presswatch::store
