#include "config/topic_check.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.h"

namespace presswatch::config {

void check_topics(const Config& cfg, const std::vector<std::string>& slugs) {
    if (cfg.triage.topics.empty()) return;
    for (const auto& s : slugs) {
        bool known = std::any_of(cfg.triage.topics.begin(), cfg.triage.topics.end(),
                                 [&](const Topic& t) { return t.slug == s; });
        if (!known) {
            std::string list;
            for (const auto& t : cfg.triage.topics) list += (list.empty() ? "" : ", ") + t.slug;
            throw InputError(fmt::format("\"{}\" is not a topic of topics.toml; use one of: {}", s, list));
        }
    }
}

}  // namespace presswatch::config
