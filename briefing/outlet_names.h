#pragma once
// What people call an outlet ("Báo Xứ Thanh", "VnExpress", "Tuổi Trẻ"), for
// everything a person reads: reports, letters, the digest, `status`, the
// web pages. The slug (`xuthanh`) is an id for machines (CSV/JSON fields,
// search queries) and is never shown as a name unless nothing else is known.
//
// The name comes from sources.toml; an outlet no longer configured, or one
// crawled under another configuration (the demo's sample site), keeps the
// name the store recorded when it was crawled (the outlet table). Names are
// used as written: some carry "Báo" and some do not, so nothing is prefixed.
//
// A snapshot taken at construction; cheap to copy. Not thread-safe to build
// from a shared Store (a Store is one connection), safe to read once built.
#include <map>
#include <string>

#include "config/config.h"
#include "store/store.h"

namespace presswatch::briefing {

struct OutletName {
    std::string name;             // what people call it
    std::string kind = "central"; // central | local
};

class OutletNames {
public:
    // The configured outlets only.
    explicit OutletNames(const config::Config& cfg);
    // The configured outlets, then every outlet the store has recorded.
    OutletNames(const config::Config& cfg, store::Store& store);

    // The outlet's name and kind; for an unknown slug, the slug and "central".
    OutletName operator()(const std::string& slug) const;
    std::string name(const std::string& slug) const { return (*this)(slug).name; }

private:
    std::map<std::string, OutletName> known_;
};

}  // namespace presswatch::briefing
