#include "store/file_codec.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>
#include <openssl/evp.h>
#include <zstd.h>

#include "core/error.h"

namespace presswatch::store {
namespace {

// zstd's default level: a nightly backup of a database of snapshots (each
// already compressed) gains little from a slower level.
constexpr int backup_level = 3;

struct FileClose { void operator()(std::FILE* f) const { std::fclose(f); } };
using File = std::unique_ptr<std::FILE, FileClose>;
struct CCtxFree { void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); } };
struct DCtxFree { void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); } };
struct MdFree { void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); } };

File open_file(const std::filesystem::path& p, const char* mode) {
    File f(std::fopen(p.c_str(), mode));
    if (!f) throw RuntimeFailure(fmt::format("cannot open {}: {}", p.string(), std::strerror(errno)));
    return f;
}

// Hashes and counts the bytes that pass through one side.
class Hasher {
public:
    Hasher() : ctx_(EVP_MD_CTX_new()) {
        if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1)
            throw RuntimeFailure("cannot start SHA-256 (OpenSSL)");
    }
    void add(const void* p, std::size_t n) {
        EVP_DigestUpdate(ctx_.get(), p, n);
        bytes_ += n;
    }
    FileDigest finish() {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned len = 0;
        EVP_DigestFinal_ex(ctx_.get(), md, &len);
        static const char* hex = "0123456789abcdef";
        FileDigest d{bytes_, {}};
        for (unsigned i = 0; i < len; ++i) {
            d.sha256 += hex[md[i] >> 4];
            d.sha256 += hex[md[i] & 15];
        }
        return d;
    }

private:
    std::unique_ptr<EVP_MD_CTX, MdFree> ctx_;
    std::uint64_t bytes_ = 0;
};

std::size_t read_some(std::FILE* f, std::vector<char>& buf, const std::filesystem::path& p) {
    std::size_t n = std::fread(buf.data(), 1, buf.size(), f);
    if (n == 0 && std::ferror(f)) throw RuntimeFailure(fmt::format("cannot read {}: {}", p.string(), std::strerror(errno)));
    return n;
}

void write_all(std::FILE* f, const void* p, std::size_t n, const std::filesystem::path& path, Hasher& h) {
    if (n && std::fwrite(p, 1, n, f) != n)
        throw RuntimeFailure(fmt::format("cannot write {}: {}", path.string(), std::strerror(errno)));
    h.add(p, n);
}

// The data is on disk before the caller renames it into place or records it.
void sync(std::FILE* f, const std::filesystem::path& p) {
    if (std::fflush(f) != 0 || ::fsync(fileno(f)) != 0)
        throw RuntimeFailure(fmt::format("cannot write {}: {}", p.string(), std::strerror(errno)));
}

}  // namespace

CodecResult compress_file(const std::filesystem::path& from, const std::filesystem::path& to) {
    File in = open_file(from, "rb"), out = open_file(to, "wb");
    std::unique_ptr<ZSTD_CCtx, CCtxFree> cctx(ZSTD_createCCtx());
    if (!cctx) throw RuntimeFailure("cannot start zstd");
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, backup_level);
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_checksumFlag, 1);
    std::vector<char> ibuf(ZSTD_CStreamInSize()), obuf(ZSTD_CStreamOutSize());
    Hasher raw, packed;
    for (;;) {
        std::size_t n = read_some(in.get(), ibuf, from);
        raw.add(ibuf.data(), n);
        const bool last = n < ibuf.size();
        ZSTD_inBuffer input{ibuf.data(), n, 0};
        for (bool done = false; !done;) {
            ZSTD_outBuffer output{obuf.data(), obuf.size(), 0};
            std::size_t left = ZSTD_compressStream2(cctx.get(), &output, &input, last ? ZSTD_e_end : ZSTD_e_continue);
            if (ZSTD_isError(left)) throw RuntimeFailure(fmt::format("zstd: {}", ZSTD_getErrorName(left)));
            write_all(out.get(), obuf.data(), output.pos, to, packed);
            done = last ? left == 0 : input.pos == input.size;
        }
        if (last) break;
    }
    sync(out.get(), to);
    return {raw.finish(), packed.finish()};
}

CodecResult decompress_file(const std::filesystem::path& from, const std::filesystem::path& to) {
    File in = open_file(from, "rb"), out = open_file(to, "wb");
    std::unique_ptr<ZSTD_DCtx, DCtxFree> dctx(ZSTD_createDCtx());
    if (!dctx) throw RuntimeFailure("cannot start zstd");
    std::vector<char> ibuf(ZSTD_DStreamInSize()), obuf(ZSTD_DStreamOutSize());
    Hasher raw, packed;
    std::size_t pending = 1;  // 0 once a frame is complete
    bool any = false;
    while (std::size_t n = read_some(in.get(), ibuf, from)) {
        any = true;
        packed.add(ibuf.data(), n);
        ZSTD_inBuffer input{ibuf.data(), n, 0};
        while (input.pos < input.size) {
            ZSTD_outBuffer output{obuf.data(), obuf.size(), 0};
            pending = ZSTD_decompressStream(dctx.get(), &output, &input);
            if (ZSTD_isError(pending))
                throw RuntimeFailure(fmt::format("{} is damaged (zstd: {})", from.string(), ZSTD_getErrorName(pending)));
            write_all(out.get(), obuf.data(), output.pos, to, raw);
        }
    }
    // Flush what the decoder still holds for a frame whose input has all arrived.
    for (;;) {
        ZSTD_inBuffer input{nullptr, 0, 0};
        ZSTD_outBuffer output{obuf.data(), obuf.size(), 0};
        if (pending == 0) break;
        std::size_t r = ZSTD_decompressStream(dctx.get(), &output, &input);
        if (ZSTD_isError(r)) throw RuntimeFailure(fmt::format("{} is damaged (zstd: {})", from.string(), ZSTD_getErrorName(r)));
        write_all(out.get(), obuf.data(), output.pos, to, raw);
        if (output.pos == 0) {
            pending = r;
            break;
        }
        pending = r;
    }
    if (!any || pending != 0) throw RuntimeFailure(fmt::format("{} is truncated: its compressed stream ends early", from.string()));
    sync(out.get(), to);
    return {raw.finish(), packed.finish()};
}

FileDigest digest_file(const std::filesystem::path& file) {
    File in = open_file(file, "rb");
    std::vector<char> buf(1 << 16);
    Hasher h;
    while (std::size_t n = read_some(in.get(), buf, file)) h.add(buf.data(), n);
    return h.finish();
}

}  // namespace presswatch::store
