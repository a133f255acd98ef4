#include "store/database.h"

#include <sqlite3.h>

#include "core/error.h"

namespace presswatch::store {
namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    throw RuntimeFailure("SQLite: " + std::string(sqlite3_errmsg(db)) + " (" + std::string(what) + ")");
}

}  // namespace

void Statement::Finalize::operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
void Database::Close::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db), sql_(sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &s, nullptr) != SQLITE_OK)
        fail(db, sql);
    stmt_.reset(s);
}

Statement& Statement::bind(int i, std::int64_t v) {
    if (sqlite3_bind_int64(stmt_.get(), i, v) != SQLITE_OK) fail(db_, sql_);
    return *this;
}
Statement& Statement::bind(int i, double v) {
    if (sqlite3_bind_double(stmt_.get(), i, v) != SQLITE_OK) fail(db_, sql_);
    return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
    if (sqlite3_bind_text64(stmt_.get(), i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
        fail(db_, sql_);
    return *this;
}
Statement& Statement::bind_blob(int i, std::string_view v) {
    if (sqlite3_bind_blob64(stmt_.get(), i, v.data(), v.size(), SQLITE_TRANSIENT) != SQLITE_OK) fail(db_, sql_);
    return *this;
}
Statement& Statement::bind_null(int i) {
    if (sqlite3_bind_null(stmt_.get(), i) != SQLITE_OK) fail(db_, sql_);
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, sql_);
}
void Statement::run() {
    while (step()) {
    }
    reset();
}
void Statement::reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
}

bool Statement::is_null(int col) const { return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL; }
std::int64_t Statement::int64(int col) const { return sqlite3_column_int64(stmt_.get(), col); }
double Statement::real(int col) const { return sqlite3_column_double(stmt_.get(), col); }
std::string Statement::text(int col) const {
    const void* p = sqlite3_column_blob(stmt_.get(), col);
    int n = sqlite3_column_bytes(stmt_.get(), col);
    return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}
std::optional<std::int64_t> Statement::opt_int64(int col) const {
    if (is_null(col)) return std::nullopt;
    return int64(col);
}

Database::Database(const std::filesystem::path& file, Mode mode) : file_(file) {
    sqlite3* db = nullptr;
    int flags = mode == Mode::read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(file.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    db_.reset(db);
    if (rc != SQLITE_OK)
        throw RuntimeFailure("cannot open database " + file.string() + ": " +
                             (db ? sqlite3_errmsg(db) : "out of memory"));
    // Readers wait for a writer's commit rather than failing at once.
    sqlite3_busy_timeout(db, 10000);
    if (mode == Mode::read_write) exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA foreign_keys=ON");
    exec("PRAGMA synchronous=NORMAL");
}

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }

void Database::exec(std::string_view sql) {
    std::string s(sql);
    char* err = nullptr;
    if (sqlite3_exec(db_.get(), s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        throw RuntimeFailure("SQLite: " + msg + " (" + s.substr(0, 80) + ")");
    }
}
void Database::exec_noexcept(std::string_view sql) noexcept {
    std::string s(sql);
    sqlite3_exec(db_.get(), s.c_str(), nullptr, nullptr, nullptr);
}
Statement Database::prepare(std::string_view sql) { return Statement(db_.get(), sql); }
ReusedStatement Database::reused(std::string_view sql) {
    auto it = reused_.find(std::string(sql));
    if (it == reused_.end())
        it = reused_.emplace(std::string(sql), std::make_unique<Statement>(db_.get(), sql)).first;
    return ReusedStatement(*it->second);
}
std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_.get()); }
int Database::changes() const { return sqlite3_changes(db_.get()); }

}  // namespace presswatch::store
