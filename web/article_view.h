#pragma once
// An article as the pages and the API show it, and the decisions both take
// on it (one implementation: the API returns the same view model the
// article template renders).
#include <cstdint>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "web/site.h"

namespace presswatch::web {

// Throws HttpError 404 for an unknown id.
nlohmann::json article_view(Site& site, std::int64_t id);

// Each writes through store::Workflow as the caller (the audit row names
// them), then brings search up to date. (Review, tone and topics:
// web/decisions.h.)
// Fields: agency (repeatable), severity, reason; clear=1 with reason clears.
void apply_flag(Site& site, const Caller& c, std::int64_t id, const httplib::Request& req);
// Fields: step (sent|answered|published|close|reopen|reassign), agency,
// letter, date, deadline, reply, summary, url, reason.
void apply_respond(Site& site, const Caller& c, std::int64_t id, const httplib::Request& req);

}  // namespace presswatch::web
