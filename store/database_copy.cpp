#include "store/database_copy.h"

#include <chrono>
#include <memory>
#include <thread>

#include <fmt/format.h>
#include <sqlite3.h>

#include "core/error.h"
#include "store/database.h"

namespace presswatch::store {
namespace {

struct BackupFinish { void operator()(sqlite3_backup* b) const { sqlite3_backup_finish(b); } };

// A writer's checkpoint can hold the source busy for a moment: retry this
// many times, this long apart, before giving up.
constexpr int busy_retries = 100;
constexpr auto busy_pause = std::chrono::milliseconds(100);

}  // namespace

void copy_database(const std::filesystem::path& source, const std::filesystem::path& dest) {
    Database from(source, Database::Mode::read_only);
    std::error_code ec;
    std::filesystem::remove(dest, ec);
    Database to(dest);
    // The destination takes the source's pages; a WAL destination with
    // another page size would refuse them.
    to.exec("PRAGMA journal_mode=DELETE");
    std::unique_ptr<sqlite3_backup, BackupFinish> b(sqlite3_backup_init(to.handle(), "main", from.handle(), "main"));
    if (!b) throw RuntimeFailure(fmt::format("cannot copy {}: {}", source.string(), sqlite3_errmsg(to.handle())));
    for (int tries = 0;; ++tries) {
        int rc = sqlite3_backup_step(b.get(), -1);
        if (rc == SQLITE_DONE) break;
        if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && tries < busy_retries) {
            std::this_thread::sleep_for(busy_pause);
            continue;
        }
        throw RuntimeFailure(fmt::format("cannot copy {}: {}", source.string(), sqlite3_errstr(rc)));
    }
    int rc = sqlite3_backup_finish(b.release());
    if (rc != SQLITE_OK) throw RuntimeFailure(fmt::format("cannot copy {}: {}", source.string(), sqlite3_errstr(rc)));
    // The copied header says WAL; one file is what a backup should hold.
    to.exec("PRAGMA journal_mode=DELETE");
}

}  // namespace presswatch::store
