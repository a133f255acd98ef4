#pragma once
// Each outlet's configured sources (feeds, sitemaps, listing pages) and the
// ones found on the way, with their health from store::SourceHealth: what
// `presswatch sources` prints and the web's Sources page shows.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "store/source_health.h"
#include "store/store.h"

namespace presswatch::pipeline {

struct SourceRow {
    std::string outlet, kind, url;              // kind: feed | sitemap | listing
    std::optional<store::SourceStatus> status;  // none: never read in the last 30 days
};

// Outlets in configuration order; within one, its feeds, sitemaps,
// listings, then the sources found on the way.
std::vector<SourceRow> source_report(const config::Config& cfg, store::Store& store, std::int64_t now);

// The warning in Vietnamese ("hỏng: ...", "rỗng: ..."), empty when healthy.
std::string source_warning_text(const store::SourceStatus& s);

}  // namespace presswatch::pipeline
