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
    std::vector<std::string> unmatched;  // URLs of article lines with no article here
};

// Applies a dump to the store in one transaction: decisions replace the
// store's for the same article, so restoring twice changes nothing the
// second time. Articles not in the store are listed in unmatched, their
// audit entries kept without an article id. A malformed line throws
// InputError "source:line: ..." and the store is left unchanged. The
// restore itself is audited as `user`.
RestoreResult restore_decisions(Store& store, std::istream& in, const std::string& source,
                                const std::string& user);

}  // namespace presswatch::store
