// The extension points of config/loaders.h. Later stages replace these
// bodies with their own readers.
#include "config/loaders.h"

namespace presswatch::config {

void extend_outlet(TableReader&, Outlet&) {}
void extend_place(TableReader&, PlaceName&) {}
void extend_province(TableReader&, Province&) {}
void load_other_file(const std::string& name, TableReader r, Config& cfg) {
    if (name == "briefing.toml") return load_briefing(std::move(r), cfg.briefing);
    r.fail("", "is not a configuration file presswatch knows (" + name + ")");
}
void validate(const Config&) {}

}  // namespace presswatch::config
