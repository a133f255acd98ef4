#pragma once
// Dates as feeds and sitemaps write them. RFC 822 is the rule and is
// broken often: "+0700" or "+07:00", "GMT+7", no zone at all (taken as
// Asia/Ho_Chi_Minh, +07:00), English or Vietnamese day names ("Thứ bảy,"),
// numeric months ("07/03/2026 08:15"), and ISO 8601 (Atom, sitemaps).
// Thread-safe.
#include <cstdint>
#include <optional>
#include <string_view>

namespace presswatch::crawler {

// Unix seconds, or nullopt when s holds no recognisable date.
std::optional<std::int64_t> parse_feed_date(std::string_view s);

}  // namespace presswatch::crawler
