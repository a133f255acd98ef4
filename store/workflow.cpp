#include "store/workflow.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"

namespace presswatch::store {
namespace {

using nlohmann::json;

// Slugs are ASCII lower case, digits and dashes (CONVENTIONS.md).
void check_slug(const std::string& what, const std::string& slug) {
    bool ok = !slug.empty() && std::all_of(slug.begin(), slug.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!ok)
        throw InputError(fmt::format("\"{}\" is not a {} slug: use lower-case ASCII letters, digits and dashes, "
                                     "like \"moi-truong\" or \"so-nnmt\"",
                                     slug, what));
}

std::string require_text(const std::string& what, const std::string& text) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw InputError(what + " must not be empty");
    return text;
}

json opt_json(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

bool is_overdue(const StoredArticle& a, std::int64_t now) {
    bool waiting = a.response_status == response_pending || a.response_status == response_sent;
    return waiting && a.deadline && *a.deadline < now;
}

std::string effective_status(const StoredArticle& a, std::int64_t now) {
    return is_overdue(a, now) ? "overdue" : a.response_status;
}

std::vector<std::string> review_reasons(const StoredArticle& a) {
    std::vector<std::string> out;
    auto j = json::parse(a.decision_json, nullptr, false);
    if (j.is_object() && j.contains("reasons") && j["reasons"].is_array())
        for (const auto& r : j["reasons"])
            if (r.is_string()) out.push_back(r.get<std::string>());
    return out;
}

Workflow::Workflow(Store& store, std::string user) : store_(store), user_(std::move(user)) {
    if (user_.empty()) throw InputError("no user for the audit log: give --user NAME");
}

template <class F>
void Workflow::change(std::int64_t id, const std::string& action, F&& f) {
    auto& db = store_.db();
    db.transaction([&] {
        auto q = db.prepare("SELECT 1 FROM article WHERE id = ?1");
        q.bind(1, id);
        if (!q.step()) throw InputError(fmt::format("no article with id {}: check the id with `presswatch search`", id));
        json detail = f();
        store_.audit(user_, action, id, detail.dump());
        store_.queue_index(id);
    });
}

std::string Workflow::current_status(std::int64_t id) {
    auto q = store_.db().prepare(
        "SELECT COALESCE(r.status, CASE WHEN f.needed = 1 THEN 'pending' ELSE '' END) "
        "FROM article a LEFT JOIN flag f ON f.article_id = a.id LEFT JOIN response r ON r.article_id = a.id "
        "WHERE a.id = ?1");
    q.bind(1, id);
    return q.step() ? q.text(0) : std::string();
}

void Workflow::set_review(std::int64_t id, const std::string& state) {
    if (state != "new" && state != "relevant" && state != "not-relevant")
        throw InputError("review state \"" + state + "\" is unknown: use new, relevant or not-relevant");
    change(id, "review", [&] {
        auto& db = store_.db();
        auto old = db.prepare("SELECT state FROM review WHERE article_id = ?1");
        old.bind(1, id);
        std::string from = old.step() ? old.text(0) : "new";
        db.prepare(
              "INSERT INTO review(article_id, state, user, at) VALUES (?1, ?2, ?3, strftime('%s','now')) "
              "ON CONFLICT(article_id) DO UPDATE SET state = excluded.state, user = excluded.user, at = excluded.at")
            .bind(1, id).bind(2, state).bind(3, user_).run();
        return json{{"from", from}, {"to", state}};
    });
}

void Workflow::change_topics(std::int64_t id, const std::vector<std::string>& add,
                             const std::vector<std::string>& remove) {
    for (const auto& t : add) check_slug("topic", t);
    for (const auto& t : remove) check_slug("topic", t);
    if (add.empty() && remove.empty()) throw InputError("no topic to add or remove: write +topic or -topic");
    for (const auto& t : add)
        if (std::find(remove.begin(), remove.end(), t) != remove.end())
            throw InputError("topic \"" + t + "\" is both added and removed");
    change(id, "topics", [&] {
        auto st = store_.db().prepare(
            "INSERT INTO tag(article_id, topic, score, source, removed) VALUES (?1, ?2, 0, 'user', ?3) "
            "ON CONFLICT(article_id, topic) DO UPDATE SET source = 'user', removed = excluded.removed");
        for (const auto& t : add) st.bind(1, id).bind(2, t).bind(3, 0).run();
        for (const auto& t : remove) st.bind(1, id).bind(2, t).bind(3, 1).run();
        return json{{"add", add}, {"remove", remove}};
    });
}

void Workflow::set_tone(std::int64_t id, const std::string& tone) {
    if (!tone.empty() && tone != "positive" && tone != "neutral" && tone != "negative")
        throw InputError("tone \"" + tone + "\" is unknown: use positive, neutral or negative");
    change(id, "tone", [&] {
        store_.db()
            .prepare(
                "INSERT INTO review(article_id, state, tone) VALUES (?1, 'new', ?2) "
                "ON CONFLICT(article_id) DO UPDATE SET tone = excluded.tone")
            .bind(1, id).bind(2, tone.empty() ? std::optional<std::string>() : std::optional<std::string>(tone))
            .run();
        return json{{"tone", tone.empty() ? json(nullptr) : json(tone)}};
    });
}

std::string Workflow::person_tone(std::int64_t id) {
    auto q = store_.db().prepare("SELECT COALESCE(tone, '') FROM review WHERE article_id = ?1");
    q.bind(1, id);
    return q.step() ? q.text(0) : std::string();
}

void Workflow::set_flag(std::int64_t id, const std::string& reason, const std::vector<std::string>& agencies,
                        std::optional<int> severity) {
    for (const auto& a : agencies) check_slug("agency", a);
    if (severity && (*severity < 1 || *severity > 3)) throw InputError("severity must be 1, 2 or 3");
    change(id, "flag", [&] {
        auto& db = store_.db();
        std::optional<std::string> agencies_json;
        if (!agencies.empty()) agencies_json = json(agencies).dump();
        db.prepare(
              "INSERT INTO flag(article_id, needed, severity, agencies, source, user_reason) "
              "VALUES (?1, 1, COALESCE(?2, 1), COALESCE(?3, '[]'), 'user', ?4) "
              "ON CONFLICT(article_id) DO UPDATE SET needed = 1, source = 'user', user_reason = excluded.user_reason, "
              "severity = COALESCE(?2, MAX(flag.severity, 1)), agencies = COALESCE(?3, flag.agencies)")
            .bind(1, id).bind(2, severity).bind(3, agencies_json).bind(4, reason).run();
        json d{{"needed", true}, {"reason", reason}};
        if (!agencies.empty()) d["agencies"] = agencies;
        if (severity) d["severity"] = *severity;
        return d;
    });
}

void Workflow::clear_flag(std::int64_t id, const std::string& reason) {
    require_text("the reason for clearing a flag", reason);
    change(id, "unflag", [&] {
        store_.db()
            .prepare(
                "INSERT INTO flag(article_id, needed, source, user_reason) VALUES (?1, 0, 'user', ?2) "
                "ON CONFLICT(article_id) DO UPDATE SET needed = 0, source = 'user', user_reason = excluded.user_reason")
            .bind(1, id).bind(2, reason).run();
        return json{{"needed", false}, {"reason", reason}};
    });
}

void Workflow::add_note(std::int64_t id, const std::string& text) {
    require_text("a note", text);
    change(id, "note", [&] {
        store_.db()
            .prepare("INSERT INTO note(article_id, at, user, text) VALUES (?1, strftime('%s','now'), ?2, ?3)")
            .bind(1, id).bind(2, user_).bind(3, text).run();
        return json{{"text", text}};
    });
}

void Workflow::sent(std::int64_t id, const SentLetter& letter) {
    check_slug("agency", letter.agency);
    require_text("the letter number", letter.letter_number);
    change(id, "sent", [&] {
        std::string status = current_status(id);
        if (status.empty())
            throw ConflictError(fmt::format("article {} is not flagged: flag it first (`presswatch flag {}`)", id, id));
        if (status != response_pending)
            throw ConflictError(fmt::format(
                "article {} is already {}: use --reassign to send it to another agency, or --reopen", id, status));
        auto& db = store_.db();
        auto fd = db.prepare("SELECT deadline FROM flag WHERE article_id = ?1");
        fd.bind(1, id);
        std::optional<std::int64_t> deadline = letter.deadline;
        if (!deadline && fd.step()) deadline = fd.opt_int64(0);
        db.prepare(
              "INSERT INTO response(article_id, status, agency, letter_number, letter_date, deadline, updated_at) "
              "VALUES (?1, 'sent', ?2, ?3, ?4, ?5, strftime('%s','now'))")
            .bind(1, id).bind(2, letter.agency).bind(3, letter.letter_number).bind(4, letter.date)
            .bind(5, deadline).run();
        return json{{"agency", letter.agency}, {"letter", letter.letter_number}, {"date", letter.date},
                    {"deadline", opt_json(deadline)}};
    });
}

void Workflow::answered(std::int64_t id, const Answer& answer) {
    change(id, "answered", [&] {
        std::string status = current_status(id);
        if (status != response_sent && status != response_answered)
            throw ConflictError(fmt::format("article {} cannot be answered: its response is \"{}\", not sent", id,
                                         status.empty() ? "not flagged" : status));
        store_.db()
            .prepare(
                "UPDATE response SET status = 'answered', answered_date = ?2, reply_number = ?3, "
                "answer_summary = ?4, updated_at = strftime('%s','now') WHERE article_id = ?1")
            .bind(1, id).bind(2, answer.date).bind(3, answer.reply_number).bind(4, answer.summary).run();
        return json{{"date", answer.date}, {"reply", answer.reply_number}, {"summary", answer.summary}};
    });
}

void Workflow::published(std::int64_t id, const std::string& url) {
    require_text("the link of the published reply", url);
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
        throw InputError("\"" + url + "\" is not a link: give the full http(s):// address of the published reply");
    change(id, "published", [&] {
        std::string status = current_status(id);
        if (status != response_sent && status != response_answered && status != response_published)
            throw ConflictError(fmt::format("article {} has no letter sent (its response is \"{}\"): record --sent first",
                                         id, status.empty() ? "not flagged" : status));
        store_.db()
            .prepare(
                "UPDATE response SET status = 'published', published_url = ?2, updated_at = strftime('%s','now') "
                "WHERE article_id = ?1")
            .bind(1, id).bind(2, url).run();
        json d{{"url", url}};
        if (auto other = store_.article_id_by_url(url)) d["article"] = *other;
        return d;
    });
}

void Workflow::close(std::int64_t id, const std::string& reason) {
    change(id, "close", [&] {
        std::string status = current_status(id);
        if (status.empty()) throw ConflictError(fmt::format("article {} is not flagged: there is nothing to close", id));
        if (status == response_closed) throw ConflictError(fmt::format("article {} is already closed", id));
        // A flagged item closed before any letter (handled another way) still
        // gets a response row, so that "closed" is recorded.
        store_.db()
            .prepare(
                "INSERT INTO response(article_id, status, status_before_close, closed_at, updated_at) "
                "VALUES (?1, 'closed', 'pending', strftime('%s','now'), strftime('%s','now')) "
                "ON CONFLICT(article_id) DO UPDATE SET status_before_close = response.status, status = 'closed', "
                "closed_at = excluded.closed_at, updated_at = excluded.updated_at")
            .bind(1, id).run();
        return json{{"from", status}, {"reason", reason}};
    });
}

void Workflow::reassign(std::int64_t id, const SentLetter& letter) {
    check_slug("agency", letter.agency);
    require_text("the letter number", letter.letter_number);
    change(id, "reassign", [&] {
        std::string status = current_status(id);
        if (status != response_sent && status != response_answered)
            throw ConflictError(fmt::format(
                "article {} cannot be reassigned: its response is \"{}\" (only a sent or answered item can)", id,
                status.empty() ? "not flagged" : status));
        auto r = response(id);
        store_.db()
            .prepare(
                "UPDATE response SET status = 'sent', agency = ?2, letter_number = ?3, letter_date = ?4, "
                "deadline = COALESCE(?5, deadline), answered_date = NULL, reply_number = '', answer_summary = '', "
                "updated_at = strftime('%s','now') WHERE article_id = ?1")
            .bind(1, id).bind(2, letter.agency).bind(3, letter.letter_number).bind(4, letter.date)
            .bind(5, letter.deadline).run();
        return json{{"from_agency", r ? r->agency : ""}, {"agency", letter.agency}, {"letter", letter.letter_number},
                    {"date", letter.date}, {"deadline", opt_json(letter.deadline)}};
    });
}

void Workflow::reopen(std::int64_t id, const std::string& reason) {
    change(id, "reopen", [&] {
        std::string status = current_status(id);
        if (status != response_closed)
            throw ConflictError(fmt::format("article {} is not closed (its response is \"{}\"): nothing to reopen", id,
                                         status.empty() ? "not flagged" : status));
        auto& db = store_.db();
        auto q = db.prepare("SELECT letter_number FROM response WHERE article_id = ?1");
        q.bind(1, id);
        bool had_letter = q.step() && !q.text(0).empty();
        q.reset();
        // Back to waiting: for the agency's answer when a letter went out,
        // else for the letter itself.
        if (had_letter)
            db.prepare(
                  "UPDATE response SET status = CASE WHEN status_before_close IN ('answered','published') "
                  "THEN status_before_close ELSE 'sent' END, closed_at = NULL, status_before_close = NULL, "
                  "updated_at = strftime('%s','now') WHERE article_id = ?1")
                .bind(1, id).run();
        else
            db.prepare("DELETE FROM response WHERE article_id = ?1").bind(1, id).run();
        db.prepare("UPDATE flag SET needed = 1 WHERE article_id = ?1").bind(1, id).run();
        return json{{"reason", reason}};
    });
}

std::optional<Response> Workflow::response(std::int64_t id) {
    auto q = store_.db().prepare(
        "SELECT status, agency, letter_number, letter_date, deadline, answered_date, reply_number, answer_summary, "
        "published_url, closed_at, updated_at FROM response WHERE article_id = ?1");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    Response r;
    r.status = q.text(0);
    r.agency = q.text(1);
    r.letter_number = q.text(2);
    r.letter_date = q.opt_int64(3);
    r.deadline = q.opt_int64(4);
    r.answered_date = q.opt_int64(5);
    r.reply_number = q.text(6);
    r.answer_summary = q.text(7);
    r.published_url = q.text(8);
    r.closed_at = q.opt_int64(9);
    r.updated_at = q.int64(10);
    return r;
}

std::vector<Note> Workflow::notes(std::int64_t id) {
    auto q = store_.db().prepare("SELECT at, user, text FROM note WHERE article_id = ?1 ORDER BY at, id");
    q.bind(1, id);
    std::vector<Note> out;
    while (q.step()) out.push_back({q.int64(0), q.text(1), q.text(2)});
    return out;
}

std::vector<AuditEntry> Workflow::audit_log(std::optional<std::int64_t> id) {
    auto q = store_.db().prepare(
        "SELECT id, at, user, action, article_id, detail FROM audit WHERE ?1 IS NULL OR article_id = ?1 ORDER BY id");
    q.bind(1, id);
    std::vector<AuditEntry> out;
    while (q.step()) out.push_back({q.int64(0), q.int64(1), q.text(2), q.text(3), q.opt_int64(4), q.text(5)});
    return out;
}

std::vector<std::int64_t> Workflow::unreviewed(std::size_t limit) { return unreviewed_at("subject", limit); }

std::optional<std::int64_t> Workflow::unreviewed_after(std::int64_t after) {
    auto ids = unreviewed_at("subject", 1, after);
    if (ids.empty()) return std::nullopt;
    return ids.front();
}

std::vector<std::int64_t> Workflow::unreviewed_passing(std::size_t limit) { return unreviewed_at("passing", limit); }

std::vector<std::int64_t> Workflow::unreviewed_at(const char* level, std::size_t limit,
                                                 std::optional<std::int64_t> after) {
    // With after: only those after that article in this order, compared as
    // a row value (whether it is still unreviewed or not).
    auto q = store_.db().prepare(
        "SELECT a.id FROM article a LEFT JOIN review r ON r.article_id = a.id "
        "WHERE a.mention_level = ?2 AND COALESCE(r.state, 'new') = 'new' "
        "AND (?3 IS NULL OR (COALESCE(a.published, a.fetched), a.id) > "
        "(SELECT COALESCE(b.published, b.fetched), b.id FROM article b WHERE b.id = ?3)) "
        "ORDER BY COALESCE(a.published, a.fetched), a.id LIMIT ?1");
    q.bind(1, limit ? static_cast<std::int64_t>(limit) : std::int64_t{-1}).bind(2, level).bind(3, after);
    std::vector<std::int64_t> ids;
    while (q.step()) ids.push_back(q.int64(0));
    return ids;
}

}  // namespace presswatch::store
