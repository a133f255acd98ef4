#pragma once
// WARC files (ISO 28500; WARC/1.0 and 1.1), the web archives' format:
// reading response records back into HTTP responses, and writing records
// that standard tools (warcio, pywb, wget's) read. Records may be plain or
// each gzip-compressed (the usual .warc.gz). Thread-safe functions.
#include <cstdint>
#include <functional>
#include <map>
#include <vector>
#include <optional>
#include <string>
#include <string_view>

namespace presswatch::crawler {

// A WARC file larger than this once inflated is refused: import reads it
// whole, and the press office's archives are far smaller.
constexpr std::size_t max_warc_bytes = std::size_t(2) * 1024 * 1024 * 1024;

struct WarcRecord {
    std::string version;                          // "WARC/1.0" or "WARC/1.1"
    std::map<std::string, std::string> headers;   // names lower case
    std::string block;                            // Content-Length bytes
    std::string header(const std::string& lower_name) const;
};

// An HTTP response kept in a response record.
struct HttpResponse {
    std::string url;            // WARC-Target-URI
    std::int64_t date = 0;      // WARC-Date, Unix seconds
    int status = 0;
    std::string headers;        // HTTP headers, one per line
    std::string content_type;
    std::string body;           // de-chunked and decoded (gzip, deflate)
};

// Calls on_record for each record of data (a whole file, plain or gzip).
// Throws InputError naming the record's offset when the file is not WARC
// or a record is cut short.
void read_warc(std::string_view data, const std::function<void(const WarcRecord&)>& on_record);

// The HTTP response in a response record; nullopt for other records or an
// unreadable HTTP message.
std::optional<HttpResponse> http_response(const WarcRecord& r, std::size_t max_body_bytes);

// One record, as bytes: headers in this order, then block. Adds WARC-Type,
// WARC-Record-ID (a UUID derived from id_seed, so that the same input
// writes the same file), Content-Length.
std::string warc_record(const std::string& type, const std::string& id_seed,
                        const std::vector<std::pair<std::string, std::string>>& headers, std::string_view block);

// "2026-03-07T01:15:00Z".
std::string warc_date(std::int64_t unix_seconds);

}  // namespace presswatch::crawler
