#include "briefing/zip_pack.h"

#include <memory>

#include <zip.h>

#include "core/error.h"

namespace presswatch::briefing {
namespace {

struct ZipSourceFree { void operator()(zip_source_t* s) const { zip_source_free(s); } };
struct ZipDiscard { void operator()(zip_t* z) const { zip_discard(z); } };

[[noreturn]] void zip_fail(const std::string& what, zip_error_t* e) {
    throw RuntimeFailure("cannot build the zip file (" + what + "): " + zip_error_strerror(e));
}

}  // namespace

std::string zip_pack(const std::vector<std::pair<std::string, const std::string*>>& parts) {
    zip_error_t err;
    zip_error_init(&err);
    std::unique_ptr<zip_source_t, ZipSourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &err));
    if (!buffer) zip_fail("buffer", &err);
    zip_source_keep(buffer.get());  // survives zip_close, which we read after
    std::unique_ptr<zip_t, ZipDiscard> zip(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &err));
    if (!zip) {
        zip_source_free(buffer.get());  // balance the keep
        zip_fail("open", &err);
    }
    for (const auto& [name, data] : parts) {
        zip_source_t* s = zip_source_buffer(zip.get(), data->data(), data->size(), 0);
        if (!s || zip_file_add(zip.get(), name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0) {
            if (s) zip_source_free(s);
            zip_fail(name, zip_get_error(zip.get()));
        }
    }
    if (zip_close(zip.get()) < 0) zip_fail("close", zip_get_error(zip.get()));
    zip.release();  // closed

    zip_source_t* src = buffer.get();
    if (zip_source_open(src) < 0) zip_fail("read back", zip_source_error(src));
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    std::string out(static_cast<std::size_t>(size), '\0');
    zip_int64_t got = zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size));
    zip_source_close(src);
    if (got != size) throw RuntimeFailure("cannot build the zip file: short read from its buffer");
    return out;
}

}  // namespace presswatch::briefing
