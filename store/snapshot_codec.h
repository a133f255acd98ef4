#pragma once
// zstd compression of page snapshots, and SHA-256 of content.
#include <string>
#include <string_view>

struct ZSTD_CCtx_s;

namespace presswatch::store {

std::string compress(std::string_view raw);
// This thread's zstd compression context, kept for the thread's life
// (making one costs about a megabyte of tables, as much as compressing a
// page): every snapshot compressed on the thread, with a dictionary or
// without, resets it and uses it.
ZSTD_CCtx_s* thread_compression_context();
// Throws RuntimeFailure for a corrupt blob.
std::string decompress(std::string_view blob);
// Lower-case hex SHA-256.
std::string sha256_hex(std::string_view data);

}  // namespace presswatch::store
