#pragma once
// The press office's decisions about clippings, kept in the store: review
// state, topics added or removed, tone, the response flag with its reason,
// notes, and the response chain of a flagged item (letter sent to an
// agency, answered, reply published, closed; reassigned; reopened).
//
// Every change runs in one transaction that also writes an audit entry
// (who, when, what) and queues the article for re-indexing, so the index
// reflects the new state after the next sync. Overdue is never stored: it
// is computed from the deadline and the clock (is_overdue()).
//
// Throws InputError for an unknown article, a bad value or a step the
// response chain does not allow (e.g. "answered" before "sent"); the store
// is unchanged then. A Workflow borrows the Store; like it, not thread-safe.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/store.h"

namespace presswatch::store {

// A step the current state does not allow (the response chain's order:
// "answered" before "sent", closing what is closed): input the user fixes
// by taking the right step first. The CLI exits 2 as for any InputError;
// the web server answers 409.
class ConflictError : public InputError {
public:
    using InputError::InputError;
};

// Response states, in the order a flagged item moves through them.
// "pending": flagged, no letter sent yet (no row in the response table).
inline constexpr const char* response_pending = "pending";
inline constexpr const char* response_sent = "sent";
inline constexpr const char* response_answered = "answered";
inline constexpr const char* response_published = "published";
inline constexpr const char* response_closed = "closed";

struct Response {
    std::string status;                  // sent | answered | published | closed
    std::string agency;                  // slug the letter went to
    std::string letter_number;           // e.g. "123/STTTT-BC"
    std::optional<std::int64_t> letter_date;
    std::optional<std::int64_t> deadline;
    std::optional<std::int64_t> answered_date;
    std::string reply_number;
    std::string answer_summary;
    std::string published_url;           // the published reply or correction
    std::optional<std::int64_t> closed_at;
    std::int64_t updated_at = 0;
};

struct Note {
    std::int64_t at = 0;
    std::string user;
    std::string text;
};

struct AuditEntry {
    std::int64_t id = 0;
    std::int64_t at = 0;
    std::string user;
    std::string action;
    std::optional<std::int64_t> article_id;
    std::string detail_json;
};

struct SentLetter {
    std::string agency;                  // required
    std::string letter_number;           // required
    std::int64_t date = 0;               // the letter's date (Unix seconds)
    std::optional<std::int64_t> deadline;  // else the flag's deadline, if any
};

struct Answer {
    std::int64_t date = 0;
    std::string reply_number;            // the agency's letter number, may be empty
    std::string summary;
};

// True when the item waits for an answer (flagged, pending or sent) and its
// deadline has passed at `now`.
bool is_overdue(const StoredArticle& a, std::int64_t now);
// The status shown to people: "overdue" when is_overdue(), else
// a.response_status ("" for an item that is not flagged).
std::string effective_status(const StoredArticle& a, std::int64_t now);

// Why triage took the article as a clipping, from its stored decision
// (what the review shows beside each item).
std::vector<std::string> review_reasons(const StoredArticle& a);

class Workflow {
public:
    // user: who acts, written to the audit log.
    Workflow(Store& store, std::string user);

    const std::string& user() const { return user_; }

    // new | relevant | not-relevant. "not-relevant" keeps the article
    // searchable; reports leave it out.
    void set_review(std::int64_t id, const std::string& state);
    // Topics a person adds or removes; they survive a re-triage.
    void change_topics(std::int64_t id, const std::vector<std::string>& add,
                       const std::vector<std::string>& remove);
    // positive | neutral | negative; empty returns to triage's tone.
    void set_tone(std::int64_t id, const std::string& tone);
    // The tone a person set, "" when triage's applies (what set_tone("")
    // returns to): what an undo of a tone change restores.
    std::string person_tone(std::int64_t id);
    // Flags the item as needing an answer. Agencies and severity replace
    // triage's when given.
    void set_flag(std::int64_t id, const std::string& reason, const std::vector<std::string>& agencies = {},
                  std::optional<int> severity = std::nullopt);
    // Clears the flag; a reason is required (it is what the audit shows).
    void clear_flag(std::int64_t id, const std::string& reason);
    void add_note(std::int64_t id, const std::string& text);

    // The response chain. sent needs a flagged item not yet sent; answered
    // needs sent; published needs sent or answered; close works from any
    // flagged state; reassign needs sent or answered and starts the clock
    // again with the new letter; reopen needs closed.
    void sent(std::int64_t id, const SentLetter& letter);
    void answered(std::int64_t id, const Answer& answer);
    void published(std::int64_t id, const std::string& url);
    void close(std::int64_t id, const std::string& reason = {});
    void reassign(std::int64_t id, const SentLetter& letter);
    void reopen(std::int64_t id, const std::string& reason = {});

    std::optional<Response> response(std::int64_t id);
    std::vector<Note> notes(std::int64_t id);
    // Audit entries, oldest first; of one article when id is given.
    std::vector<AuditEntry> audit_log(std::optional<std::int64_t> id = std::nullopt);
    // Clippings not yet reviewed, oldest first.
    std::vector<std::int64_t> unreviewed(std::size_t limit = 0);
    // The first unreviewed clipping after article `after` in that order,
    // whether `after` is still unreviewed or not (a skipped item stays
    // behind; a decided one has left the queue): the review one at a time.
    std::optional<std::int64_t> unreviewed_after(std::int64_t after);
    // The same for the articles that name the province only in passing
    // (mention level "passing"): the review's second section.
    std::vector<std::int64_t> unreviewed_passing(std::size_t limit = 0);

private:
    // Runs change inside a transaction after checking the article exists,
    // then writes the audit entry and queues the article for indexing.
    template <class F>
    void change(std::int64_t id, const std::string& action, F&& f);
    std::string current_status(std::int64_t id);
    std::vector<std::int64_t> unreviewed_at(const char* level, std::size_t limit,
                                            std::optional<std::int64_t> after = std::nullopt);

    Store& store_;
    std::string user_;
};

}  // namespace presswatch::store
