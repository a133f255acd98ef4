#pragma once
// Streaming zstd for whole files (backups), with the size and SHA-256 of
// both sides, so that a database of any size is compressed, checked and
// restored in bounded memory. Frames carry zstd's own content checksum.
// Stateless functions; safe to call from any thread.
#include <cstdint>
#include <filesystem>
#include <string>

namespace presswatch::store {

struct FileDigest {
    std::uint64_t bytes = 0;
    std::string sha256;  // lower-case hex
};

struct CodecResult {
    FileDigest raw;      // the uncompressed side
    FileDigest packed;   // the .zst side
};

// Compresses `from` into `to` (created or replaced) and syncs it to disk.
// Throws RuntimeFailure naming the file on an I/O error.
CodecResult compress_file(const std::filesystem::path& from, const std::filesystem::path& to);

// Decompresses `from` into `to` and syncs it. Throws RuntimeFailure when
// `from` is not one complete zstd stream (truncated or damaged).
CodecResult decompress_file(const std::filesystem::path& from, const std::filesystem::path& to);

// Size and SHA-256 of a file, read in blocks.
FileDigest digest_file(const std::filesystem::path& file);

}  // namespace presswatch::store
