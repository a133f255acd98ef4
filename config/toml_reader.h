#pragma once
// Strict reading of one TOML table: every key must be read by the caller,
// and finish() reports the first key nobody asked for. All errors throw
// ConfigError as "file:line: key: what is wrong; what to do".
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "core/error.h"

namespace presswatch::config {

class TableReader {
public:
    // where: the file name shown in messages; path: dotted name of the table.
    TableReader(const toml::table& t, std::string file, std::string path);

    std::optional<std::string> str(const std::string& key);
    std::string str_or(const std::string& key, std::string dflt) { return str(key).value_or(std::move(dflt)); }
    std::string required_str(const std::string& key);
    std::optional<std::int64_t> integer(const std::string& key);
    std::optional<double> number(const std::string& key);  // integer or float
    std::optional<bool> boolean(const std::string& key);
    std::vector<std::string> strings(const std::string& key);
    // Each element of an array of tables, e.g. [[outlet]].
    std::vector<TableReader> tables(const std::string& key);
    std::optional<TableReader> table(const std::string& key);
    // Every key of the table, for free-form maps (e.g. selectors).
    std::vector<std::string> keys() const;

    // Throws for the first key of the table that was never read.
    void finish() const;

    // "file:line: key: message" for a key (or the table itself when empty).
    [[noreturn]] void fail(const std::string& key, const std::string& message) const;
    int line_of(const std::string& key) const;
    const std::string& file() const { return file_; }
    int line() const;

private:
    const toml::node* get(const std::string& key);
    const toml::table* table_;
    std::string file_;
    std::string path_;
    std::set<std::string> read_;
};

// Parses TOML text; a syntax error becomes ConfigError "file:line:col: ...".
toml::table parse_toml(const std::string& text, const std::string& file);

// Checks helpers: throw through r.fail() with a clear message.
void check_url(const TableReader& r, const std::string& key, const std::string& url);
void check_regex(const TableReader& r, const std::string& key, const std::string& pattern);
void check_slug(const TableReader& r, const std::string& key, const std::string& slug);

}  // namespace presswatch::config
