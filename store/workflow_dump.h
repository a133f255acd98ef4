#pragma once
// Every human decision and the audit log as JSON lines, independent of the
// store's ids, so that they survive a rebuilt store or index: articles are
// named by canonical URL. `presswatch dump` and `presswatch restore`.
//
// Format (one JSON object a line; dates ISO 8601 with +07:00):
//   {"presswatch":"decisions","version":1,"created":"..."}
//   {"kind":"article","url":"...","review":{"state":"relevant","user":"lan","at":"..."},
//    "tone":"negative","topics":{"add":["dat-dai"],"remove":["kinh-te"]},
//    "flag":{"needed":true,"severity":2,"agencies":["so-nnmt"],"deadline":"...","reason":"..."},
//    "response":{"status":"sent","agency":"so-nnmt","letter_number":"12/STTTT","letter_date":"...",...},
//    "notes":[{"at":"...","user":"lan","text":"..."}]}
//   {"kind":"audit","at":"...","user":"lan","action":"review","url":"...","detail":{...}}
// Each part of an article line is present only when a person decided it.
#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "store/store.h"

namespace presswatch::store {

struct DumpCounts {
    std::size_t articles = 0;   // article lines written
    std::size_t audit = 0;      // audit lines written
};

DumpCounts dump_decisions(Store& store, std::ostream& out);

struct RestoreResult {
    std::size_t articles = 0;            // article lines applied
    std::size_t audit = 0;               // audit entries added (identical ones are skipped)
    std::vector<std::string> unmatched;  // URLs of article lines with no article here (kept, waiting)
    std::size_t waiting = 0;             // decisions waiting for their article after this restore, in all
};

// Applies a dump to the store in one transaction: decisions replace the
// store's for the same article, so restoring twice changes nothing the
// second time. Articles not in the store are listed in unmatched and
// their lines kept in pending_decision (a later line for the same URL
// replaces an earlier one), their audit entries kept without an article
// id and with audit.waiting_url; Store::save_article applies them when the article is stored. A
// malformed line throws InputError "source:line: ..." and the store is
// left unchanged. The restore itself is audited as `user`.
RestoreResult restore_decisions(Store& store, std::istream& in, const std::string& source,
                                const std::string& user);

// Applies the decisions restored for url before its article existed to the
// article id, attaches their waiting audit rows, audits the application
// ("restore-pending", as the user who restored) and queues the article for
// indexing. Returns false when nothing waited. Store::save_article calls
// it inside its transaction for each new article.
bool apply_pending_decision(Database& db, std::int64_t id, const std::string& url);

}  // namespace presswatch::store
