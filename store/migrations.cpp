#include "store/migrations.h"

#include <algorithm>

#include <fmt/format.h>

namespace presswatch::store {
namespace {

// Each migration is applied once, in order, inside one transaction, and
// moves PRAGMA user_version to its number. Never edit a released one:
// add the next.
struct Migration {
    int version;
    const char* why;
    const char* sql;
};

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
};

}  // namespace

int latest_schema_version() { return migrations[std::size(migrations) - 1].version; }

// A database without the schema_migration table was migrated by
// user_version alone, which ran every migration up to its version that
// existed then: these. Later migrations may take a free number below the
// highest (each team has its range), so what ran is recorded one by one.
constexpr int migrations_before_tracking[] = {1, 10, 20, 30, 31, 32, 33};

int migrate(Database& db) {
    auto q = db.prepare("PRAGMA user_version");
    q.step();
    int current = static_cast<int>(q.int64(0));
    q.reset();
    if (current > latest_schema_version())
        throw RuntimeFailure(fmt::format(
            "the database has schema version {}, newer than this presswatch knows ({}): upgrade presswatch",
            current, latest_schema_version()));
    db.transaction([&] {
        auto t = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'");
        if (t.step()) return;
        db.exec("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY)");
        for (int v : migrations_before_tracking)
            if (v <= current) db.prepare("INSERT INTO schema_migration(version) VALUES (?1)").bind(1, v).run();
    });
    for (const auto& m : migrations) {
        auto done = db.prepare("SELECT 1 FROM schema_migration WHERE version = ?1");
        done.bind(1, m.version);
        if (done.step()) continue;
        db.transaction([&] {
            db.exec(m.sql);
            db.prepare("INSERT INTO schema_migration(version) VALUES (?1)").bind(1, m.version).run();
            if (m.version > current) db.exec(fmt::format("PRAGMA user_version = {}", m.version));
        });
        current = std::max(current, m.version);
    }
    return current;
}

}  // namespace presswatch::store
