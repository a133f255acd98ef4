#pragma once
// Quality of the problem stage and of the whole chain on the real,
// hand-labelled articles of ../shared/data/triage-dev (see dev_set.h).
#include <filesystem>
#include <string>

#include "config/config.h"

namespace presswatch::bench {

struct RealOptions {
    // Also list what it gets wrong on the development part (never on the
    // aside part).
    bool show_errors = false;
    // Print only figures of the development part and of its folds: the
    // way to work on the rules without seeing the part kept aside.
    bool development_only = false;
    // With show_errors: list only the errors of these folds (line % 5, 1 to
    // 4; empty: all four), so rules written from some folds can be checked
    // on another.
    std::string error_folds;
};

// Prints flag precision/recall, severity within one step, agency kind and
// tone accuracy for the whole file, its development part, the part kept
// aside and the `random` selection, and each fold of the development part
// (lines with line % 5 == 1, 2, 3, 4), each target with its figure; then
// the whole chain on the articles renamed to Thanh Hóa. Prints a "skipped"
// line when the file is absent.
void real_flags(const config::Config& cfg, const std::filesystem::path& file, const RealOptions& options);

}  // namespace presswatch::bench
