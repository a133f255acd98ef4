#pragma once
// Writes triage's rows for one article: its mentions, its automatic topic
// tags and its automatic flag. A person's tags and flag (source 'user')
// are never touched. Call inside a transaction.
#include <cstdint>

#include "store/database.h"
#include "triage/decision.h"

namespace presswatch::store {

void write_decision_rows(Database& db, std::int64_t article_id, const triage::Decision& d);

}  // namespace presswatch::store
