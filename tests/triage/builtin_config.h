#pragma once
// The built-in configuration, loaded once for all triage tests.
#include "config/config.h"

namespace presswatch::testing {

inline const config::Config& builtin_config() {
    static const config::Config cfg = config::load_config(std::filesystem::path{});
    return cfg;
}

}  // namespace presswatch::testing
