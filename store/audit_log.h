#pragma once
// Writes one row of the audit log (table audit): who did what, when. The
// one place that does, for the workflow's decisions (through Store::audit)
// and for account changes (store/accounts.h). Call inside the transaction
// of the change it records.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/workflow.h"

namespace presswatch::store {

void write_audit(Database& db, const std::string& user, const std::string& action,
                 std::optional<std::int64_t> article_id, const std::string& detail_json);

// A page of the audit log for the admin page, newest first. Empty user or
// action: any; from/to: Unix times, from inclusive, to exclusive.
struct AuditFilter {
    std::string user, action;
    std::optional<std::int64_t> from, to;
    std::size_t offset = 0, limit = 50;
};
struct AuditPage {
    std::vector<AuditEntry> rows;
    std::size_t total = 0;   // rows matching the filter, over all pages
};
AuditPage read_audit(Database& db, const AuditFilter& filter);
// The users and the actions the log holds, sorted, for the filters' choices.
std::vector<std::string> audit_users(Database& db);
std::vector<std::string> audit_actions(Database& db);

}  // namespace presswatch::store
