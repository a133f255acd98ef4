#pragma once
// Numbered schema migrations (store/migrations.cpp; docs/schema.md).
#include "core/error.h"
#include "store/database.h"

#include <span>

namespace presswatch::store {

// One numbered migration: its SQL runs once, in order, in one transaction.
struct Migration {
    int version;
    const char* why;
    const char* sql;
};
// Every migration, in the order they run (tests/data/schema/make_fixtures
// builds the databases of older releases from them).
std::span<const Migration> migration_history();

int latest_schema_version();
// Brings db up to the latest schema; returns the version. Throws
// RuntimeFailure, changing nothing, for a database holding a migration this
// program does not know (written by a newer presswatch); the message names
// the release it needs when the database recorded it (table schema_writer).
int migrate(Database& db);

}  // namespace presswatch::store
