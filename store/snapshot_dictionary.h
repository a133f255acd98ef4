#pragma once
// Per-outlet zstd dictionaries for page snapshots (issue 17, disk). The
// pages of one outlet share most of their bytes (style, scripts, menus,
// footer): compressed alone each carries its own copy of them. With a
// dictionary that is one earlier page of the same outlet (zstd "raw
// content" dictionary), a page compresses to what is new in it: on the
// real pages of ../shared/data, 2-5 times smaller than alone at the same
// level (docs/benchmarks.md, disk).
//
// Table snapshot_dictionary (migration 73) holds every dictionary ever
// used, never deleted (the snapshots of clippings are kept forever); a
// snapshot's dictionary_id names its dictionary, NULL for a page
// compressed alone (every snapshot before migration 73, and the first
// page of an outlet). An outlet's first stored page becomes its
// dictionary, and a newer page replaces it when it is older than
// refresh_days (sites change their templates); earlier snapshots keep
// theirs.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "store/database.h"

struct ZSTD_CDict_s;
struct ZSTD_DDict_s;

namespace presswatch::store {

// One dictionary with its prepared zstd tables, made at first use (about
// 1 MB for compressing, which only the crawl does).
class SnapshotDictionary {
public:
    SnapshotDictionary(std::int64_t id, std::string content);
    ~SnapshotDictionary();
    SnapshotDictionary(const SnapshotDictionary&) = delete;
    SnapshotDictionary& operator=(const SnapshotDictionary&) = delete;

    std::int64_t id() const { return id_; }
    std::string compress(std::string_view raw) const;
    // Throws RuntimeFailure for a blob that is not a frame made with it.
    std::string decompress(std::string_view blob) const;

private:
    std::int64_t id_;
    std::string content_;
    mutable std::once_flag cdict_once_, ddict_once_;
    mutable ZSTD_CDict_s* cdict_ = nullptr;
    mutable ZSTD_DDict_s* ddict_ = nullptr;
};

// The dictionaries of one database. Thread-safe: pages are compressed on
// the crawl's worker threads (pipeline::Ingest::prepare).
class SnapshotDictionaries {
public:
    // Days after which an outlet's next stored page becomes its new
    // dictionary.
    static constexpr int refresh_days = 30;
    // The most of a page kept as a dictionary: its first 192 KB and last
    // 64 KB (head and footer are the template).
    static constexpr std::size_t max_bytes = 256 * 1024;

    // The outlet's current dictionary as this process knows it, reading
    // nothing (any thread); null when it has none or it is not read yet:
    // the page is then compressed alone, which is always right.
    std::shared_ptr<const SnapshotDictionary> current(const std::string& outlet);
    // The same, read from db when not known yet (the Store's thread).
    std::shared_ptr<const SnapshotDictionary> current(Database& db, const std::string& outlet);
    // The dictionary a snapshot names; throws RuntimeFailure when the
    // database does not hold it.
    std::shared_ptr<const SnapshotDictionary> by_id(Database& db, std::int64_t id);
    // After a page of outlet fetched at `fetched` is stored: makes it the
    // outlet's dictionary when the outlet has none, or one made
    // refresh_days before. Call inside the write transaction.
    void consider(Database& db, const std::string& outlet, std::string_view page, std::int64_t fetched);
    // Whether d is the dictionary this process holds under its id: false
    // after forget() (its row may never have been committed, and its id
    // may be another dictionary's now).
    bool holds(const std::shared_ptr<const SnapshotDictionary>& d);
    // Drops what is known of every dictionary, to read it again: after a
    // write transaction failed, a dictionary made in it does not exist.
    void forget();

private:
    struct Current {
        std::shared_ptr<const SnapshotDictionary> dictionary;  // null: none
        std::int64_t created = 0;
    };
    const Current& current_locked(Database& db, const std::string& outlet);

    std::mutex mutex_;
    std::map<std::string, Current> current_;  // by outlet, as read or made
    std::map<std::int64_t, std::shared_ptr<const SnapshotDictionary>> by_id_;
};

// The raw page compressed, alone or with a dictionary (null: alone).
std::string compress_snapshot(std::string_view raw, const SnapshotDictionary* dictionary);

}  // namespace presswatch::store
