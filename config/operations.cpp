#include "config/operations.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "config/toml_reader.h"

namespace presswatch::config {

void read_operations(TableReader& o, Operations& out) {
    auto bounded = [&](const char* key, int& value, int lo, int hi) {
        if (auto v = o.integer(key)) {
            if (*v < lo || *v > hi) o.fail(key, fmt::format("must be between {} and {}", lo, hi));
            value = static_cast<int>(*v);
        }
    };
    bounded("silent_hours", out.silent_hours, 1, 24 * 365);
    bounded("disk_min_percent", out.disk_min_percent, 0, 99);
    bounded("index_lag_minutes", out.index_lag_minutes, 1, 24 * 60 * 30);
    bounded("backup_max_age_days", out.backup_max_age_days, 0, 3650);
    out.alert_to = o.strings("alert_to");
    for (const auto& a : out.alert_to)
        if (a.find('@') == std::string::npos || a.find_first_of(" <>,") != std::string::npos)
            o.fail("alert_to", fmt::format("\"{}\" is not an e-mail address; write it like \"it@example.vn\"", a));
}

void read_snapshot_days(TableReader& storage, Operations& out) {
    if (auto v = storage.integer("snapshot_days")) {
        if (*v < 0 || *v > 36500) storage.fail("snapshot_days", "must be between 0 (keep forever) and 36500");
        out.snapshot_days = static_cast<int>(*v);
    }
}

Operations operations_settings(const Config& cfg) {
    auto origin = cfg.origins.count("presswatch.toml") ? cfg.origins.at("presswatch.toml") : "built-in";
    std::string text, file;
    if (origin == "built-in") {
        text = builtin_config_file("presswatch.toml").value_or("");
        file = "built-in presswatch.toml";
    } else {
        std::ifstream in(origin, std::ios::binary);
        if (!in) throw ConfigError("cannot read " + origin + ": check that it exists and is readable");
        std::ostringstream ss;
        ss << in.rdbuf();
        text = ss.str();
        file = origin;
    }
    toml::table table = parse_toml(text, file);
    TableReader root(table, file, "");
    Operations ops;
    if (auto t = root.table("operations")) read_operations(*t, ops);
    if (auto t = root.table("storage")) read_snapshot_days(*t, ops);
    return ops;
}

}  // namespace presswatch::config
