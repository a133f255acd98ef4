#include "store/migrations.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>
#include <sqlite3.h>
#include <fmt/ranges.h>

namespace presswatch::store {
namespace {

// Each migration is applied once, in order, inside one transaction, and
// moves PRAGMA user_version to its number. Never edit a released one:
// add the next.
const Migration migrations[] = {
    {1, "initial schema: outlets, frontier, articles, snapshots, triage results, review, audit, index journal",
     R"sql(
CREATE TABLE outlet (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('central','local'))
);

-- Every URL ever seen, with what happened to it. A URL is fetched again
-- only when next_try says so (feeds, sitemaps, listings), never an article
-- already done.
CREATE TABLE frontier (
  url TEXT PRIMARY KEY,
  outlet TEXT NOT NULL REFERENCES outlet(slug),
  kind TEXT NOT NULL CHECK (kind IN ('feed','sitemap','listing','article')),
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','done','failed','skipped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_try INTEGER,
  last_status INTEGER,
  last_error TEXT,
  etag TEXT,
  last_modified TEXT,
  body_hash TEXT,
  final_url TEXT,
  discovered_at INTEGER NOT NULL,
  discovered_from TEXT,
  fetched_at INTEGER,
  published INTEGER
);
CREATE INDEX frontier_due ON frontier(state, next_try);

CREATE TABLE article (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  outlet TEXT NOT NULL REFERENCES outlet(slug),
  headline TEXT NOT NULL,
  lead TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  source_org TEXT NOT NULL DEFAULT '',
  section TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  keywords TEXT NOT NULL DEFAULT '[]',
  published INTEGER,
  modified INTEGER,
  published_raw TEXT NOT NULL DEFAULT '',
  fetched INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  clipping INTEGER NOT NULL DEFAULT 0,
  score REAL NOT NULL DEFAULT 0,
  tone TEXT NOT NULL DEFAULT 'neutral',
  decision TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX article_published ON article(published);
CREATE INDEX article_clipping ON article(clipping, published);

-- The page as fetched, zstd-compressed: the evidence of what was published.
CREATE TABLE snapshot (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  fetched INTEGER NOT NULL,
  status INTEGER NOT NULL,
  headers TEXT NOT NULL,
  body BLOB NOT NULL,
  raw_size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  UNIQUE (article_id, sha256)
);

CREATE TABLE mention (
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  offset INTEGER NOT NULL,
  length INTEGER NOT NULL,
  text TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  snippet TEXT NOT NULL
);
CREATE INDEX mention_article ON mention(article_id);

-- source 'auto' rows are triage's and are replaced by a re-triage; 'user'
-- rows are a person's decision and are never overridden.
CREATE TABLE tag (
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  topic TEXT NOT NULL,
  score REAL NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT 'auto' CHECK (source IN ('auto','user')),
  removed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (article_id, topic)
);

CREATE TABLE flag (
  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
  needed INTEGER NOT NULL,
  severity INTEGER NOT NULL DEFAULT 0,
  agencies TEXT NOT NULL DEFAULT '[]',
  deadline INTEGER,
  reasons TEXT NOT NULL DEFAULT '[]',
  source TEXT NOT NULL DEFAULT 'auto' CHECK (source IN ('auto','user'))
);

CREATE TABLE review (
  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
  state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new','relevant','not-relevant')),
  user TEXT,
  at INTEGER,
  note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL,
  article_id INTEGER,
  detail TEXT NOT NULL DEFAULT '{}'
);

-- Articles whose index document is out of date. Written in the same
-- transaction as the change; cleared after the Xapian commit, so a crash
-- between the two commits is repaired by re-indexing what is left here.
CREATE TABLE index_journal (
  article_id INTEGER PRIMARY KEY,
  queued_at INTEGER NOT NULL
);
)sql"},
    {10, "crawler: robots.txt cache per origin, and a log of every source reading for health reports",
     R"sql(
-- robots.txt per origin (scheme://host:port) as last read, kept 24 hours
-- (RFC 9309). status 0: unreachable (not stored; a 5xx is not cached either).
CREATE TABLE robots (
  origin TEXT PRIMARY KEY,
  fetched_at INTEGER NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL DEFAULT ''
);

-- One row per reading of a source (feed, sitemap, listing): what it
-- yielded. `presswatch sources` compares recent yields with the usual rate
-- to warn when a source dies, goes empty or dwindles.
CREATE TABLE source_read (
  url TEXT NOT NULL,
  outlet TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('feed','sitemap','listing')),
  at INTEGER NOT NULL,
  status INTEGER,
  items INTEGER NOT NULL DEFAULT 0,       -- links it listed
  new_items INTEGER NOT NULL DEFAULT 0,   -- of which new to the frontier
  error TEXT                              -- NULL when read
);
CREATE INDEX source_read_url ON source_read(url, at);
CREATE INDEX source_read_outlet ON source_read(outlet, at);
)sql"},
    {20, "workflow: a person's tone and flag reason, the response chain of flagged items, notes",
     R"sql(
-- A person's tone; NULL means triage's (article.tone) stands.
ALTER TABLE review ADD COLUMN tone TEXT CHECK (tone IN ('positive','neutral','negative'));
-- Why a person set or cleared the flag (triage's reasons stay in reasons).
ALTER TABLE flag ADD COLUMN user_reason TEXT NOT NULL DEFAULT '';

-- One row per flagged item once something happened to it beyond the flag:
-- the letter to the agency, its answer, the published reply, closing.
-- "Overdue" is not a status: it is computed from deadline and the clock.
CREATE TABLE response (
  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('sent','answered','published','closed')),
  agency TEXT NOT NULL DEFAULT '',
  letter_number TEXT NOT NULL DEFAULT '',
  letter_date INTEGER,
  deadline INTEGER,
  answered_date INTEGER,
  reply_number TEXT NOT NULL DEFAULT '',
  answer_summary TEXT NOT NULL DEFAULT '',
  published_url TEXT NOT NULL DEFAULT '',
  closed_at INTEGER,
  status_before_close TEXT,
  updated_at INTEGER NOT NULL
);
CREATE INDEX response_status ON response(status, deadline);

CREATE TABLE note (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  user TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX note_article ON note(article_id);
CREATE INDEX audit_article ON audit(article_id, at);
)sql"},
    {21, "workflow: decisions restored before their article was crawled, applied when it is stored",
     R"sql(
-- An article line of a dump (store/workflow_dump.h) whose URL the store
-- did not hold when it was restored. Store::save_article applies it, in
-- the same transaction, when an article with this canonical URL arrives,
-- then deletes the row.
CREATE TABLE pending_decision (
  url TEXT PRIMARY KEY,
  line TEXT NOT NULL,
  source TEXT NOT NULL,
  user TEXT NOT NULL,
  restored_at INTEGER NOT NULL
);
-- The audit rows of such an article wait with article_id NULL and its URL
-- here; both change when it arrives.
ALTER TABLE audit ADD COLUMN waiting_url TEXT;
CREATE INDEX audit_waiting ON audit(waiting_url, at) WHERE waiting_url IS NOT NULL;
)sql"},
    {30, "index journal versions: a change made while the index sync runs must not be cleared with the batch",
     R"sql(
ALTER TABLE index_journal ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
)sql"},
    {31, "stories: near-duplicate articles (the same story republished by several outlets) grouped by id",
     R"sql(
-- One row per article that has been through story detection. story_id is
-- the id of the story's first article; simhash is the 64-bit SimHash of
-- its headline and body shingles (index/story.h), kept to compare new
-- articles with, and band0..band3 its four 16-bit bands, indexed so that
-- candidates are found without scanning every article.
CREATE TABLE story_member (
  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
  story_id INTEGER NOT NULL,
  simhash INTEGER NOT NULL,
  band0 INTEGER NOT NULL,
  band1 INTEGER NOT NULL,
  band2 INTEGER NOT NULL,
  band3 INTEGER NOT NULL,
  published INTEGER
);
CREATE INDEX story_member_story ON story_member(story_id);
CREATE INDEX story_member_band0 ON story_member(band0);
CREATE INDEX story_member_band1 ON story_member(band1);
CREATE INDEX story_member_band2 ON story_member(band2);
CREATE INDEX story_member_band3 ON story_member(band3);
)sql"},
    {32, "saved searches: named queries that `search @NAME` and reports reuse",
     R"sql(
CREATE TABLE saved_search (
  name TEXT PRIMARY KEY,
  query TEXT NOT NULL,
  options TEXT NOT NULL DEFAULT '{}',   -- JSON: exact, sort, collapse
  created_by TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
)sql"},
    {33, "stories: compare SimHashes within a date window instead of band lookups (distances of 6-12 bits "
         "rarely share a whole 16-bit band); remember the content each hash was made from",
     R"sql(
DROP INDEX story_member_band0;
DROP INDEX story_member_band1;
DROP INDEX story_member_band2;
DROP INDEX story_member_band3;
ALTER TABLE story_member DROP COLUMN band0;
ALTER TABLE story_member DROP COLUMN band1;
ALTER TABLE story_member DROP COLUMN band2;
ALTER TABLE story_member DROP COLUMN band3;
-- usable = 0: too short to compare, the article is a story of its own.
ALTER TABLE story_member ADD COLUMN usable INTEGER NOT NULL DEFAULT 1;
-- article.content_hash when the SimHash was computed: a changed article is
-- compared again.
ALTER TABLE story_member ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
CREATE INDEX story_member_published ON story_member(published);
)sql"},
    {40, "mention levels: how much each article is about the province (subject, passing, not), stored, "
         "filtered on and indexed",
     R"sql(
-- triage/decision.h: subject = a clipping; passing = the province named in
-- passing (a list, a hometown, a club); not = not the province. Until a
-- re-triage grades them again, clippings are subject, other articles with
-- a counted mention (a mention row) passing, the rest not.
ALTER TABLE article ADD COLUMN mention_level TEXT NOT NULL DEFAULT 'not'
  CHECK (mention_level IN ('subject', 'passing', 'not'));
UPDATE article SET mention_level = CASE
  WHEN clipping = 1 THEN 'subject'
  WHEN EXISTS (SELECT 1 FROM mention m WHERE m.article_id = article.id) THEN 'passing'
  ELSE 'not' END;
CREATE INDEX article_mention_level ON article(mention_level, published);
-- The index carries the level (mention:subject): every document is put
-- again by the next index sync, no `presswatch reindex` needed.
INSERT INTO index_journal(article_id, queued_at) SELECT id, CAST(strftime('%s', 'now') AS INTEGER) FROM article WHERE 1
  ON CONFLICT(article_id) DO UPDATE SET version = version + 1, queued_at = excluded.queued_at;
)sql"},
    {50, "accounts: people who use the web interface, their roles and sessions, and the limits on failed logins",
     R"sql(
-- password_hash is Argon2id's self-describing string (store/password_hash.h):
-- never the password. name is folded to lower case (store/accounts.h).
CREATE TABLE account (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('reader','editor','admin')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  last_login_at INTEGER
);

-- A browser's session. token_hash is the BLAKE2b digest of the token the
-- browser holds, so a copy of this file opens no session. The CSRF token
-- is not a credential on its own (every page of the session shows it).
CREATE TABLE account_session (
  token_hash TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX account_session_account ON account_session(account_id);
CREATE INDEX account_session_expires ON account_session(expires_at);

-- Failed logins within the counting window, by the name tried (which may
-- not exist) and the client's address. Older rows are deleted.
CREATE TABLE login_failure (
  at INTEGER NOT NULL,
  name TEXT NOT NULL,
  address TEXT NOT NULL
);
CREATE INDEX login_failure_name ON login_failure(name, at);
CREATE INDEX login_failure_address ON login_failure(address, at);

-- Locks on a name or an address, kept a day so that the next lock of the
-- same key lasts longer; the key is locked while now < until.
CREATE TABLE login_lock (
  kind TEXT NOT NULL CHECK (kind IN ('account','address')),
  key TEXT NOT NULL,
  locked_at INTEGER NOT NULL,
  until INTEGER NOT NULL
);
CREATE INDEX login_lock_key ON login_lock(kind, key, until);
)sql"},
    {60, "operations: a log of completed backups and of alerts mailed, an index for `status`'s newest "
         "article per outlet, and which presswatch release applied each migration (so that an older presswatch "
         "names the release it needs)",
     R"sql(
-- One row per `presswatch backup` that completed (store/backup.h).
CREATE TABLE backup (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,          -- Unix seconds, when the copy was taken
  path TEXT NOT NULL,           -- the backup's folder
  bytes INTEGER NOT NULL,       -- its size on disk
  articles INTEGER NOT NULL,
  seconds REAL NOT NULL         -- how long it took
);
-- One row per alert mailed (pipeline/alerts.h): a problem is mailed at
-- most once a day. day: YYYY-MM-DD in Vietnam's time.
CREATE TABLE alert_sent (
  problem TEXT NOT NULL,        -- the problem's key, e.g. outlet-silent:vnexpress
  day TEXT NOT NULL,
  at INTEGER NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (problem, day)
);
-- `status` reads each outlet's newest article and its last day's count.
CREATE INDEX article_outlet_fetched ON article(outlet, fetched);
-- One row per migration applied since this table exists: the presswatch
-- release that applied it. An older presswatch that finds a version it
-- does not know reads the release to ask for here.
CREATE TABLE schema_writer (
  version INTEGER PRIMARY KEY,
  presswatch TEXT NOT NULL,
  at INTEGER NOT NULL
);
)sql"},
    {61, "snapshot pruning: an index on when each snapshot was fetched, so that a pass reads the old snapshots "
         "only, not every article ever stored",
     R"sql(
-- store/snapshot_pruning.cpp walks the snapshots older than the cutoff
-- (the kept clippings' and the next to prune); without it, each pass
-- scanned every non-clipping article (1.4 million after a year).
CREATE INDEX snapshot_fetched ON snapshot(fetched);
)sql"},
    {65, "search facets by agency, response status and tone: every article is queued for the index again",
     R"sql(
-- The index's facet slot (index/schema.h, slot_facets) gained agency,
-- status and tone lines: the next index sync puts every document again, no
-- `presswatch reindex` needed.
INSERT INTO index_journal(article_id, queued_at) SELECT id, CAST(strftime('%s', 'now') AS INTEGER) FROM article WHERE 1
  ON CONFLICT(article_id) DO UPDATE SET version = version + 1, queued_at = excluded.queued_at;
)sql"},
    {70, "article bodies stored zstd-compressed (store/body_codec.h): a release before it would read them as text",
     R"sql(
-- From this version on, article.body holds either TEXT (as before) or a
-- zstd frame as a BLOB; store/body_codec.cpp tells them apart by
-- typeof(body). Nothing to change in the rows: bodies stored before stay
-- TEXT and are read as they are. The migration is recorded so that an
-- older presswatch, which would show a compressed body as bytes and store
-- it back as text, refuses this database (store/migrations.h).
SELECT 1;
)sql"},
    {73, "page snapshots compressed with a zstd dictionary per outlet (store/snapshot_dictionary.h)",
     R"sql(
-- A dictionary is one earlier page of the outlet (zstd raw content, its
-- first 192 KB and last 64 KB), stored zstd-compressed. Never deleted:
-- the snapshots of clippings that name it are kept forever.
CREATE TABLE snapshot_dictionary (
  id INTEGER PRIMARY KEY,
  outlet TEXT NOT NULL,
  created INTEGER NOT NULL,
  content BLOB NOT NULL
);
CREATE INDEX snapshot_dictionary_outlet ON snapshot_dictionary(outlet, created);
-- NULL: the page compressed alone (every snapshot stored before).
ALTER TABLE snapshot ADD COLUMN dictionary_id INTEGER REFERENCES snapshot_dictionary(id);
)sql"},
};

}  // namespace

std::span<const Migration> migration_history() { return migrations; }

int latest_schema_version() { return migrations[std::size(migrations) - 1].version; }

namespace {

// A database without the schema_migration table was migrated by
// user_version alone. Which migrations it holds is read from what each
// one created, not inferred from user_version: main once held user_version
// 32 without migrations 10 and 20 (merged after 30-32), and such a
// database would otherwise never get their tables (tests/data/schema/).
struct Marker {
    int version;
    const char* table;
    const char* column;  // nullptr: the table alone marks it
};
constexpr Marker migrations_before_tracking[] = {
    {1, "article", nullptr},           {10, "robots", nullptr},       {20, "response", nullptr},
    {30, "index_journal", "version"},  {31, "story_member", nullptr}, {32, "saved_search", nullptr},
    {33, "story_member", "usable"},
};

bool holds(Database& db, const Marker& m) {
    auto q = m.column ? db.prepare("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2")
                      : db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    q.bind(1, m.table);
    if (m.column) q.bind(2, m.column);
    return q.step();
}

bool has_table(Database& db, const char* name) {
    auto q = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    q.bind(1, name);
    return q.step();
}

// Refuses a database that holds a migration this program does not know: it
// was written by a newer presswatch, and running this one on it could
// damage what the newer one stored. Changes nothing.
void refuse_newer(Database& db, int current) {
    std::vector<int> unknown;
    if (has_table(db, "schema_migration")) {
        auto q = db.prepare("SELECT version FROM schema_migration ORDER BY version");
        while (q.step()) {
            int v = static_cast<int>(q.int64(0));
            if (std::none_of(std::begin(migrations), std::end(migrations), [v](const Migration& m) { return m.version == v; }))
                unknown.push_back(v);
        }
    }
    if (current <= latest_schema_version() && unknown.empty()) return;
    if (current > latest_schema_version() && (unknown.empty() || unknown.back() < current)) unknown.push_back(current);
    std::string release;
    if (has_table(db, "schema_writer")) {
        auto q = db.prepare("SELECT presswatch FROM schema_writer WHERE version = ?1");
        q.bind(1, unknown.back());
        if (q.step()) release = q.text(0);
    }
    throw RuntimeFailure(fmt::format(
        "the database {} has schema version {}{}, written by a newer presswatch: this one ({}) reads schema "
        "versions up to {}; upgrade presswatch to {} or newer (or restore a backup taken before that upgrade). "
        "Nothing was changed.",
        std::string(sqlite3_db_filename(db.handle(), "main")), current,
        unknown.size() > 1 || unknown.back() != current ? fmt::format(" (unknown migrations: {})", fmt::join(unknown, ", ")) : "",
        PRESSWATCH_VERSION, latest_schema_version(),
        release.empty() ? fmt::format("a release that knows schema version {}", unknown.back()) : release));
}

}  // namespace

int migrate(Database& db) {
    auto q = db.prepare("PRAGMA user_version");
    q.step();
    int current = static_cast<int>(q.int64(0));
    q.reset();
    refuse_newer(db, current);
    db.transaction([&] {
        if (has_table(db, "schema_migration")) return;
        db.exec("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY)");
        for (const auto& m : migrations_before_tracking)
            if (holds(db, m)) db.prepare("INSERT INTO schema_migration(version) VALUES (?1)").bind(1, m.version).run();
    });
    for (const auto& m : migrations) {
        auto done = db.prepare("SELECT 1 FROM schema_migration WHERE version = ?1");
        done.bind(1, m.version);
        if (done.step()) continue;
        db.transaction([&] {
            db.exec(m.sql);
            db.prepare("INSERT INTO schema_migration(version) VALUES (?1)").bind(1, m.version).run();
            if (has_table(db, "schema_writer"))
                db.prepare("INSERT OR REPLACE INTO schema_writer(version, presswatch, at) VALUES (?1, ?2, strftime('%s'))")
                    .bind(1, m.version).bind(2, PRESSWATCH_VERSION).run();
            if (m.version > current) db.exec(fmt::format("PRAGMA user_version = {}", m.version));
        });
        current = std::max(current, m.version);
    }
    return current;
}

}  // namespace presswatch::store
