#pragma once
// zstd compression of page snapshots, and SHA-256 of content.
#include <string>
#include <string_view>

namespace presswatch::store {

std::string compress(std::string_view raw);
// Throws RuntimeFailure for a corrupt blob.
std::string decompress(std::string_view blob);
// Lower-case hex SHA-256.
std::string sha256_hex(std::string_view data);

}  // namespace presswatch::store
