#include "pipeline/restore_backup.h"

#include <algorithm>
#include <ctime>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/error.h"
#include "store/backup.h"
#include "store/crawl_lock.h"
#include "store/file_codec.h"
#include "store/migrations.h"

namespace presswatch::pipeline {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// What a data folder holds that a restore replaces.
const char* const replaced_entries[] = {"presswatch.db", "presswatch.db-wal", "presswatch.db-shm", "index",
                                        "index.new", "config-from-backup"};

bool is_empty_folder(const fs::path& dir) {
    std::error_code ec;
    return !fs::exists(dir) || fs::is_empty(dir, ec);
}

// A backup whose schema holds a migration this presswatch lacks was made by
// a newer one: restoring it would only be refused when opened.
void refuse_newer(const json& m, const fs::path& backup) {
    std::vector<int> known, unknown;
    for (const auto& mig : store::migration_history()) known.push_back(mig.version);
    const json migrations = m.value("migrations", json::array());
    for (const auto& v : migrations)
        if (std::find(known.begin(), known.end(), v.get<int>()) == known.end()) unknown.push_back(v.get<int>());
    int schema = m.value("schema_version", 0);
    if (unknown.empty() && schema <= store::latest_schema_version()) return;
    throw InputError(fmt::format(
        "the backup {} was made by presswatch {} (schema version {}{}); this presswatch reads schema versions up "
        "to {}: install presswatch {} or newer to restore it. Nothing was changed.",
        backup.string(), m.value("presswatch_version", "?"), schema,
        unknown.empty() ? "" : fmt::format(", migrations {} unknown here", fmt::join(unknown, ", ")),
        store::latest_schema_version(), m.value("presswatch_version", "?")));
}

// Unpacks the database beside its final place and checks it against the
// manifest. Returns the unpacked file; removes it and throws on a mismatch.
fs::path unpack_checked(const fs::path& backup, const json& m, const fs::path& data_dir) {
    json db_entry;
    for (const auto& f : m["files"])
        if (f.value("path", "") == "presswatch.db.zst") db_entry = f;
    fs::path staged = data_dir / "presswatch.db.restoring";
    auto fail = [&](const std::string& what) {
        std::error_code ec;
        fs::remove(staged, ec);
        throw InputError(fmt::format("the backup {} is damaged: {}. Nothing was restored; use another backup.",
                                     backup.string(), what));
    };
    store::CodecResult r;
    try {
        r = store::decompress_file(backup / "presswatch.db.zst", staged);
    } catch (const RuntimeFailure& e) {
        fail(e.what());
    }
    if (r.raw.sha256 != db_entry.value("raw_sha256", "") || r.raw.bytes != db_entry.value("raw_bytes", std::uint64_t{0}))
        fail("the unpacked database does not match the size and SHA-256 in the manifest");
    std::map<std::string, std::int64_t> counts;
    {
        store::Database db(staged, store::Database::Mode::read_only);
        auto q = db.prepare("PRAGMA integrity_check");
        std::string verdict = q.step() ? q.text(0) : "";
        q.reset();
        if (verdict != "ok") fail("SQLite's integrity_check of the unpacked database says: " + verdict);
        counts = store::table_counts(db);
    }
    const json expected = m.value("counts", json::object());
    for (const auto& [table, n] : expected.items())
        if (!counts.count(table) || counts[table] != n.get<std::int64_t>())
            fail(fmt::format("the table {} holds {} rows where the manifest says {}", table,
                             counts.count(table) ? counts[table] : 0, n.get<std::int64_t>()));
    return staged;
}

}  // namespace

RestoreBackupResult restore_backup(const fs::path& backup, const fs::path& data_dir, bool force) {
    json m = store::verify_backup(backup);
    refuse_newer(m, backup);
    bool empty = is_empty_folder(data_dir);
    if (!empty && !force)
        throw InputError(fmt::format(
            "the data folder {} is not empty: restore into an empty folder (--data DIR), or add --force to move its "
            "database and index aside into {}/before-restore-<time>/ and restore in their place. Nothing was changed.",
            data_dir.string(), data_dir.string()));
    // A failed check leaves the folder as it was: what this creates before
    // the swap (the folder, the lock file) is removed again.
    const bool existed = fs::exists(data_dir), had_lock_file = fs::exists(data_dir / "crawl.lock");
    fs::create_directories(data_dir);
    std::optional<store::CrawlLock> lock;  // no crawler writes while the database is swapped
    fs::path staged;
    try {
        lock.emplace(data_dir);
        staged = unpack_checked(backup, m, data_dir);
    } catch (...) {
        lock.reset();
        std::error_code ec;
        if (!had_lock_file) fs::remove(data_dir / "crawl.lock", ec);
        if (!existed) fs::remove(data_dir, ec);
        throw;
    }

    RestoreBackupResult r;
    if (!empty) {
        std::time_t now = std::time(nullptr);
        std::tm tm{};
        gmtime_r(&now, &tm);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
        fs::path aside = data_dir / (std::string("before-restore-") + stamp);
        for (const char* name : replaced_entries)
            if (fs::exists(data_dir / name)) {
                fs::create_directories(aside);
                fs::rename(data_dir / name, aside / name);
                r.moved_aside = aside;
            }
    }
    fs::rename(staged, data_dir / "presswatch.db");

    for (const auto& f : m["files"]) {
        std::string rel = f.value("path", "");
        if (!rel.starts_with("config/")) continue;
        r.config_copy = data_dir / "config-from-backup";
        fs::create_directories(r.config_copy);
        fs::copy_file(backup / rel, r.config_copy / fs::path(rel).filename(), fs::copy_options::overwrite_existing);
    }

    r.schema_from = m.value("schema_version", 0);
    r.created_at = m.value("created_at", "");
    store::Store store(data_dir);  // migrates a backup of an older schema
    auto v = store.db().prepare("PRAGMA user_version");
    v.step();
    r.schema_to = static_cast<int>(v.int64(0));
    r.articles = store.stats().articles;
    r.index = reindex(store);
    r.check = check_index(store);
    return r;
}

}  // namespace presswatch::pipeline
