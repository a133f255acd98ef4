#include "config/agency_check.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/error.h"

namespace presswatch::config {

std::vector<AnsweringAgency> answering_agencies(const Config& cfg) {
    std::vector<AnsweringAgency> out;
    std::set<std::string> seen;
    for (const auto& a : cfg.triage.agencies)
        if (seen.insert(a.slug).second) out.push_back({a.slug, a.name, a.kind});
    // Communes and wards answer through their People's Committee;
    // province.toml gives each its committee's slug.
    for (const auto& p : cfg.province.names) {
        if (p.agency.empty() || (p.kind != "ward" && p.kind != "commune")) continue;
        if (!seen.insert(p.agency).second) continue;
        out.push_back({p.agency, std::string("Ủy ban nhân dân ") + (p.kind == "ward" ? "phường " : "xã ") + p.name,
                       "committee"});
    }
    return out;
}

const AnsweringAgency* find_agency(const std::vector<AnsweringAgency>& all, const std::string& slug) {
    auto it = std::find_if(all.begin(), all.end(), [&](const AnsweringAgency& a) { return a.slug == slug; });
    return it == all.end() ? nullptr : &*it;
}

void check_agencies(const Config& cfg, const std::vector<std::string>& slugs) {
    auto all = answering_agencies(cfg);
    if (all.empty()) return;
    for (const auto& s : slugs)
        if (!find_agency(all, s))
            throw InputError(fmt::format(
                "\"{}\" is not an agency: use a slug of agencies.toml or a commune's or ward's committee of "
                "province.toml (`presswatch config show` prints both; e.g. {})",
                s, all.front().slug));
}

}  // namespace presswatch::config
