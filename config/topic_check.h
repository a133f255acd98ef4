#pragma once
// Whether a topic slug is one of topics.toml's: the one check behind
// `presswatch tag`, the terminal review and the web's topic controls.
#include <string>
#include <vector>

#include "config/config.h"

namespace presswatch::config {

// Throws InputError for a slug that topics.toml does not define (naming
// the ones it does). With no topics configured every slug is accepted.
void check_topics(const Config& cfg, const std::vector<std::string>& slugs);

}  // namespace presswatch::config
