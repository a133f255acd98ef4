#include "store/workflow_dump.h"

#include <istream>
#include <map>
#include <ostream>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "text/dates.h"

namespace presswatch::store {
namespace {

using nlohmann::json;

constexpr int dump_version = 1;

json date_json(const std::optional<std::int64_t>& t) { return t ? json(text::iso8601(*t)) : json(nullptr); }

// A line being restored: every accessor throws InputError naming the line.
class Line {
public:
    Line(json j, std::string where) : j_(std::move(j)), where_(std::move(where)) {}

    [[noreturn]] void fail(const std::string& msg) const { throw InputError(where_ + ": " + msg); }

    const json& get() const { return j_; }
    const json* part(const json& obj, const char* key) const {
        auto it = obj.find(key);
        return it == obj.end() || it->is_null() ? nullptr : &*it;
    }
    std::string str(const json& obj, const char* key, bool required = false) const {
        const json* v = part(obj, key);
        if (!v) {
            if (required) fail(fmt::format("\"{}\" is missing", key));
            return {};
        }
        if (!v->is_string()) fail(fmt::format("\"{}\" must be a string", key));
        return v->get<std::string>();
    }
    std::optional<std::int64_t> date(const json& obj, const char* key) const {
        const json* v = part(obj, key);
        if (!v) return std::nullopt;
        if (v->is_number_integer()) return v->get<std::int64_t>();
        if (!v->is_string()) fail(fmt::format("\"{}\" must be an ISO 8601 date", key));
        auto t = text::parse_iso8601(v->get<std::string>());
        if (!t) fail(fmt::format("\"{}\": \"{}\" is not an ISO 8601 date", key, v->get<std::string>()));
        return t;
    }
    std::vector<std::string> strings(const json& obj, const char* key) const {
        std::vector<std::string> out;
        const json* v = part(obj, key);
        if (!v) return out;
        if (!v->is_array()) fail(fmt::format("\"{}\" must be a list of strings", key));
        for (const auto& e : *v) {
            if (!e.is_string()) fail(fmt::format("\"{}\" must be a list of strings", key));
            out.push_back(e.get<std::string>());
        }
        return out;
    }

private:
    json j_;
    std::string where_;
};

// The article lines, gathered from each decision table in turn.
std::map<std::int64_t, json> collect_articles(Database& db) {
    std::map<std::int64_t, json> out;
    auto entry = [&](std::int64_t id, const std::string& url) -> json& {
        json& j = out[id];
        if (j.is_null()) j = json{{"kind", "article"}, {"url", url}};
        return j;
    };
    auto q = db.prepare(
        "SELECT a.id, a.url, r.state, r.user, r.at, r.tone FROM review r JOIN article a ON a.id = r.article_id "
        "WHERE r.state != 'new' OR r.tone IS NOT NULL");
    while (q.step()) {
        json& j = entry(q.int64(0), q.text(1));
        if (q.text(2) != "new" || !q.is_null(3))
            j["review"] = {{"state", q.text(2)}, {"user", q.text(3)}, {"at", date_json(q.opt_int64(4))}};
        if (!q.is_null(5)) j["tone"] = q.text(5);
    }
    q = db.prepare(
        "SELECT a.id, a.url, t.topic, t.removed FROM tag t JOIN article a ON a.id = t.article_id "
        "WHERE t.source = 'user' ORDER BY t.topic");
    while (q.step()) {
        json& topics = entry(q.int64(0), q.text(1))["topics"];
        if (topics.is_null()) topics = {{"add", json::array()}, {"remove", json::array()}};
        topics[q.int64(3) ? "remove" : "add"].push_back(q.text(2));
    }
    q = db.prepare(
        "SELECT a.id, a.url, f.needed, f.severity, f.agencies, f.deadline, f.user_reason FROM flag f "
        "JOIN article a ON a.id = f.article_id WHERE f.source = 'user'");
    while (q.step())
        entry(q.int64(0), q.text(1))["flag"] = {{"needed", q.int64(2) != 0}, {"severity", q.int64(3)},
                                                {"agencies", json::parse(q.text(4), nullptr, false)},
                                                {"deadline", date_json(q.opt_int64(5))}, {"reason", q.text(6)}};
    q = db.prepare(
        "SELECT a.id, a.url, r.status, r.agency, r.letter_number, r.letter_date, r.deadline, r.answered_date, "
        "r.reply_number, r.answer_summary, r.published_url, r.closed_at, r.status_before_close, r.updated_at "
        "FROM response r JOIN article a ON a.id = r.article_id");
    while (q.step())
        entry(q.int64(0), q.text(1))["response"] = {
            {"status", q.text(2)},          {"agency", q.text(3)},
            {"letter_number", q.text(4)},   {"letter_date", date_json(q.opt_int64(5))},
            {"deadline", date_json(q.opt_int64(6))}, {"answered_date", date_json(q.opt_int64(7))},
            {"reply_number", q.text(8)},    {"answer_summary", q.text(9)},
            {"published_url", q.text(10)},  {"closed_at", date_json(q.opt_int64(11))},
            {"status_before_close", q.is_null(12) ? json(nullptr) : json(q.text(12))},
            {"updated_at", date_json(q.opt_int64(13))}};
    q = db.prepare(
        "SELECT a.id, a.url, n.at, n.user, n.text FROM note n JOIN article a ON a.id = n.article_id "
        "ORDER BY n.at, n.id");
    while (q.step())
        entry(q.int64(0), q.text(1))["notes"].push_back(
            {{"at", text::iso8601(q.int64(2))}, {"user", q.text(3)}, {"text", q.text(4)}});
    return out;
}

// Prepared once: a restore of 100,000 decisions runs each of these
// statements hundreds of thousands of times.
struct Writers {
    explicit Writers(Database& db)
        : by_url(db.prepare("SELECT id FROM article WHERE url = ?1")),
          review(db.prepare(
              "INSERT INTO review(article_id, state, user, at, tone) VALUES (?1, ?2, ?3, ?4, ?5) "
              "ON CONFLICT(article_id) DO UPDATE SET state = excluded.state, user = excluded.user, "
              "at = excluded.at, tone = excluded.tone")),
          topic(db.prepare(
              "INSERT INTO tag(article_id, topic, score, source, removed) VALUES (?1, ?2, 0, 'user', ?3) "
              "ON CONFLICT(article_id, topic) DO UPDATE SET source = 'user', removed = excluded.removed")),
          flag(db.prepare(
              "INSERT INTO flag(article_id, needed, severity, agencies, deadline, source, user_reason) "
              "VALUES (?1, ?2, ?3, ?4, ?5, 'user', ?6) ON CONFLICT(article_id) DO UPDATE SET "
              "needed = excluded.needed, severity = excluded.severity, agencies = excluded.agencies, "
              "deadline = excluded.deadline, source = 'user', user_reason = excluded.user_reason")),
          response(db.prepare(
              "INSERT OR REPLACE INTO response(article_id, status, agency, letter_number, letter_date, deadline, "
              "answered_date, reply_number, answer_summary, published_url, closed_at, status_before_close, "
              "updated_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)")),
          note(db.prepare(
              "INSERT INTO note(article_id, at, user, text) SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS "
              "(SELECT 1 FROM note WHERE article_id = ?1 AND at = ?2 AND user = ?3 AND text = ?4)")),
          audit(db.prepare(
              "INSERT INTO audit(at, user, action, article_id, detail) SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS "
              "(SELECT 1 FROM audit WHERE at = ?1 AND user = ?2 AND action = ?3 AND article_id IS ?4 "
              "AND detail = ?5)")),
          audit_waiting(db.prepare(
              "INSERT INTO audit(at, user, action, article_id, detail, waiting_url) SELECT ?1, ?2, ?3, NULL, ?4, ?5 "
              "WHERE NOT EXISTS (SELECT 1 FROM audit WHERE waiting_url = ?5 AND at = ?1 AND user = ?2 "
              "AND action = ?3 AND detail = ?4)")),
          index(db.prepare("INSERT INTO index_journal(article_id, queued_at) VALUES (?1, strftime('%s','now')) "
                           "ON CONFLICT(article_id) DO UPDATE SET version = version + 1, queued_at = excluded.queued_at")),
          pending(db.prepare("INSERT OR REPLACE INTO pending_decision(url, line, source, user, restored_at) "
                             "VALUES (?1, ?2, ?3, ?4, strftime('%s','now'))")),
          forget_pending(db.prepare("DELETE FROM pending_decision WHERE url = ?1")) {}

    std::optional<std::int64_t> article(const std::string& url) {
        by_url.bind(1, url);
        std::optional<std::int64_t> id;
        if (by_url.step()) id = by_url.int64(0);
        by_url.reset();
        return id;
    }

    Statement by_url, review, topic, flag, response, note, audit, audit_waiting, index, pending, forget_pending;
};

// Reads an article line and, when id is set, writes it to that article;
// without an id it only checks the line (an article not stored yet).
void restore_article(const Line& l, std::optional<std::int64_t> id, Writers& w) {
    const json& j = l.get();
    if (auto tone = l.str(j, "tone"); !tone.empty() && tone != "positive" && tone != "neutral" && tone != "negative")
        l.fail("tone \"" + tone + "\" is unknown");
    if (const json* r = l.part(j, "review")) {
        std::string state = l.str(*r, "state", true);
        if (state != "new" && state != "relevant" && state != "not-relevant")
            l.fail("review state \"" + state + "\" is unknown");
        std::optional<std::string> tone;
        if (l.part(j, "tone")) tone = l.str(j, "tone");
        std::string user = l.str(*r, "user");
        auto at = l.date(*r, "at");
        if (id) w.review.bind(1, *id).bind(2, state).bind(3, user).bind(4, at).bind(5, tone).run();
    } else if (l.part(j, "tone") && id) {
        w.review.bind(1, *id).bind(2, "new").bind_null(3).bind_null(4).bind(5, l.str(j, "tone")).run();
    }
    if (const json* t = l.part(j, "topics")) {
        auto add = l.strings(*t, "add"), remove = l.strings(*t, "remove");
        if (id) {
            for (const auto& s : add) w.topic.bind(1, *id).bind(2, s).bind(3, 0).run();
            for (const auto& s : remove) w.topic.bind(1, *id).bind(2, s).bind(3, 1).run();
        }
    }
    if (const json* f = l.part(j, "flag")) {
        const json* needed = l.part(*f, "needed");
        if (!needed || !needed->is_boolean()) l.fail("flag: \"needed\" must be true or false");
        const json* sev = l.part(*f, "severity");
        if (sev && !sev->is_number_integer()) l.fail("flag: \"severity\" must be a number");
        auto agencies = json(l.strings(*f, "agencies")).dump();
        auto deadline = l.date(*f, "deadline");
        auto reason = l.str(*f, "reason");
        if (id)
            w.flag.bind(1, *id).bind(2, needed->get<bool>() ? 1 : 0).bind(3, sev ? sev->get<std::int64_t>() : 0)
                .bind(4, agencies).bind(5, deadline).bind(6, reason).run();
    }
    if (const json* r = l.part(j, "response")) {
        static const std::set<std::string> states = {"sent", "answered", "published", "closed"};
        std::string status = l.str(*r, "status", true);
        if (!states.count(status)) l.fail("response status \"" + status + "\" is unknown");
        std::optional<std::string> before;
        if (l.part(*r, "status_before_close")) before = l.str(*r, "status_before_close");
        auto agency = l.str(*r, "agency"), letter = l.str(*r, "letter_number");
        auto letter_date = l.date(*r, "letter_date"), deadline = l.date(*r, "deadline");
        auto answered = l.date(*r, "answered_date");
        auto reply = l.str(*r, "reply_number"), summary = l.str(*r, "answer_summary");
        auto published = l.str(*r, "published_url");
        auto closed = l.date(*r, "closed_at");
        auto updated = l.date(*r, "updated_at").value_or(0);
        if (id)
            w.response.bind(1, *id).bind(2, status).bind(3, agency).bind(4, letter).bind(5, letter_date)
                .bind(6, deadline).bind(7, answered).bind(8, reply).bind(9, summary).bind(10, published)
                .bind(11, closed).bind(12, before).bind(13, updated).run();
    }
    if (const json* notes = l.part(j, "notes")) {
        if (!notes->is_array()) l.fail("\"notes\" must be a list");
        for (const auto& n : *notes) {
            if (!n.is_object()) l.fail("each note must be an object with at, user and text");
            auto at = l.date(n, "at").value_or(0);
            auto user = l.str(n, "user"), text = l.str(n, "text", true);
            if (id) w.note.bind(1, *id).bind(2, at).bind(3, user).bind(4, text).run();
        }
    }
    if (id) w.index.bind(1, *id).run();
}

// Attaches the audit rows waiting for url (audit.waiting_url) to the
// article id: they become what a restore into a store that had the
// article writes, so restoring again adds nothing.
void attach_waiting_audit(Database& db, std::int64_t id, const std::string& url) {
    db.prepare("UPDATE audit SET article_id = ?1, waiting_url = NULL WHERE waiting_url = ?2").bind(1, id).bind(2, url).run();
}

}  // namespace

DumpCounts dump_decisions(Store& store, std::ostream& out) {
    auto& db = store.db();
    DumpCounts c;
    // One read transaction: a consistent snapshot even while a crawl writes.
    db.exec("BEGIN");
    try {
        out << json{{"presswatch", "decisions"}, {"version", dump_version},
                    {"created", text::iso8601(static_cast<std::int64_t>(std::time(nullptr)))}}
                   .dump()
            << '\n';
        for (const auto& [id, j] : collect_articles(db)) {
            out << j.dump() << '\n';
            ++c.articles;
        }
        // Decisions still waiting for their article, as they were restored.
        auto p = db.prepare("SELECT line FROM pending_decision ORDER BY url");
        while (p.step()) {
            out << p.text(0) << '\n';
            ++c.articles;
        }
        auto q = db.prepare(
            "SELECT u.at, u.user, u.action, COALESCE(a.url, u.waiting_url), u.detail FROM audit u "
            "LEFT JOIN article a ON a.id = u.article_id ORDER BY u.id");
        while (q.step()) {
            json line{{"kind", "audit"}, {"at", text::iso8601(q.int64(0))}, {"user", q.text(1)}, {"action", q.text(2)}};
            if (!q.is_null(3)) line["url"] = q.text(3);
            json detail = json::parse(q.text(4), nullptr, false);
            if (detail.is_discarded()) detail = q.text(4);
            line["detail"] = std::move(detail);
            out << line.dump() << '\n';
            ++c.audit;
        }
        db.exec("COMMIT");
    } catch (...) {
        db.exec("ROLLBACK");
        throw;
    }
    if (!out) throw RuntimeFailure("cannot write the dump: the disk may be full");
    return c;
}

RestoreResult restore_decisions(Store& store, std::istream& in, const std::string& source, const std::string& user) {
    auto& db = store.db();
    return db.transaction([&] {
        RestoreResult r;
        Writers w(db);
        std::string text;
        std::size_t lineno = 0;
        bool header = false;
        while (std::getline(in, text)) {
            ++lineno;
            if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
            std::string where = fmt::format("{}:{}", source, lineno);
            json j = json::parse(text, nullptr, false);
            if (j.is_discarded() || !j.is_object())
                throw InputError(where + ": not a JSON object; is this a file written by `presswatch dump`?");
            Line l(std::move(j), where);
            if (!header) {
                if (l.str(l.get(), "presswatch") != "decisions")
                    l.fail("not a presswatch dump: the first line must be {\"presswatch\":\"decisions\",...}");
                const json* v = l.part(l.get(), "version");
                if (!v || !v->is_number_integer() || v->get<int>() > dump_version)
                    l.fail(fmt::format("dump version not supported (this presswatch reads version {})", dump_version));
                header = true;
                continue;
            }
            std::string kind = l.str(l.get(), "kind", true);
            std::string url = l.str(l.get(), "url", kind == "article");
            std::optional<std::int64_t> id;
            if (!url.empty()) id = w.article(url);
            if (kind == "article") {
                restore_article(l, id, w);
                if (id) {
                    w.forget_pending.bind(1, url).run();
                    ++r.articles;
                } else {
                    w.pending.bind(1, url).bind(2, l.get().dump()).bind(3, source).bind(4, user).run();
                    r.unmatched.push_back(url);
                }
            } else if (kind == "audit") {
                json detail = l.part(l.get(), "detail") ? l.get()["detail"] : json::object();
                auto at = l.date(l.get(), "at");
                if (!at) l.fail("\"at\" is missing");
                std::string who = l.str(l.get(), "user", true), action = l.str(l.get(), "action", true);
                std::string text = detail.is_string() ? detail.get<std::string>() : detail.dump();
                // An article not stored yet: the row waits with its URL.
                if (!id && !url.empty())
                    w.audit_waiting.bind(1, *at).bind(2, who).bind(3, action).bind(4, text).bind(5, url).run();
                else
                    w.audit.bind(1, *at).bind(2, who).bind(3, action).bind(4, id).bind(5, text).run();
                if (db.changes() > 0) ++r.audit;
            } else {
                l.fail("\"kind\" must be \"article\" or \"audit\", not \"" + kind + "\"");
            }
        }
        if (!header) throw InputError(source + ": empty: not a presswatch dump");
        auto waiting = db.prepare("SELECT COUNT(*) FROM pending_decision");
        waiting.step();
        r.waiting = static_cast<std::size_t>(waiting.int64(0));
        store.audit(user, "restore", std::nullopt,
                    json{{"source", source}, {"articles", r.articles}, {"audit", r.audit},
                         {"unmatched", r.unmatched.size()}}
                        .dump());
        return r;
    });
}

bool apply_pending_decision(Database& db, std::int64_t id, const std::string& url) {
    auto q = db.cached("SELECT line, source, user, restored_at FROM pending_decision WHERE url = ?1");
    q->bind(1, url);
    if (!q->step()) return false;
    std::string text = q->text(0), source = q->text(1), user = q->text(2);
    std::int64_t restored_at = q->int64(3);
    q->reset();
    json j = json::parse(text, nullptr, false);
    // The line was checked when it was restored; a row that no longer
    // parses (edited by hand) is left for `restore` to report.
    if (j.is_discarded() || !j.is_object()) return false;
    Writers w(db);
    // Never let a waiting decision stop the crawl that stores its article:
    // a line that fails now (edited by hand) is undone and left waiting.
    db.exec("SAVEPOINT pending_decision");
    try {
        restore_article(Line(std::move(j), "pending decision for " + url + " (from " + source + ")"), id, w);
    } catch (const InputError&) {
        db.exec("ROLLBACK TO pending_decision");
        db.exec("RELEASE pending_decision");
        return false;
    }
    db.exec("RELEASE pending_decision");
    attach_waiting_audit(db, id, url);
    w.forget_pending.bind(1, url).run();
    db.prepare("INSERT INTO audit(at, user, action, article_id, detail) VALUES (strftime('%s','now'), ?1, "
               "'restore-pending', ?2, ?3)")
        .bind(1, user).bind(2, id)
        .bind(3, json{{"source", source}, {"restored_at", text::iso8601(restored_at)}}.dump()).run();
    return true;
}

}  // namespace presswatch::store
