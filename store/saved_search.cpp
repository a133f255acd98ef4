#include "store/saved_search.h"

#include <ctime>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"

namespace presswatch::store {
namespace {

// Names are typed after '@' on a command line and shown in reports.
constexpr std::size_t max_name_length = 64;

void check_name(const std::string& name) {
    bool ok = !name.empty() && name.size() <= max_name_length;
    for (char c : name)
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    if (!ok)
        throw InputError(fmt::format("'{}' cannot name a saved search: use 1 to {} lowercase ASCII letters, digits, "
                                     "'-' or '_', e.g. nghi-son",
                                     name, max_name_length));
}

SavedSearch from_row(Statement& q) {
    SavedSearch s;
    s.name = q.text(0);
    s.query = q.text(1);
    auto o = nlohmann::json::parse(q.text(2), nullptr, false);
    if (o.is_object()) {
        s.exact = o.value("exact", false);
        s.collapse = o.value("collapse", false);
        s.sort = o.value("sort", std::string());
    }
    s.created_by = q.text(3);
    s.created_at = q.int64(4);
    s.updated_at = q.int64(5);
    return s;
}

constexpr const char* select_columns = "SELECT name, query, options, created_by, created_at, updated_at FROM saved_search";

}  // namespace

void save_search(Store& store, const SavedSearch& s) {
    check_name(s.name);
    if (s.query.empty()) throw InputError("a saved search needs a query");
    nlohmann::json options = {{"exact", s.exact}, {"collapse", s.collapse}, {"sort", s.sort}};
    auto now = static_cast<std::int64_t>(std::time(nullptr));
    store.db().transaction([&] {
        store.db()
            .prepare("INSERT INTO saved_search(name, query, options, created_by, created_at, updated_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT(name) DO UPDATE SET query = excluded.query, "
                     "options = excluded.options, updated_at = excluded.updated_at")
            .bind(1, s.name).bind(2, s.query).bind(3, options.dump()).bind(4, s.created_by).bind(5, now).run();
        store.audit(s.created_by, "search.save", std::nullopt,
                    nlohmann::json{{"name", s.name}, {"query", s.query}}.dump());
    });
}

std::optional<SavedSearch> find_saved_search(Store& store, const std::string& name) {
    auto q = store.db().prepare(std::string(select_columns) + " WHERE name = ?1");
    q.bind(1, name);
    if (!q.step()) return std::nullopt;
    return from_row(q);
}

std::vector<SavedSearch> saved_searches(Store& store) {
    auto q = store.db().prepare(std::string(select_columns) + " ORDER BY name");
    std::vector<SavedSearch> out;
    while (q.step()) out.push_back(from_row(q));
    return out;
}

bool delete_saved_search(Store& store, const std::string& name) {
    return store.db().transaction([&] {
        store.db().prepare("DELETE FROM saved_search WHERE name = ?1").bind(1, name).run();
        bool deleted = store.db().changes() > 0;
        if (deleted) store.audit("", "search.delete", std::nullopt, nlohmann::json{{"name", name}}.dump());
        return deleted;
    });
}

}  // namespace presswatch::store
