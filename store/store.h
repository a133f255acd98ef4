#pragma once
// The clippings archive: one SQLite database in the data folder, the source
// of truth for everything presswatch knows. Every write is a transaction.
// A Store is one connection: not thread-safe, open one per thread. Several
// processes may read while one crawler writes (WAL).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/article.h"
#include "store/database.h"
#include "store/snapshot_dictionary.h"
#include "triage/decision.h"

namespace presswatch::store {

// The raw page as fetched, kept as evidence.
struct Snapshot {
    std::string url;            // the final URL fetched
    std::int64_t fetched = 0;   // Unix seconds
    int status = 200;
    std::string headers;        // response headers, one per line
    std::string body;           // raw bytes (compressed on write)
    // Filled by seal() on any thread, so that the one writing thread does
    // not compress and hash; save_article does it when they are empty.
    std::string compressed = {}, sha256 = {};
    // The dictionary compressed was made with (null: alone).
    std::shared_ptr<const SnapshotDictionary> dictionary = {};

    // With the outlet's dictionary, when given (Store::snapshot_dictionaries).
    void seal(std::shared_ptr<const SnapshotDictionary> with = nullptr);
};

// An article as stored, with triage's results and the review state.
struct StoredArticle {
    std::int64_t id = 0;
    std::string outlet;         // slug
    Article article;
    std::int64_t fetched = 0;
    std::string content_hash;
    bool clipping = false;
    // How much it is about the province: "subject" (a clipping), "passing"
    // or "not" (triage::level_name).
    std::string mention_level = "not";
    double score = 0;
    std::string tone;                    // a person's, else triage's
    std::vector<std::string> topics;     // effective: auto minus removed plus user
    bool flagged = false;
    int severity = 0;
    std::vector<std::string> agencies;
    std::optional<std::int64_t> deadline;
    std::vector<std::string> places;
    std::string review = "new";          // new | relevant | not-relevant
    // The response chain (store/workflow.h): "" when not flagged, else
    // pending | sent | answered | published | closed. deadline above is the
    // letter's when one was sent, else triage's.
    std::string response_status;
    std::string response_agency;         // the agency the letter went to
    std::string decision_json;           // triage's full decision, for explain
    std::optional<std::int64_t> story;   // near-duplicate group (story_member), if detected
};

// One row of the index journal: an article whose index document is out of
// date, and the version of that row (bumped by each queue_index).
struct IndexJournalEntry {
    std::int64_t article_id = 0;
    std::int64_t version = 0;
};

struct SaveResult {
    std::int64_t id = 0;
    bool inserted = false;   // a new article
    bool changed = false;    // an existing one whose content changed
};

struct Stats {
    std::int64_t articles = 0, clippings = 0, flagged = 0, unreviewed = 0;
    std::int64_t urls = 0, urls_queued = 0, urls_failed = 0;
    std::int64_t snapshots = 0;
    struct PerOutlet { std::string slug, name; std::int64_t articles = 0, clippings = 0; };
    std::vector<PerOutlet> outlets;
};

class Store {
public:
    // Opens data_dir/presswatch.db, creating the folder and the database and
    // migrating the schema as needed.
    explicit Store(const std::filesystem::path& data_dir);

    Database& db() { return db_; }
    // The outlets' snapshot dictionaries; thread-safe, unlike the Store.
    SnapshotDictionaries& snapshot_dictionaries() { return *dictionaries_; }
    const std::filesystem::path& data_dir() const { return data_dir_; }

    // Makes the outlet table match the configuration (adds and renames;
    // never deletes an outlet that has articles).
    void sync_outlets(const std::vector<config::Outlet>& outlets);

    // Stores an extracted, triaged article with its snapshot, in one
    // transaction; queues it for indexing. An article whose URL is known
    // and whose content is unchanged is left as it is (idempotent).
    // Triage's topics and flag replace earlier automatic ones, never a
    // person's. A new article whose URL has decisions waiting from a
    // restore (store/workflow_dump.h) gets them in the same transaction.
    SaveResult save_article(const std::string& outlet, const Article& a, const triage::Decision& d,
                            const Snapshot& snap);

    // Replaces triage's decision for a stored article (re-triage): the
    // article's clipping, score, tone and decision, its mentions, automatic
    // tags and automatic flag. A person's tags, flag and review stay.
    void save_decision(std::int64_t id, const triage::Decision& d);

    std::optional<StoredArticle> article(std::int64_t id);
    std::optional<std::int64_t> article_id_by_url(const std::string& url);
    // Clippings published (or fetched, when undated) in [from, to), newest first.
    std::vector<StoredArticle> clippings(std::int64_t from, std::int64_t to);
    // Articles that name the province only in passing (mention level
    // "passing"), published (or fetched) in [from, to), newest first.
    std::vector<StoredArticle> passing_mentions(std::int64_t from, std::int64_t to);
    std::vector<std::int64_t> all_article_ids();

    // Latest snapshot of an article, decompressed.
    std::optional<Snapshot> snapshot(std::int64_t article_id);

    Stats stats();

    // The index journal (see migrations.cpp).
    std::vector<std::int64_t> pending_index(std::size_t limit);
    void mark_indexed(const std::vector<std::int64_t>& ids);
    void queue_index(std::int64_t article_id);
    // The same with versions: mark_indexed(entries) clears a row only if
    // its version is unchanged, so a change queued while the index sync
    // ran stays queued (pipeline/index_sync.h).
    std::vector<IndexJournalEntry> pending_index_entries(std::size_t limit);
    void mark_indexed(const std::vector<IndexJournalEntry>& entries);

    // Audit log: who did what, when.
    void audit(const std::string& user, const std::string& action, std::optional<std::int64_t> article_id,
               const std::string& detail_json);

private:
    SaveResult save_article_in_transaction(const std::string& outlet, const Article& a, const triage::Decision& d,
                                           const Snapshot& snap);
    std::vector<StoredArticle> articles_where(const char* condition, std::int64_t from, std::int64_t to);

    std::filesystem::path data_dir_;
    Database db_;
    std::unique_ptr<SnapshotDictionaries> dictionaries_ = std::make_unique<SnapshotDictionaries>();
};

// The data folder: explicit, else PRESSWATCH_DATA, else
// $XDG_DATA_HOME/presswatch, else ~/.local/share/presswatch.
std::filesystem::path resolve_data_dir(const std::string& explicit_dir, const std::string& configured = {});

}  // namespace presswatch::store
