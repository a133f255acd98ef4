#pragma once
// The real, hand-labelled articles of ../shared/data/triage-dev/flags.jsonl
// (format in that folder's README): articles about other provinces, each
// labelled "needs an agency's answer" with severity, agency kind and tone.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/article.h"

namespace presswatch::bench {

// Every aside_every-th line (0, 5, 10, ...) is kept aside: rules are
// written from the others only. score_triage.py keeps the same lines.
constexpr std::size_t aside_every = 5;

struct DevItem {
    std::size_t line = 0;     // 0-based
    Article article;          // as score_triage.py builds it: lead, then the body's paragraphs
    bool needs_response = false;
    int severity = 0;
    std::string agency_kind;  // commune | department | province | both, or empty
    std::string tone;
    std::string selection;    // random | keyword-in-title-or-lead | keyword-in-body
    bool aside() const { return line % aside_every == 0; }
};

// Reads flags.jsonl; throws std::runtime_error naming file and line for a
// malformed line.
std::vector<DevItem> read_dev_set(const std::filesystem::path& file);

// The article made about Thanh Hóa the way score_triage.py does it: the
// province or city it names most is renamed Thanh Hóa everywhere; with none
// named, the lead gets a "Thanh Hóa - " dateline.
Article localised(const Article& a);

}  // namespace presswatch::bench
