// The Triager: builds the matcher once from the configuration, then runs
// the rules of mentions.cpp, topics_tone.cpp, problem.cpp and
// response_flag.cpp on each article.
#include "triage/triager_impl.h"

namespace presswatch::triage {

Decision Triager::Impl::decide(const Article& a, std::int64_t now) const {
    std::vector<FieldText> fields = scan_article(a);
    Decision d;
    std::vector<std::string> committees, place_agencies;
    find_mentions(fields, d, committees, place_agencies);
    find_topics(fields, d);
    Problem problem = find_problem(a, fields);
    find_flag(a, problem, committees, place_agencies, d, now);
    // Signals colour the tone only when they add up to a problem: a stray
    // complaint word in a feature is no more negative than its other words.
    find_tone(fields, problem.reported ? problem.raised : 0, problem.reported ? problem.lowered : 0, d);
    return d;
}

Triager::Triager(const config::Config& cfg) : impl_(std::make_unique<Impl>(cfg)) {}
Triager::~Triager() = default;

Decision Triager::decide(const Article& a, std::int64_t now) const { return impl_->decide(a, now); }

}  // namespace presswatch::triage
