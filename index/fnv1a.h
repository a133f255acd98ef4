#pragma once
// FNV-1a, 64 bits: a fast, stable (same on every build and machine) hash
// for change detection and features. Not for security.
#include <cstdint>
#include <string_view>

namespace presswatch::index {

inline std::uint64_t fnv1a64(std::string_view s) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

}  // namespace presswatch::index
