#include "config/toml_reader.h"

#include <regex>

#include <fmt/format.h>

namespace presswatch::config {

TableReader::TableReader(const toml::table& t, std::string file, std::string path)
    : table_(&t), file_(std::move(file)), path_(std::move(path)) {}

const toml::node* TableReader::get(const std::string& key) {
    read_.insert(key);
    return table_->get(key);
}

int TableReader::line_of(const std::string& key) const {
    if (const toml::node* n = key.empty() ? nullptr : table_->get(key)) return static_cast<int>(n->source().begin.line);
    return line();
}

int TableReader::line() const { return static_cast<int>(table_->source().begin.line); }

void TableReader::fail(const std::string& key, const std::string& message) const {
    std::string name = path_.empty() ? key : (key.empty() ? path_ : path_ + "." + key);
    throw ConfigError(fmt::format("{}:{}: {}: {}", file_, line_of(key), name, message));
}

std::optional<std::string> TableReader::str(const std::string& key) {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    if (auto v = n->value<std::string>(); v && n->is_string()) return *v;
    fail(key, "expected a string, in quotes");
}

std::string TableReader::required_str(const std::string& key) {
    auto v = str(key);
    if (!v || v->empty()) fail(key, "is required and missing or empty");
    return *v;
}

std::optional<std::int64_t> TableReader::integer(const std::string& key) {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    if (n->is_integer()) return n->value<std::int64_t>();
    fail(key, "expected a whole number");
}

std::optional<double> TableReader::number(const std::string& key) {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    if (n->is_integer() || n->is_floating_point()) return n->value<double>();
    fail(key, "expected a number");
}

std::optional<bool> TableReader::boolean(const std::string& key) {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    if (n->is_boolean()) return n->value<bool>();
    fail(key, "expected true or false");
}

std::vector<std::string> TableReader::strings(const std::string& key) {
    const toml::node* n = get(key);
    std::vector<std::string> out;
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) fail(key, "expected a list of strings, like [\"a\", \"b\"]");
    for (const auto& el : *a) {
        if (!el.is_string()) fail(key, "expected a list of strings, like [\"a\", \"b\"]");
        out.push_back(*el.value<std::string>());
    }
    return out;
}

std::vector<TableReader> TableReader::tables(const std::string& key) {
    const toml::node* n = get(key);
    std::vector<TableReader> out;
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) fail(key, fmt::format("expected a list of tables, written [[{}]]", key));
    int i = 0;
    for (const auto& el : *a) {
        const toml::table* t = el.as_table();
        if (!t) fail(key, fmt::format("expected a list of tables, written [[{}]]", key));
        out.emplace_back(*t, file_, fmt::format("{}{}[{}]", path_.empty() ? "" : path_ + ".", key, i++));
    }
    return out;
}

std::optional<TableReader> TableReader::table(const std::string& key) {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    const toml::table* t = n->as_table();
    if (!t) fail(key, fmt::format("expected a table, written [{}]", key));
    return TableReader(*t, file_, path_.empty() ? key : path_ + "." + key);
}

std::vector<std::string> TableReader::keys() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : *table_) out.emplace_back(k.str());
    return out;
}

void TableReader::finish() const {
    for (const auto& [k, v] : *table_) {
        std::string key(k.str());
        if (!read_.count(key)) fail(key, "unknown key; check its spelling against the comments in the built-in file (presswatch config show)");
    }
}

toml::table parse_toml(const std::string& text, const std::string& file) {
    try {
        return toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        throw ConfigError(fmt::format("{}:{}:{}: {}", file, e.source().begin.line, e.source().begin.column,
                                      e.description()));
    }
}

void check_url(const TableReader& r, const std::string& key, const std::string& url) {
    static const std::regex re(R"(^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\s]*)?$)");
    if (!std::regex_match(url, re))
        r.fail(key, fmt::format("\"{}\" is not an http(s) URL; write it like https://example.vn/rss/home.rss", url));
}

void check_regex(const TableReader& r, const std::string& key, const std::string& pattern) {
    try {
        std::regex re(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
        r.fail(key, fmt::format("\"{}\" is not a valid regular expression ({})", pattern, e.what()));
    }
}

void check_slug(const TableReader& r, const std::string& key, const std::string& slug) {
    static const std::regex re("^[a-z0-9][a-z0-9-]*$");
    if (!std::regex_match(slug, re))
        r.fail(key, fmt::format("\"{}\" must be lower-case ASCII letters, digits and '-', like \"vnexpress\"", slug));
}

}  // namespace presswatch::config
