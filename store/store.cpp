#include "store/store.h"

#include <cstdlib>
#include <ctime>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/audit_log.h"
#include "store/body_codec.h"
#include "store/decision_rows.h"
#include "store/migrations.h"
#include "store/snapshot_codec.h"
#include "store/workflow_dump.h"
#include "triage/decision_json.h"

namespace presswatch::store {
namespace {

using nlohmann::json;

std::filesystem::path ensure_dir(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw RuntimeFailure("cannot create data folder " + dir.string() + ": " + ec.message());
    return dir;
}

std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::string content_hash(const Article& a) {
    return sha256_hex(a.headline + '\x1f' + a.description + '\x1f' + a.body + '\x1f' + a.author);
}

std::vector<std::string> json_strings(const std::string& text) {
    std::vector<std::string> out;
    json j = json::parse(text, nullptr, false);
    if (j.is_array())
        for (const auto& v : j)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

}  // namespace

std::filesystem::path resolve_data_dir(const std::string& explicit_dir, const std::string& configured) {
    if (!explicit_dir.empty()) return explicit_dir;
    if (const char* e = std::getenv("PRESSWATCH_DATA"); e && *e) return e;
    if (!configured.empty()) return configured;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::filesystem::path(x) / "presswatch";
    if (const char* h = std::getenv("HOME"); h && *h)
        return std::filesystem::path(h) / ".local" / "share" / "presswatch";
    throw InputError("no data folder: give --data DIR or set PRESSWATCH_DATA");
}

Store::Store(const std::filesystem::path& data_dir)
    : data_dir_(ensure_dir(data_dir)), db_(data_dir_ / "presswatch.db") {
    migrate(db_);
}

void Store::sync_outlets(const std::vector<config::Outlet>& outlets) {
    db_.transaction([&] {
        auto st = db_.prepare(
            "INSERT INTO outlet(slug, name, kind) VALUES (?1, ?2, ?3) "
            "ON CONFLICT(slug) DO UPDATE SET name = excluded.name, kind = excluded.kind "
            "WHERE name != excluded.name OR kind != excluded.kind");
        for (const auto& o : outlets) st.bind(1, o.slug).bind(2, o.name).bind(3, o.kind).run();
    });
}

void Snapshot::seal() {
    compressed = compress(body);
    sha256 = sha256_hex(body);
}

namespace {

// The level as stored: always in agreement with the clipping flag (a
// decision built by hand may set one and not the other).
const char* stored_level(const triage::Decision& d) {
    if (d.clipping) return "subject";
    return d.mention_level == triage::MentionLevel::none ? "not" : "passing";
}

}  // namespace

SaveResult Store::save_article(const std::string& outlet, const Article& a, const triage::Decision& d,
                               const Snapshot& snap) {
    return db_.transaction([&] {
        SaveResult r;
        std::string hash = content_hash(a);
        auto existing = db_.prepare("SELECT id, content_hash FROM article WHERE url = ?1");
        existing.bind(1, a.url);
        std::optional<std::int64_t> id;
        if (existing.step()) {
            id = existing.int64(0);
            if (existing.text(1) == hash) {
                r.id = *id;
                return r;  // seen, unchanged: nothing to do
            }
        }
        json keywords = a.keywords;
        std::string decision = triage::to_json(d).dump();
        if (!id) {
            auto ins = db_.prepare(
                "INSERT INTO article(url, outlet, headline, lead, body, author, source_org, section, language, "
                "keywords, published, modified, published_raw, fetched, content_hash, clipping, score, tone, decision, "
                "mention_level) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)");
            ins.bind(1, a.url).bind(2, outlet).bind(3, a.headline).bind(4, a.description)
                .bind(6, a.author).bind(7, a.source_organization).bind(8, a.section).bind(9, a.language)
                .bind(10, keywords.dump()).bind(11, a.published).bind(12, a.modified).bind(13, a.published_raw)
                .bind(14, snap.fetched ? snap.fetched : now()).bind(15, hash).bind(16, d.clipping ? 1 : 0)
                .bind(17, d.score).bind(18, d.tone).bind(19, decision)
                .bind(20, stored_level(d));
            bind_body(ins, 5, a.body);
            ins.run();
            id = db_.last_insert_id();
            db_.prepare("INSERT INTO review(article_id, state) VALUES (?1, 'new')").bind(1, *id).run();
            r.inserted = true;
        } else {
            auto up = db_.prepare(
                "UPDATE article SET headline=?2, lead=?3, body=?4, author=?5, source_org=?6, section=?7, "
                "language=?8, keywords=?9, published=?10, modified=?11, published_raw=?12, fetched=?13, "
                "content_hash=?14, clipping=?15, score=?16, tone=?17, decision=?18, mention_level=?19 WHERE id=?1");
            up.bind(1, *id).bind(2, a.headline).bind(3, a.description).bind(5, a.author)
                .bind(6, a.source_organization).bind(7, a.section).bind(8, a.language).bind(9, keywords.dump())
                .bind(10, a.published).bind(11, a.modified).bind(12, a.published_raw)
                .bind(13, snap.fetched ? snap.fetched : now()).bind(14, hash).bind(15, d.clipping ? 1 : 0)
                .bind(16, d.score).bind(17, d.tone).bind(18, decision)
                .bind(19, stored_level(d));
            bind_body(up, 4, a.body);
            up.run();
            r.changed = true;
        }
        r.id = *id;

        write_decision_rows(db_, *id, d);
        // A person's decisions restored before the article was crawled.
        if (r.inserted) apply_pending_decision(db_, *id, a.url);

        if (!snap.body.empty()) {
            db_.prepare(
                   "INSERT INTO snapshot(article_id, url, fetched, status, headers, body, raw_size, sha256) "
                   "VALUES (?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT(article_id, sha256) DO NOTHING")
                .bind(1, *id).bind(2, snap.url).bind(3, snap.fetched ? snap.fetched : now()).bind(4, snap.status)
                .bind(5, snap.headers).bind_blob(6, snap.compressed.empty() ? compress(snap.body) : snap.compressed)
                .bind(7, static_cast<std::int64_t>(snap.body.size()))
                .bind(8, snap.sha256.empty() ? sha256_hex(snap.body) : snap.sha256).run();
        }
        queue_index(*id);
        return r;
    });
}

void Store::save_decision(std::int64_t id, const triage::Decision& d) {
    db_.transaction([&] {
        db_.prepare("UPDATE article SET clipping=?2, score=?3, tone=?4, decision=?5, mention_level=?6 WHERE id=?1")
            .bind(1, id).bind(2, d.clipping ? 1 : 0).bind(3, d.score).bind(4, d.tone)
            .bind(5, triage::to_json(d).dump()).bind(6, stored_level(d)).run();
        write_decision_rows(db_, id, d);
        queue_index(id);
    });
}

std::optional<StoredArticle> Store::article(std::int64_t id) {
    // Reused: a search page reads every hit's article (Database::reused).
    auto stmt = db_.reused(
        "SELECT a.id, a.outlet, a.url, a.headline, a.lead, a.body, a.author, a.source_org, a.section, a.language, "
        "a.keywords, a.published, a.modified, a.published_raw, a.fetched, a.content_hash, a.clipping, a.score, "
        "COALESCE(r.tone, a.tone), a.decision, COALESCE(r.state, 'new'), COALESCE(f.needed, 0), "
        "COALESCE(f.severity, 0), COALESCE(f.agencies, '[]'), COALESCE(rs.deadline, f.deadline), "
        "COALESCE(rs.status, CASE WHEN f.needed = 1 THEN 'pending' ELSE '' END), COALESCE(rs.agency, ''), "
        "sm.story_id, a.mention_level, typeof(a.body) = 'blob' "
        "FROM article a LEFT JOIN review r ON r.article_id = a.id LEFT JOIN flag f ON f.article_id = a.id "
        "LEFT JOIN response rs ON rs.article_id = a.id LEFT JOIN story_member sm ON sm.article_id = a.id "
        "WHERE a.id = ?1");
    Statement& q = *stmt;
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    StoredArticle s;
    s.id = q.int64(0);
    s.outlet = q.text(1);
    s.article.url = q.text(2);
    s.article.headline = q.text(3);
    s.article.description = q.text(4);
    s.article.body = read_body(q, 5, 29);
    s.article.author = q.text(6);
    s.article.source_organization = q.text(7);
    s.article.section = q.text(8);
    s.article.language = q.text(9);
    s.article.keywords = json_strings(q.text(10));
    s.article.published = q.opt_int64(11);
    s.article.modified = q.opt_int64(12);
    s.article.published_raw = q.text(13);
    s.fetched = q.int64(14);
    s.content_hash = q.text(15);
    s.clipping = q.int64(16) != 0;
    s.score = q.real(17);
    s.tone = q.text(18);
    s.decision_json = q.text(19);
    s.review = q.text(20);
    s.flagged = q.int64(21) != 0;
    s.severity = static_cast<int>(q.int64(22));
    s.agencies = json_strings(q.text(23));
    s.deadline = q.opt_int64(24);
    s.response_status = q.text(25);
    s.response_agency = q.text(26);
    s.story = q.opt_int64(27);
    s.mention_level = q.text(28);

    auto topics = db_.reused("SELECT topic FROM tag WHERE article_id = ?1 AND removed = 0 ORDER BY score DESC, topic");
    Statement& t = *topics;
    t.bind(1, id);
    while (t.step()) s.topics.push_back(t.text(0));
    auto places = db_.reused("SELECT DISTINCT name FROM mention WHERE article_id = ?1 ORDER BY name");
    Statement& p = *places;
    p.bind(1, id);
    while (p.step()) s.places.push_back(p.text(0));
    return s;
}

std::optional<std::int64_t> Store::article_id_by_url(const std::string& url) {
    auto q = db_.prepare("SELECT id FROM article WHERE url = ?1");
    q.bind(1, url);
    if (q.step()) return q.int64(0);
    return std::nullopt;
}

std::vector<StoredArticle> Store::clippings(std::int64_t from, std::int64_t to) {
    return articles_where("clipping = 1", from, to);
}

std::vector<StoredArticle> Store::passing_mentions(std::int64_t from, std::int64_t to) {
    return articles_where("mention_level = 'passing'", from, to);
}

std::vector<StoredArticle> Store::articles_where(const char* condition, std::int64_t from, std::int64_t to) {
    auto q = db_.prepare(fmt::format(
        "SELECT id FROM article WHERE {} AND COALESCE(published, fetched) >= ?1 "
        "AND COALESCE(published, fetched) < ?2 ORDER BY COALESCE(published, fetched) DESC, id DESC",
        condition));
    q.bind(1, from).bind(2, to);
    std::vector<std::int64_t> ids;
    while (q.step()) ids.push_back(q.int64(0));
    std::vector<StoredArticle> out;
    for (auto id : ids)
        if (auto a = article(id)) out.push_back(std::move(*a));
    return out;
}

std::vector<std::int64_t> Store::all_article_ids() {
    auto q = db_.prepare("SELECT id FROM article ORDER BY id");
    std::vector<std::int64_t> ids;
    while (q.step()) ids.push_back(q.int64(0));
    return ids;
}

std::optional<Snapshot> Store::snapshot(std::int64_t article_id) {
    auto q = db_.prepare(
        "SELECT url, fetched, status, headers, body FROM snapshot WHERE article_id = ?1 "
        "ORDER BY fetched DESC, id DESC LIMIT 1");
    q.bind(1, article_id);
    if (!q.step()) return std::nullopt;
    Snapshot s;
    s.url = q.text(0);
    s.fetched = q.int64(1);
    s.status = static_cast<int>(q.int64(2));
    s.headers = q.text(3);
    s.body = decompress(q.text(4));
    return s;
}

Stats Store::stats() {
    Stats s;
    auto one = [&](const char* sql) {
        auto q = db_.prepare(sql);
        q.step();
        return q.int64(0);
    };
    s.articles = one("SELECT COUNT(*) FROM article");
    s.clippings = one("SELECT COUNT(*) FROM article WHERE clipping = 1");
    s.flagged = one("SELECT COUNT(*) FROM flag f JOIN article a ON a.id = f.article_id WHERE f.needed = 1 AND a.clipping = 1");
    s.unreviewed = one(
        "SELECT COUNT(*) FROM article a JOIN review r ON r.article_id = a.id WHERE a.clipping = 1 AND r.state = 'new'");
    s.urls = one("SELECT COUNT(*) FROM frontier");
    s.urls_queued = one("SELECT COUNT(*) FROM frontier WHERE state = 'queued'");
    s.urls_failed = one("SELECT COUNT(*) FROM frontier WHERE state = 'failed'");
    s.snapshots = one("SELECT COUNT(*) FROM snapshot");
    auto q = db_.prepare(
        "SELECT o.slug, o.name, COUNT(a.id), COALESCE(SUM(a.clipping), 0) FROM outlet o "
        "LEFT JOIN article a ON a.outlet = o.slug GROUP BY o.slug HAVING COUNT(a.id) > 0 ORDER BY o.slug");
    while (q.step()) s.outlets.push_back({q.text(0), q.text(1), q.int64(2), q.int64(3)});
    return s;
}

std::vector<std::int64_t> Store::pending_index(std::size_t limit) {
    auto q = db_.prepare("SELECT article_id FROM index_journal ORDER BY article_id LIMIT ?1");
    q.bind(1, static_cast<std::int64_t>(limit));
    std::vector<std::int64_t> ids;
    while (q.step()) ids.push_back(q.int64(0));
    return ids;
}

void Store::mark_indexed(const std::vector<std::int64_t>& ids) {
    db_.transaction([&] {
        auto del = db_.prepare("DELETE FROM index_journal WHERE article_id = ?1");
        for (auto id : ids) del.bind(1, id).run();
    });
}

void Store::queue_index(std::int64_t article_id) {
    db_.prepare(
           "INSERT INTO index_journal(article_id, queued_at) VALUES (?1, ?2) "
           "ON CONFLICT(article_id) DO UPDATE SET version = version + 1, queued_at = excluded.queued_at")
        .bind(1, article_id).bind(2, now()).run();
}

std::vector<IndexJournalEntry> Store::pending_index_entries(std::size_t limit) {
    auto q = db_.prepare("SELECT article_id, version FROM index_journal ORDER BY article_id LIMIT ?1");
    q.bind(1, static_cast<std::int64_t>(limit));
    std::vector<IndexJournalEntry> out;
    while (q.step()) out.push_back({q.int64(0), q.int64(1)});
    return out;
}

void Store::mark_indexed(const std::vector<IndexJournalEntry>& entries) {
    db_.transaction([&] {
        auto del = db_.prepare("DELETE FROM index_journal WHERE article_id = ?1 AND version = ?2");
        for (const auto& e : entries) del.bind(1, e.article_id).bind(2, e.version).run();
    });
}

void Store::audit(const std::string& user, const std::string& action, std::optional<std::int64_t> article_id,
                  const std::string& detail_json) {
    write_audit(db_, user, action, article_id, detail_json);
}

}  // namespace presswatch::store
