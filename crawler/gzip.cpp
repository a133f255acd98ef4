#include "crawler/gzip.h"

#include <memory>

#include <zlib.h>

namespace presswatch::crawler {
namespace {

struct InflateEnd {
    void operator()(z_stream* z) const {
        inflateEnd(z);
        delete z;
    }
};
struct DeflateEnd {
    void operator()(z_stream* z) const {
        deflateEnd(z);
        delete z;
    }
};

}  // namespace

bool looks_gzipped(std::string_view data) {
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f && static_cast<unsigned char>(data[1]) == 0x8b;
}

std::optional<std::string> gunzip(std::string_view data, std::size_t max_bytes) {
    if (!looks_gzipped(data)) return std::nullopt;
    std::unique_ptr<z_stream, InflateEnd> z(new z_stream{});
    if (inflateInit2(z.get(), 15 + 16) != Z_OK) {
        delete z.release();
        return std::nullopt;
    }
    std::string out;
    char buf[64 * 1024];
    z->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z->avail_in = static_cast<uInt>(data.size());
    for (;;) {
        z->next_out = reinterpret_cast<Bytef*>(buf);
        z->avail_out = sizeof buf;
        int rc = inflate(z.get(), Z_NO_FLUSH);
        std::size_t produced = sizeof buf - z->avail_out;
        if (out.size() + produced > max_bytes) return std::nullopt;
        out.append(buf, produced);
        if (rc == Z_STREAM_END) {
            // Another member may follow (concatenated gzip).
            if (z->avail_in == 0) return out;
            if (!looks_gzipped(std::string_view(reinterpret_cast<const char*>(z->next_in), z->avail_in))) return out;
            if (inflateReset(z.get()) != Z_OK) return std::nullopt;
            continue;
        }
        if (rc != Z_OK) return std::nullopt;  // corrupt or truncated
        if (z->avail_in == 0 && produced == 0) return std::nullopt;
    }
}

std::string gzip_member(std::string_view data) {
    std::unique_ptr<z_stream, DeflateEnd> z(new z_stream{});
    if (deflateInit2(z.get(), 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        delete z.release();
        return {};
    }
    std::string out(deflateBound(z.get(), data.size()) + 32, '\0');
    z->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z->avail_in = static_cast<uInt>(data.size());
    z->next_out = reinterpret_cast<Bytef*>(out.data());
    z->avail_out = static_cast<uInt>(out.size());
    deflate(z.get(), Z_FINISH);
    out.resize(z->total_out);
    return out;
}

}  // namespace presswatch::crawler
