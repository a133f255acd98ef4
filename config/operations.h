#pragma once
// presswatch.toml [operations] and [storage] snapshot_days: what
// `presswatch status` warns about, who gets the alerts, how long raw pages
// of non-clippings are kept (docs/operations.md). Kept apart from
// config.h's Settings so that the many files including config.h do not
// depend on them; load_config() validates the keys (file:line messages)
// and operations_settings() reads them from the file in use.
#include <string>
#include <vector>

#include "config/config.h"

namespace presswatch::config {

class TableReader;

struct Operations {
    int snapshot_days = 30;          // raw pages of non-clippings kept this long (0: forever)
    int silent_hours = 24;           // an outlet with no new article this long is silent
    int disk_min_percent = 10;       // free disk below this share of the data folder's disk
    int index_lag_minutes = 30;      // index changes waiting longer than this: the index lags
    int backup_max_age_days = 0;     // > 0: warn when the last backup is older than this
    std::vector<std::string> alert_to;  // admin addresses; empty: no alerts
};

// Reads the keys of the [operations] table, or snapshot_days of [storage].
// Throws ConfigError through the reader for a bad value.
void read_operations(TableReader& operations, Operations& out);
void read_snapshot_days(TableReader& storage, Operations& out);

// The operations settings of the presswatch.toml a configuration was loaded
// from (cfg.origins): the built-in one or the file.
Operations operations_settings(const Config& cfg);

}  // namespace presswatch::config
