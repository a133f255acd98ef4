#pragma once
// Quality of the problem stage and of the whole chain on the real,
// hand-labelled articles of ../shared/data/triage-dev (see dev_set.h).
#include <filesystem>

#include "config/config.h"

namespace presswatch::bench {

// Prints flag precision/recall, severity within one step, agency kind and
// tone accuracy for the whole file, its development part, the part kept
// aside and the `random` selection, each target with its figure; then the
// whole chain on the articles renamed to Thanh Hóa. show_errors: also list
// what it gets wrong on the development part (never on the aside part).
// Prints a "skipped" line when the file is absent.
void real_flags(const config::Config& cfg, const std::filesystem::path& file, bool show_errors);

}  // namespace presswatch::bench
