#include "crawler/warc.h"

#include <ctime>

#include <fmt/format.h>

#include "core/error.h"
#include "crawler/ascii.h"
#include "crawler/gzip.h"
#include "text/dates.h"

namespace presswatch::crawler {
namespace {

// Parses "Name: value" lines up to a blank line; returns the offset after it.
std::optional<std::size_t> read_header_block(std::string_view data, std::size_t pos,
                                             std::map<std::string, std::string>& out, std::string* first_line) {
    bool first = true;
    while (pos < data.size()) {
        auto end = data.find('\n', pos);
        if (end == std::string_view::npos) return std::nullopt;
        auto line = data.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        pos = end + 1;
        if (line.empty()) return pos;
        if (first && first_line) {
            *first_line = std::string(line);
            first = false;
            continue;
        }
        first = false;
        auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        out[ascii_lower(ascii_trim(line.substr(0, colon)))] = std::string(ascii_trim(line.substr(colon + 1)));
    }
    return std::nullopt;
}

std::optional<std::string> dechunk(std::string_view body) {
    std::string out;
    std::size_t pos = 0;
    while (pos < body.size()) {
        auto end = body.find("\r\n", pos);
        if (end == std::string_view::npos) return std::nullopt;
        std::string size_hex(ascii_trim(body.substr(pos, end - pos).substr(0, body.substr(pos, end - pos).find(';'))));
        char* stop = nullptr;
        unsigned long n = std::strtoul(size_hex.c_str(), &stop, 16);
        if (size_hex.empty() || *stop) return std::nullopt;
        pos = end + 2;
        if (n == 0) return out;
        if (pos + n > body.size()) return std::nullopt;
        out.append(body.substr(pos, n));
        pos += n + 2;
    }
    return out;
}

// A UUID-shaped id from two 64-bit FNV-1a hashes of seed: the same input
// gives the same record ids, so an export is reproducible.
std::string uuid_from(const std::string& seed) {
    auto fnv = [&](std::uint64_t h) {
        for (unsigned char c : seed) h = (h ^ c) * 1099511628211ULL;
        return h;
    };
    std::uint64_t a = fnv(14695981039346656037ULL), b = fnv(0x84222325cbf29ce4ULL);
    a = (a & 0xFFFFFFFFFFFF0FFFULL) | 0x5000ULL;                 // version nibble
    b = (b & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;     // variant bits
    std::string h = fmt::format("{:016x}{:016x}", a, b);
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20, 12);
}

}  // namespace

std::string WarcRecord::header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
}

void read_warc(std::string_view data, const std::function<void(const WarcRecord&)>& on_record) {
    std::string inflated;
    if (looks_gzipped(data)) {
        auto g = gunzip(data, max_warc_bytes);
        if (!g) throw InputError("the file is gzip-compressed but corrupt, or larger than 2 GB once inflated");
        inflated = std::move(*g);
        data = inflated;
    }
    std::size_t pos = 0;
    while (pos < data.size()) {
        // Records are separated by two CRLF; tolerate extra blank lines.
        while (pos < data.size() && (data[pos] == '\r' || data[pos] == '\n')) ++pos;
        if (pos >= data.size()) break;
        WarcRecord r;
        std::size_t at = pos;
        auto after = read_header_block(data, pos, r.headers, &r.version);
        if (!after || !r.version.starts_with("WARC/"))
            throw InputError(fmt::format("not a WARC record at byte {}: expected \"WARC/1.0\" or \"WARC/1.1\"", at));
        auto len_text = r.header("content-length");
        char* stop = nullptr;
        unsigned long long len = std::strtoull(len_text.c_str(), &stop, 10);
        if (len_text.empty() || *stop)
            throw InputError(fmt::format("WARC record at byte {} has no valid Content-Length", at));
        if (*after + len > data.size())
            throw InputError(fmt::format("WARC record at byte {} is cut short: the file is truncated", at));
        r.block = std::string(data.substr(*after, len));
        pos = *after + len;
        on_record(r);
    }
}

std::optional<HttpResponse> http_response(const WarcRecord& r, std::size_t max_body_bytes) {
    if (ascii_lower(r.header("warc-type")) != "response") return std::nullopt;
    HttpResponse out;
    out.url = r.header("warc-target-uri");
    if (out.url.starts_with("<") && out.url.ends_with(">")) out.url = out.url.substr(1, out.url.size() - 2);
    out.date = text::parse_iso8601(r.header("warc-date")).value_or(0);
    std::map<std::string, std::string> h;
    std::string status_line;
    auto body_at = read_header_block(r.block, 0, h, &status_line);
    if (!body_at || !status_line.starts_with("HTTP/")) return std::nullopt;
    auto sp = status_line.find(' ');
    out.status = sp == std::string::npos ? 0 : std::atoi(status_line.c_str() + sp + 1);
    for (const auto& [k, v] : h) out.headers += k + ": " + v + "\n";
    out.content_type = h["content-type"];
    std::string body = r.block.substr(*body_at);
    if (ascii_lower(h["transfer-encoding"]).find("chunked") != std::string::npos)
        if (auto d = dechunk(body)) body = std::move(*d);
    auto enc = ascii_lower(h["content-encoding"]);
    if (enc == "gzip" || enc == "x-gzip") {
        auto g = gunzip(body, max_body_bytes);
        if (!g) return std::nullopt;
        body = std::move(*g);
    }
    if (body.size() > max_body_bytes) return std::nullopt;
    out.body = std::move(body);
    return out;
}

std::string warc_date(std::int64_t t) {
    std::time_t tt = t;
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string warc_record(const std::string& type, const std::string& id_seed,
                        const std::vector<std::pair<std::string, std::string>>& headers, std::string_view block) {
    std::string out = "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + uuid_from(type + id_seed) + ">\r\n";
    for (const auto& [k, v] : headers) out += k + ": " + v + "\r\n";
    out += fmt::format("Content-Length: {}\r\n\r\n", block.size());
    out.append(block);
    out += "\r\n\r\n";
    return out;
}

}  // namespace presswatch::crawler
