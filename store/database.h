#pragma once
// A thin RAII layer over SQLite: one connection, prepared statements and
// transactions. Errors throw RuntimeFailure with SQLite's message and the
// statement. A Database is not thread-safe: one per thread.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace presswatch::store {

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    Statement(Statement&&) noexcept = default;
    Statement& operator=(Statement&&) noexcept = default;

    // Binds are 1-based, like SQLite's. Each returns *this for chaining.
    Statement& bind(int i, std::int64_t v);
    Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Statement& bind(int i, double v);
    Statement& bind(int i, std::string_view v);
    Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Statement& bind_blob(int i, std::string_view v);
    Statement& bind_null(int i);
    template <class T>
    Statement& bind(int i, const std::optional<T>& v) { return v ? bind(i, *v) : bind_null(i); }

    // Steps once: true while a row is available.
    bool step();
    // Runs to completion (for statements without results).
    void run();
    void reset();

    bool is_null(int col) const;
    std::int64_t int64(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    std::optional<std::int64_t> opt_int64(int col) const;

private:
    struct Finalize { void operator()(sqlite3_stmt* s) const; };
    std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
    sqlite3* db_ = nullptr;
    std::string sql_;
};

// A statement borrowed from a connection's cache (Database::cached): used
// like a Statement through -> and *, reset and unbound when it goes out of
// scope, so that a half-read SELECT never keeps a read transaction open.
// When the same SQL is already borrowed higher up the stack, it is a
// statement of its own, prepared for this use.
class CachedStatement {
public:
    CachedStatement(const CachedStatement&) = delete;
    CachedStatement& operator=(const CachedStatement&) = delete;
    ~CachedStatement();

    Statement* operator->() { return st_; }
    Statement& operator*() { return *st_; }

private:
    friend class Database;
    CachedStatement(Statement* cached, bool* in_use) : st_(cached), in_use_(in_use) {}
    explicit CachedStatement(Statement own) : own_(std::move(own)), st_(&*own_) {}
    std::optional<Statement> own_;
    Statement* st_;
    bool* in_use_ = nullptr;
};

class Database {
public:
    enum class Mode { read_write, read_only };
    // Opens (creating in read_write mode) the file; sets WAL, foreign keys
    // and a busy timeout so that readers and one writer can share it.
    explicit Database(const std::filesystem::path& file, Mode mode = Mode::read_write);

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    // The statement for this SQL, prepared once per connection and kept:
    // for the statements run for every article (store, index), where
    // preparing again each time was a tenth of the store's CPU. SQLite
    // prepares a kept statement again by itself when the schema changes.
    // For fixed SQL only: every distinct text stays prepared until the
    // connection closes.
    CachedStatement cached(std::string_view sql);
    std::int64_t last_insert_id() const;
    int changes() const;
    sqlite3* handle() const { return db_.get(); }

    // Runs f inside BEGIN IMMEDIATE ... COMMIT; rolls back if f throws.
    // Inside another transaction (a batch of writes) it is a savepoint: f's
    // writes are undone alone if it throws, and commit with the outer one.
    template <class F>
    auto transaction(F&& f) {
        const bool nested = in_transaction();
        exec(nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
        const char* done = nested ? "RELEASE nested" : "COMMIT";
        try {
            if constexpr (std::is_void_v<decltype(f())>) {
                f();
                exec(done);
            } else {
                auto r = f();
                exec(done);
                return r;
            }
        } catch (...) {
            exec_noexcept(nested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK");
            throw;
        }
    }
    bool in_transaction() const;

private:
    void exec_noexcept(std::string_view sql) noexcept;
    struct Close { void operator()(sqlite3* db) const; };
    std::unique_ptr<sqlite3, Close> db_;
    std::filesystem::path file_;
    struct Kept {
        Statement statement;
        bool in_use = false;
    };
    // After db_: finalized before the connection closes.
    std::unordered_map<std::string, std::unique_ptr<Kept>> kept_;
};

}  // namespace presswatch::store
