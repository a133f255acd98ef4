#include "briefing/outlet_names.h"

namespace presswatch::briefing {

OutletNames::OutletNames(const config::Config& cfg) {
    for (const auto& o : cfg.outlets) known_[o.slug] = {o.name.empty() ? o.slug : o.name, o.kind};
}

OutletNames::OutletNames(const config::Config& cfg, store::Store& store) : OutletNames(cfg) {
    // The configuration wins: a renamed outlet is shown by its new name even
    // before the next crawl writes it into the store.
    auto q = store.db().prepare("SELECT slug, name, kind FROM outlet");
    while (q.step())
        if (!q.text(1).empty()) known_.emplace(q.text(0), OutletName{q.text(1), q.text(2)});
}

OutletName OutletNames::operator()(const std::string& slug) const {
    auto it = known_.find(slug);
    return it == known_.end() ? OutletName{slug, "central"} : it->second;
}

}  // namespace presswatch::briefing
