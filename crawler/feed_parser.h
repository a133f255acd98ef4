#pragma once
// RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds, read with libxml2 in recovery
// mode so that a broken feed still yields the items before and after the
// break. Never throws on bad input: a feed with nothing readable yields no
// items and says why in `error`. Thread-safe.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace presswatch::crawler {

struct FeedItem {
    std::string url;                        // absolute (resolved against the feed's URL), not yet canonical
    std::string title;                      // entities decoded, also double-escaped ones
    std::optional<std::int64_t> published;  // Unix seconds; nullopt when absent or unreadable
    std::string published_raw;              // the date as the feed wrote it
};

struct Feed {
    std::string format;   // "rss2", "rss1", "atom", or "" when not a feed
    std::string title;
    std::vector<FeedItem> items;  // in document order (feeds are not always sorted)
    std::string error;            // why nothing could be read, when items is empty
};

// Refuses documents larger than this: a feed is a few hundred KB at most,
// and libxml2 builds a tree several times the input's size.
constexpr std::size_t max_feed_bytes = 16 * 1024 * 1024;

Feed parse_feed(std::string_view xml, std::string_view feed_url);

}  // namespace presswatch::crawler
