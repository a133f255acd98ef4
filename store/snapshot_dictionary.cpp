#include "store/snapshot_dictionary.h"

#include <fmt/format.h>
#include <zstd.h>

#include "core/error.h"
#include "store/snapshot_codec.h"

namespace presswatch::store {
namespace {

// Level 3, as pages compressed alone (snapshot_codec.cpp).
constexpr int level = 3;

struct DCtxFree {
    void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
};

// One context a thread, reused: a context's workspace is its cost
// (compression: store::thread_compression_context).
ZSTD_DCtx* thread_dctx() {
    thread_local std::unique_ptr<ZSTD_DCtx, DCtxFree> c(ZSTD_createDCtx());
    return c.get();
}

// What of a page is kept as a dictionary (SnapshotDictionaries::max_bytes).
std::string_view dictionary_part(std::string_view page, std::string& joined) {
    const std::size_t max = SnapshotDictionaries::max_bytes, tail = 64 * 1024;
    if (page.size() <= max) return page;
    joined.assign(page.substr(0, max - tail));
    joined.append(page.substr(page.size() - tail));
    return joined;
}

}  // namespace

SnapshotDictionary::SnapshotDictionary(std::int64_t id, std::string content) : id_(id), content_(std::move(content)) {}

SnapshotDictionary::~SnapshotDictionary() {
    ZSTD_freeCDict(cdict_);
    ZSTD_freeDDict(ddict_);
}

std::string SnapshotDictionary::compress(std::string_view raw) const {
    std::call_once(cdict_once_, [&] { cdict_ = ZSTD_createCDict(content_.data(), content_.size(), level); });
    if (!cdict_) throw RuntimeFailure(fmt::format("zstd: cannot prepare snapshot dictionary {}", id_));
    std::string out(ZSTD_compressBound(raw.size()), '\0');
    // With a checksum: a frame decoded with another dictionary fails
    // instead of giving other bytes.
    ZSTD_CCtx* c = thread_compression_context();
    ZSTD_CCtx_reset(c, ZSTD_reset_session_and_parameters);
    ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1);
    ZSTD_CCtx_refCDict(c, cdict_);
    size_t n = ZSTD_compress2(c, out.data(), out.size(), raw.data(), raw.size());
    if (ZSTD_isError(n)) throw RuntimeFailure(std::string("zstd: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

std::string SnapshotDictionary::decompress(std::string_view blob) const {
    std::call_once(ddict_once_, [&] { ddict_ = ZSTD_createDDict(content_.data(), content_.size()); });
    if (!ddict_) throw RuntimeFailure(fmt::format("zstd: cannot prepare snapshot dictionary {}", id_));
    unsigned long long size = ZSTD_getFrameContentSize(blob.data(), blob.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        throw RuntimeFailure("a stored snapshot is corrupt (not a zstd frame)");
    std::string out(size, '\0');
    size_t n = ZSTD_decompress_usingDDict(thread_dctx(), out.data(), out.size(), blob.data(), blob.size(), ddict_);
    if (ZSTD_isError(n))
        throw RuntimeFailure(fmt::format("a stored snapshot is corrupt (dictionary {}): {}", id_, ZSTD_getErrorName(n)));
    out.resize(n);
    return out;
}

std::string compress_snapshot(std::string_view raw, const SnapshotDictionary* dictionary) {
    return dictionary ? dictionary->compress(raw) : compress(raw);
}

std::shared_ptr<const SnapshotDictionary> SnapshotDictionaries::current(const std::string& outlet) {
    std::lock_guard lock(mutex_);
    auto it = current_.find(outlet);
    return it == current_.end() ? nullptr : it->second.dictionary;
}

std::shared_ptr<const SnapshotDictionary> SnapshotDictionaries::current(Database& db, const std::string& outlet) {
    std::lock_guard lock(mutex_);
    return current_locked(db, outlet).dictionary;
}

const SnapshotDictionaries::Current& SnapshotDictionaries::current_locked(Database& db, const std::string& outlet) {
    auto it = current_.find(outlet);
    if (it != current_.end()) return it->second;
    Current c;
    auto q = db.prepare(
        "SELECT id, created, content FROM snapshot_dictionary WHERE outlet = ?1 ORDER BY created DESC, id DESC LIMIT 1");
    q.bind(1, outlet);
    if (q.step()) {
        auto d = std::make_shared<const SnapshotDictionary>(q.int64(0), store::decompress(q.text(2)));
        by_id_[d->id()] = d;
        c.dictionary = d;
        c.created = q.int64(1);
    }
    return current_[outlet] = c;
}

std::shared_ptr<const SnapshotDictionary> SnapshotDictionaries::by_id(Database& db, std::int64_t id) {
    std::lock_guard lock(mutex_);
    auto it = by_id_.find(id);
    if (it != by_id_.end()) return it->second;
    auto q = db.prepare("SELECT content FROM snapshot_dictionary WHERE id = ?1");
    q.bind(1, id);
    if (!q.step())
        throw RuntimeFailure(fmt::format(
            "a stored snapshot names compression dictionary {}, which the database does not hold (table "
            "snapshot_dictionary): the database is damaged; restore it from a backup",
            id));
    auto d = std::make_shared<const SnapshotDictionary>(id, store::decompress(q.text(0)));
    return by_id_[id] = d;
}

void SnapshotDictionaries::consider(Database& db, const std::string& outlet, std::string_view page,
                                    std::int64_t fetched) {
    std::lock_guard lock(mutex_);
    const Current& c = current_locked(db, outlet);
    if (c.dictionary && fetched < c.created + static_cast<std::int64_t>(refresh_days) * 86400) return;
    std::string joined;
    std::string content(dictionary_part(page, joined));
    db.prepare("INSERT INTO snapshot_dictionary(outlet, created, content) VALUES (?1, ?2, ?3)")
        .bind(1, outlet)
        .bind(2, fetched)
        .bind_blob(3, store::compress(content))
        .run();
    auto d = std::make_shared<const SnapshotDictionary>(db.last_insert_id(), std::move(content));
    by_id_[d->id()] = d;
    current_[outlet] = {d, fetched};
}

bool SnapshotDictionaries::holds(const std::shared_ptr<const SnapshotDictionary>& d) {
    std::lock_guard lock(mutex_);
    auto it = by_id_.find(d->id());
    return it != by_id_.end() && it->second == d;
}

void SnapshotDictionaries::forget() {
    std::lock_guard lock(mutex_);
    current_.clear();
    by_id_.clear();
}

}  // namespace presswatch::store
