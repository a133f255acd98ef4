#include "store/audit_log.h"

#include <ctime>

namespace presswatch::store {

void write_audit(Database& db, const std::string& user, const std::string& action,
                 std::optional<std::int64_t> article_id, const std::string& detail_json) {
    db.prepare("INSERT INTO audit(at, user, action, article_id, detail) VALUES (?1,?2,?3,?4,?5)")
        .bind(1, static_cast<std::int64_t>(std::time(nullptr)))
        .bind(2, user).bind(3, action).bind(4, article_id).bind(5, detail_json).run();
}

namespace {

// ?5 IS NULL: no such filter. Every filter is a bound value, never SQL text.
constexpr const char* audit_where =
    " FROM audit WHERE (?1 = '' OR user = ?1) AND (?2 = '' OR action = ?2) AND (?3 IS NULL OR at >= ?3) "
    "AND (?4 IS NULL OR at < ?4)";

void bind_filter(Statement& q, const AuditFilter& f) {
    q.bind(1, f.user).bind(2, f.action).bind(3, f.from).bind(4, f.to);
}

std::vector<std::string> distinct(Database& db, const char* sql) {
    auto q = db.prepare(sql);
    std::vector<std::string> out;
    while (q.step()) out.push_back(q.text(0));
    return out;
}

}  // namespace

AuditPage read_audit(Database& db, const AuditFilter& f) {
    AuditPage page;
    auto count = db.prepare(std::string("SELECT COUNT(*)") + audit_where);
    bind_filter(count, f);
    count.step();
    page.total = static_cast<std::size_t>(count.int64(0));
    auto q = db.prepare(std::string("SELECT id, at, user, action, article_id, detail") + audit_where +
                        " ORDER BY at DESC, id DESC LIMIT ?5 OFFSET ?6");
    bind_filter(q, f);
    q.bind(5, static_cast<std::int64_t>(f.limit)).bind(6, static_cast<std::int64_t>(f.offset));
    while (q.step()) page.rows.push_back({q.int64(0), q.int64(1), q.text(2), q.text(3), q.opt_int64(4), q.text(5)});
    return page;
}

std::vector<std::string> audit_users(Database& db) {
    return distinct(db, "SELECT DISTINCT user FROM audit ORDER BY user");
}

std::vector<std::string> audit_actions(Database& db) {
    return distinct(db, "SELECT DISTINCT action FROM audit ORDER BY action");
}

}  // namespace presswatch::store
