#pragma once
// Hooks through which later stages' configuration is read, so that each
// file's loader lives beside the structures it fills. Each is defined in
// config/<file>.cpp.
#include "config/config.h"
#include "config/toml_reader.h"

namespace presswatch::config {

// Extra keys of an [[outlet]] (crawler strategies, cookies, ...).
void extend_outlet(TableReader& r, Outlet& o);
// The crawler's [[outlet]] keys (config/sources_crawl.cpp); extend_outlet calls it.
void read_outlet_crawl_keys(TableReader& r, Outlet& o);
// Extra keys of a [[place]] and of province.toml itself.
void extend_place(TableReader& r, PlaceName& p);
void extend_province(TableReader& r, Province& p);
// Files other than presswatch.toml, sources.toml and province.toml
// (topics.toml, response.toml, agencies.toml, ...).
void load_other_file(const std::string& name, TableReader r, Config& cfg);
// Cross-file checks once everything is read (agency slugs exist, ...).
void validate(const Config& cfg);

}  // namespace presswatch::config
