#pragma once
// Writes one row of the audit log (table audit): who did what, when. The
// one place that does, for the workflow's decisions (through Store::audit)
// and for account changes (store/accounts.h). Call inside the transaction
// of the change it records.
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace presswatch::store {

void write_audit(Database& db, const std::string& user, const std::string& action,
                 std::optional<std::int64_t> article_id, const std::string& detail_json);

}  // namespace presswatch::store
