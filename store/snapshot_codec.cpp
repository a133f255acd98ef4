#include "store/snapshot_codec.h"

#include <memory>

#include <openssl/evp.h>
#include <zstd.h>

#include "core/error.h"

namespace presswatch::store {

namespace {

struct CCtxFree {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};

}  // namespace

ZSTD_CCtx* thread_compression_context() {
    thread_local std::unique_ptr<ZSTD_CCtx, CCtxFree> cctx(ZSTD_createCCtx());
    if (!cctx) throw RuntimeFailure("zstd: cannot make a compression context (out of memory)");
    return cctx.get();
}

std::string compress(std::string_view raw) {
    // ZSTD_compress would make and free a context for every page. Same
    // bytes out; the reset drops a dictionary another use referenced.
    ZSTD_CCtx* c = thread_compression_context();
    ZSTD_CCtx_reset(c, ZSTD_reset_session_and_parameters);
    std::string out(ZSTD_compressBound(raw.size()), '\0');
    // Level 3 (zstd's default): snapshots are written once and read rarely.
    size_t n = ZSTD_compressCCtx(c, out.data(), out.size(), raw.data(), raw.size(), 3);
    if (ZSTD_isError(n)) throw RuntimeFailure(std::string("zstd: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

std::string decompress(std::string_view blob) {
    unsigned long long size = ZSTD_getFrameContentSize(blob.data(), blob.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        throw RuntimeFailure("a stored snapshot is corrupt (not a zstd frame)");
    std::string out(size, '\0');
    size_t n = ZSTD_decompress(out.data(), out.size(), blob.data(), blob.size());
    if (ZSTD_isError(n)) throw RuntimeFailure(std::string("a stored snapshot is corrupt: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

std::string sha256_hex(std::string_view data) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < len; ++i) {
        out += hex[md[i] >> 4];
        out += hex[md[i] & 15];
    }
    return out;
}

}  // namespace presswatch::store
