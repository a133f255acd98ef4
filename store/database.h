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

// A statement of Database::reused: the connection's own prepared copy, for
// as long as this guard lives; reset (bindings cleared, no read left open)
// when it ends.
class ReusedStatement {
public:
    explicit ReusedStatement(Statement& s) : s_(&s) {}
    ~ReusedStatement() { s_->reset(); }
    ReusedStatement(const ReusedStatement&) = delete;
    ReusedStatement& operator=(const ReusedStatement&) = delete;
    Statement* operator->() const { return s_; }
    Statement& operator*() const { return *s_; }

private:
    Statement* s_;
};

class Database {
public:
    enum class Mode { read_write, read_only };
    // Opens (creating in read_write mode) the file; sets WAL, foreign keys
    // and a busy timeout so that readers and one writer can share it.
    explicit Database(const std::filesystem::path& file, Mode mode = Mode::read_write);

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    // The same statement, prepared once per connection and kept: for
    // statements run many times a request (a search page reads every hit's
    // article; preparing its joins each time was more than half of that
    // read). Not reentrant: one guard per sql at a time.
    ReusedStatement reused(std::string_view sql);
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
    // After db_: finalized before the connection closes.
    std::unordered_map<std::string, std::unique_ptr<Statement>> reused_;
};

}  // namespace presswatch::store
