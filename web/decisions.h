#pragma once
// The review decisions the pages and the API take on clippings: review
// state, tone, topics (+/-), and a bulk action on a selection. One
// implementation for the forms (web/page_review.cpp, web/page_article.cpp)
// and the JSON API (web/api.cpp).
//
// Every change goes through store::Workflow as the caller, so each item
// gets the same audit row as `presswatch mark` / `tag` / `flag`, with the
// account's name as the user. A bulk action is all or nothing: every id is
// checked before the first write, and all items change in one SQLite
// transaction (a failure on any item rolls back every item). The caller's
// last decision (a single one, or the whole bulk action) can be undone.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <httplib.h>

#include "web/site.h"

namespace presswatch::web {

// The most items one bulk action may change: the review list shows 50; a
// request naming more is almost surely not a person's selection.
inline constexpr std::size_t max_bulk_items = 500;

// What to do to each item. what: review (value new | relevant |
// not-relevant), tone (value positive | neutral | negative | auto), topics
// (add / remove slugs), flag (reason; agencies and severity replace
// triage's when given).
struct Change {
    std::string what, value;
    std::vector<std::string> add, remove;
    std::string reason;
    std::vector<std::string> agencies;
    std::optional<int> severity;
};
// A change of one kind with its value (the other fields empty).
inline Change change_of(std::string what, std::string value = "") {
    Change c;
    c.what = std::move(what);
    c.value = std::move(value);
    return c;
}

// The agencies and severity a flag form or JSON body gives (agency
// repeatable, empty ones ignored; severity "" or 1-3). Throws HttpError 400
// with a Vietnamese message for an unknown agency or a bad severity.
struct FlagFields {
    std::vector<std::string> agencies;
    std::optional<int> severity;
};
FlagFields flag_fields(const Site& site, const httplib::Request& req);

// Throws HttpError (400, a Vietnamese message) for a bad state, tone or
// topic; 404 for an unknown id. Nothing is written then.
void apply_change(Site& site, const Caller& c, std::int64_t id, const Change& change);
// The same for every id, in one transaction; returns how many changed.
std::size_t apply_bulk(Site& site, const Caller& c, const std::vector<std::int64_t>& ids, const Change& change);

// The topic change a form or a JSON body asks for: add and remove (each
// repeatable).
Change topics_change(const httplib::Request& req);

// A bulk request's fields (a form's or a JSON body's): id (repeated; with
// all=1 the list's shown ids instead), action (relevant | not-relevant |
// new | tone | topic-add | topic-remove | flag), tone, topic, reason,
// agency (repeatable) and severity for a flag.
// Throws HttpError 400 with a Vietnamese message for what is missing or bad.
struct BulkRequest {
    std::vector<std::int64_t> ids;
    Change change;
    std::string action;
};
BulkRequest bulk_request(const Site& site, const httplib::Request& req);
// "Đã ghi «Không liên quan» cho 3 tin." for the notice after a bulk action.
std::string bulk_notice(const BulkRequest& b, std::size_t count);

// Undoes the caller's last decision (every item of a bulk action), in one
// transaction, each restoring step audited as the caller. Returns the
// articles it touched. HttpError 409 when there is nothing to undo.
// A flag is undone only where the action set it (an item already flagged
// stays flagged, with the agencies and severity it had before).
std::vector<std::int64_t> undo_last(Site& site, const Caller& c);

// The tone choices for a control: value, Vietnamese label, whether current.
nlohmann::json tone_choices(const std::string& current_tone);
// The configured topics as {slug, label}, for the topic controls.
nlohmann::json topic_choices(const config::Config& cfg);
// Every agency that can answer (config/agency_check.h), grouped for a
// <select>: [{group, agencies: [{slug, label, selected}]}], in the order
// provincial, departments and other bodies, communes' and wards' committees.
nlohmann::json agency_choices(const config::Config& cfg, const std::string& selected = "");

}  // namespace presswatch::web
