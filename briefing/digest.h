#pragma once
// The daily digest for the province's leaders: the day's clippings grouped
// by topic, the items needing an answer first, each with outlet, headline,
// lead and link; as HTML (self-contained) and plain text.
#include <cstdint>
#include <string>
#include <vector>

#include "config/config.h"
#include "store/store.h"

namespace presswatch::briefing {

struct DigestItem {
    store::StoredArticle article;
    std::string outlet_name;
};

struct DigestGroup {
    std::string title;                 // "Tin cần trả lời" or a topic's label
    std::vector<DigestItem> items;
};

struct Digest {
    std::int64_t day = 0;              // 00:00 Vietnam time
    std::string rule;                  // the counting rule, in Vietnamese
    std::size_t total = 0;
    std::vector<DigestGroup> groups;   // flagged first, then topics by size
    // The day's articles that name the province only in passing, oldest
    // first, in a section of their own after the groups; not in total.
    std::vector<DigestItem> passing;
};

// Clippings published on the day that the counting rule counts, and apart
// the day's passing mentions (none a person marked not relevant).
Digest build_digest(store::Store& store, const config::Config& cfg, std::int64_t day);
std::string digest_html(const Digest& d, const config::Config& cfg);
std::string digest_text(const Digest& d, const config::Config& cfg);
// The subject line from briefing.toml's template.
std::string digest_subject(const Digest& d, const config::Config& cfg);

}  // namespace presswatch::briefing
