#include "store/audit_log.h"

#include <ctime>

namespace presswatch::store {

void write_audit(Database& db, const std::string& user, const std::string& action,
                 std::optional<std::int64_t> article_id, const std::string& detail_json) {
    db.prepare("INSERT INTO audit(at, user, action, article_id, detail) VALUES (?1,?2,?3,?4,?5)")
        .bind(1, static_cast<std::int64_t>(std::time(nullptr)))
        .bind(2, user).bind(3, action).bind(4, article_id).bind(5, detail_json).run();
}

}  // namespace presswatch::store
