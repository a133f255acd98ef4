#pragma once
// Numbered schema migrations (store/migrations.cpp; docs/schema.md).
#include "config/error.h"
#include "store/database.h"

namespace presswatch::store {

int latest_schema_version();
// Brings db up to the latest schema; returns the version. Throws
// RuntimeFailure for a database newer than this program.
int migrate(Database& db);

}  // namespace presswatch::store
