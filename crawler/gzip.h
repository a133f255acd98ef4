#pragma once
// gzip with bounds: .xml.gz sitemaps and gzip-compressed WARC records
// arrive compressed in the body itself (not as a Content-Encoding that
// libcurl decodes), so they are inflated here, never beyond a limit.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace presswatch::crawler {

bool looks_gzipped(std::string_view data);

// Inflates every gzip member of data (concatenated members, as WARC files
// have them). nullopt when data is not gzip, is corrupt, or would inflate
// beyond max_bytes (a decompression bomb costs at most max_bytes).
std::optional<std::string> gunzip(std::string_view data, std::size_t max_bytes);

// gzip of data, one member (WARC export writes one per record).
std::string gzip_member(std::string_view data);

}  // namespace presswatch::crawler
