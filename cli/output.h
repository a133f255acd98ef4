#pragma once
// The one output layer: commands build records (rows of named cells) and
// print them as a table, JSON lines or CSV. Nothing else formats tables.
#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/csv.h"

namespace presswatch::cli {

enum class Format { table, json, csv };

struct Column {
    std::string key;      // JSON name
    std::string title;    // table heading (Vietnamese where users read it)
    std::size_t max_width = 0;  // 0: no limit; longer cells are cut with "…"
};

class Records {
public:
    explicit Records(std::vector<Column> columns) : columns_(std::move(columns)) {}
    // One row: a JSON object holding at least the columns' keys.
    void add(nlohmann::json row) { rows_.push_back(std::move(row)); }
    bool empty() const { return rows_.empty(); }
    std::size_t size() const { return rows_.size(); }
    void print(std::ostream& out, Format f) const;

private:
    std::vector<Column> columns_;
    std::vector<nlohmann::json> rows_;
};

// Display width of UTF-8 text in terminal columns (one per code point;
// combining marks take none).
std::size_t display_width(const std::string& s);
// Cuts s to at most width columns, ending with "…" when cut.
std::string fit(const std::string& s, std::size_t width);
using text::csv_escape;
bool stdout_is_terminal();

}  // namespace presswatch::cli
