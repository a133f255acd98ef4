#include "store/frontier.h"

namespace presswatch::store {
namespace {

constexpr const char* entry_columns =
    "url, outlet, kind, state, attempts, next_try, last_status, last_error, etag, last_modified, body_hash, "
    "final_url, discovered_from, published, fetched_at";

FrontierEntry read_entry(const Statement& s) {
    FrontierEntry e;
    e.url = s.text(0);
    e.outlet = s.text(1);
    e.kind = s.text(2);
    e.state = s.text(3);
    e.attempts = static_cast<int>(s.int64(4));
    e.next_try = s.opt_int64(5);
    e.last_status = s.opt_int64(6);
    e.last_error = s.text(7);
    e.etag = s.text(8);
    e.last_modified = s.text(9);
    e.body_hash = s.text(10);
    e.final_url = s.text(11);
    e.discovered_from = s.text(12);
    e.published = s.opt_int64(13);
    e.fetched_at = s.opt_int64(14);
    return e;
}

}  // namespace

bool Frontier::add(const std::string& url, const std::string& outlet, const std::string& kind,
                   const std::string& discovered_from, std::optional<std::int64_t> published, std::int64_t now) {
    auto st = db_.cached(
        "INSERT INTO frontier(url, outlet, kind, discovered_at, discovered_from, published) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(url) DO NOTHING");
    st->bind(1, url).bind(2, outlet).bind(3, kind).bind(4, now).bind(5, discovered_from).bind(6, published);
    st->run();
    return db_.changes() > 0;
}

std::optional<FrontierEntry> Frontier::get(const std::string& url) {
    auto st = db_.prepare(std::string("SELECT ") + entry_columns + " FROM frontier WHERE url = ?1");
    st.bind(1, url);
    if (!st.step()) return std::nullopt;
    return read_entry(st);
}

std::vector<FrontierEntry> Frontier::due_articles(std::int64_t now, std::size_t limit) {
    auto st = db_.prepare(std::string("SELECT ") + entry_columns +
                          " FROM frontier WHERE state = 'queued' AND kind = 'article' "
                          "AND (next_try IS NULL OR next_try <= ?1) ORDER BY discovered_at, rowid LIMIT ?2");
    st.bind(1, now).bind(2, static_cast<std::int64_t>(limit));
    std::vector<FrontierEntry> out;
    while (st.step()) out.push_back(read_entry(st));
    return out;
}

std::vector<std::pair<std::int64_t, std::string>> Frontier::due_articles_after(const std::string& outlet,
                                                                               std::int64_t after, std::int64_t now,
                                                                               std::size_t limit) {
    auto st = db_.prepare("SELECT rowid, url FROM frontier WHERE state = 'queued' AND kind = 'article' AND outlet = ?1 "
                          "AND rowid > ?2 AND (next_try IS NULL OR next_try <= ?3) ORDER BY rowid LIMIT ?4");
    st.bind(1, outlet).bind(2, after).bind(3, now).bind(4, static_cast<std::int64_t>(limit));
    std::vector<std::pair<std::int64_t, std::string>> out;
    while (st.step()) out.emplace_back(st.int64(0), st.text(1));
    return out;
}

std::int64_t Frontier::queued_articles() {
    auto st = db_.prepare("SELECT COUNT(*) FROM frontier WHERE state = 'queued' AND kind = 'article'");
    st.step();
    return st.int64(0);
}

void Frontier::mark_done(const std::string& url, int status, const std::string& final_url, std::int64_t now,
                         const std::string& etag, const std::string& last_modified, const std::string& body_hash) {
    // A 304 carries no validators of its own: keep the old ones then.
    auto st = db_.cached(
        "UPDATE frontier SET state = 'done', attempts = attempts + 1, next_try = NULL, last_status = ?2, "
        "last_error = NULL, final_url = ?3, fetched_at = ?4, "
        "etag = CASE WHEN ?5 = '' THEN etag ELSE ?5 END, "
        "last_modified = CASE WHEN ?6 = '' THEN last_modified ELSE ?6 END, "
        "body_hash = CASE WHEN ?7 = '' THEN body_hash ELSE ?7 END WHERE url = ?1");
    st->bind(1, url).bind(2, status).bind(3, final_url).bind(4, now).bind(5, etag).bind(6, last_modified).bind(7, body_hash);
    st->run();
}

void Frontier::mark_failed(const std::string& url, std::optional<int> status, const std::string& error,
                           std::int64_t now, std::optional<std::int64_t> next_try) {
    // Sources keep their state (they are read every pass); articles stay
    // queued while there is a next try and become failed when there is none.
    auto st = db_.prepare(
        "UPDATE frontier SET attempts = attempts + 1, last_status = ?2, last_error = ?3, fetched_at = ?4, "
        "next_try = ?5, state = CASE WHEN kind != 'article' THEN state WHEN ?5 IS NULL THEN 'failed' "
        "ELSE 'queued' END WHERE url = ?1");
    st.bind(1, url).bind(2, status).bind(3, error).bind(4, now).bind(5, next_try);
    st.run();
}

void Frontier::mark_skipped(const std::string& url, std::optional<int> status, const std::string& reason,
                            std::int64_t now) {
    auto st = db_.prepare(
        "UPDATE frontier SET state = 'skipped', last_status = ?2, last_error = ?3, fetched_at = ?4, "
        "next_try = NULL WHERE url = ?1");
    st.bind(1, url).bind(2, status).bind(3, reason).bind(4, now);
    st.run();
}

}  // namespace presswatch::store
