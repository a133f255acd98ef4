// Snapshots are compressed with one zstd context a thread, kept between
// pages: the bytes must be those a fresh context gives, page after page.
#include <catch2/catch.hpp>

#include <string>
#include <thread>

#include <zstd.h>

#include "store/snapshot_codec.h"

using namespace presswatch::store;

namespace {

std::string fresh_context_bytes(const std::string& raw) {
    std::string out(ZSTD_compressBound(raw.size()), '\0');
    size_t n = ZSTD_compress(out.data(), out.size(), raw.data(), raw.size(), 3);
    REQUIRE_FALSE(ZSTD_isError(n));
    out.resize(n);
    return out;
}

std::string page(int k, std::size_t bytes) {
    std::string s = "<html><body>";
    for (int i = 0; s.size() < bytes; ++i) s += "<p>Đoạn " + std::to_string(i * k) + " của trang " + std::to_string(k) + "</p>";
    return s;
}

}  // namespace

TEST_CASE("a kept compression context writes the bytes a fresh one writes", "[store][snapshot]") {
    // Large, then small, then large again: nothing of one page leaks into the next.
    for (int k : {1, 2, 3, 4}) {
        std::string raw = page(k, k % 2 ? 200'000 : 300);
        INFO(k);
        std::string packed = compress(raw);
        CHECK(packed == fresh_context_bytes(raw));
        CHECK(decompress(packed) == raw);
    }
    std::string other;
    std::thread t([&] { other = compress(page(5, 50'000)); });
    t.join();
    CHECK(decompress(other) == page(5, 50'000));
}
