#include "bench/search/fts5_baseline.h"

#include "text/dates.h"

namespace presswatch::bench {
namespace {

constexpr int page = 10;
constexpr const char* snippet_sql = "snippet(doc, 2, char(1), char(2), '…', 24)";

std::string day(std::int64_t t) {
    std::string iso = text::iso_date(t);
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

}  // namespace

Fts5Baseline::Fts5Baseline(const std::filesystem::path& file) : db_(file) {
    db_.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144");
    db_.exec(
        "CREATE VIRTUAL TABLE IF NOT EXISTS doc USING fts5(headline, lead, body, "
        "tokenize = 'unicode61 remove_diacritics 2');"
        "CREATE TABLE IF NOT EXISTS meta(id INTEGER PRIMARY KEY, outlet TEXT, day TEXT, month TEXT, time INTEGER, "
        "story INTEGER, flagged INTEGER);"
        "CREATE TABLE IF NOT EXISTS topic(id INTEGER, topic TEXT, PRIMARY KEY(topic, id)) WITHOUT ROWID;");
}

void Fts5Baseline::begin() { db_.exec("BEGIN"); }
void Fts5Baseline::commit() { db_.exec("COMMIT"); }
void Fts5Baseline::optimize() {
    db_.exec("INSERT INTO doc(doc) VALUES('optimize')");
    db_.exec("CREATE INDEX IF NOT EXISTS meta_outlet ON meta(outlet); CREATE INDEX IF NOT EXISTS meta_day ON meta(day)");
}

void Fts5Baseline::add(const index::Document& d) {
    db_.prepare("INSERT INTO doc(rowid, headline, lead, body) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, d.id).bind(2, d.headline).bind(3, d.lead).bind(4, d.body).run();
    std::int64_t t = d.published.value_or(d.fetched);
    std::string dd = day(t);
    db_.prepare("INSERT INTO meta VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, d.id).bind(2, d.outlet).bind(3, dd).bind(4, dd.substr(0, 4) + "-" + dd.substr(4, 2)).bind(5, t)
        .bind(6, d.story.value_or(d.id)).bind(7, d.flagged ? 1 : 0).run();
    auto tp = db_.prepare("INSERT OR IGNORE INTO topic VALUES (?1, ?2)");
    for (const auto& topic : d.topics) tp.bind(1, d.id).bind(2, topic).run();
}

std::size_t Fts5Baseline::words(const std::string& match) {
    auto q = db_.prepare(std::string("SELECT rowid, ") + snippet_sql +
                         " FROM doc WHERE doc MATCH ?1 ORDER BY rank LIMIT " + std::to_string(page));
    q.bind(1, match);
    std::size_t n = 0;
    while (q.step()) n += !q.text(1).empty();
    return n;
}

std::size_t Fts5Baseline::filtered(const std::string& match, const std::string& outlet, const std::string& topic) {
    auto q = db_.prepare(std::string("SELECT doc.rowid, ") + snippet_sql +
                         " FROM doc JOIN meta m ON m.id = doc.rowid WHERE doc MATCH ?1 AND m.outlet = ?2 "
                         "AND EXISTS (SELECT 1 FROM topic t WHERE t.topic = ?3 AND t.id = doc.rowid) "
                         "ORDER BY rank LIMIT " + std::to_string(page));
    q.bind(1, match).bind(2, outlet).bind(3, topic);
    std::size_t n = 0;
    while (q.step()) n += !q.text(1).empty();
    return n;
}

std::size_t Fts5Baseline::date_facets(const std::string& match, const std::string& from_day,
                                      const std::string& to_day) {
    db_.exec("DROP TABLE IF EXISTS temp.hits");
    db_.prepare("CREATE TEMP TABLE hits AS SELECT m.id, m.outlet, m.month, m.flagged FROM doc JOIN meta m "
                "ON m.id = doc.rowid WHERE doc MATCH ?1 AND m.day BETWEEN ?2 AND ?3")
        .bind(1, match).bind(2, from_day).bind(3, to_day).run();
    for (const char* sql : {"SELECT outlet, count(*) FROM hits GROUP BY outlet",
                            "SELECT month, count(*) FROM hits GROUP BY month",
                            "SELECT flagged, count(*) FROM hits GROUP BY flagged",
                            "SELECT t.topic, count(*) FROM hits h JOIN topic t ON t.id = h.id GROUP BY t.topic"}) {
        auto q = db_.prepare(sql);
        while (q.step()) {
        }
    }
    auto q = db_.prepare(std::string("SELECT doc.rowid, ") + snippet_sql +
                         " FROM doc JOIN meta m ON m.id = doc.rowid WHERE doc MATCH ?1 AND m.day BETWEEN ?2 AND ?3 "
                         "ORDER BY rank LIMIT " + std::to_string(page));
    q.bind(1, match).bind(2, from_day).bind(3, to_day);
    std::size_t n = 0;
    while (q.step()) n += !q.text(1).empty();
    return n;
}

std::size_t Fts5Baseline::date_collapsed(const std::string& match) {
    // SQLite returns the row holding max(time) for the bare column m.id.
    auto top = db_.prepare("SELECT m.id, max(m.time) FROM doc JOIN meta m ON m.id = doc.rowid WHERE doc MATCH ?1 "
                           "GROUP BY m.story ORDER BY 2 DESC LIMIT " + std::to_string(page));
    top.bind(1, match);
    std::vector<std::int64_t> ids;
    while (top.step()) ids.push_back(top.int64(0));
    auto snip = db_.prepare(std::string("SELECT ") + snippet_sql + " FROM doc WHERE doc MATCH ?1 AND rowid = ?2");
    std::size_t n = 0;
    for (auto id : ids) {
        snip.bind(1, match).bind(2, id);
        if (snip.step()) n += !snip.text(0).empty();
        snip.reset();
    }
    return n;
}

}  // namespace presswatch::bench

namespace presswatch::bench {

std::string Fts5Baseline::text(std::int64_t id) {
    if (!text_) text_.emplace(db_.prepare("SELECT lead, body FROM doc WHERE rowid = ?1"));
    text_->bind(1, id);
    std::string out;
    if (text_->step()) out = text_->text(0) + "\n\n" + text_->text(1);
    text_->reset();
    return out;
}

}  // namespace presswatch::bench
