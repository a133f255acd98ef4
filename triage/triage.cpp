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
    LeadingTone leading;
    Problem problem = find_problem(a, fields, &leading);
    find_flag(a, problem, committees, place_agencies, d, now);
    find_tone(fields, problem, leading, d);
    return d;
}

Triager::Triager(const config::Config& cfg) : impl_(std::make_unique<Impl>(cfg)) {}
Triager::~Triager() = default;

Decision Triager::decide(const Article& a, std::int64_t now) const { return impl_->decide(a, now); }

}  // namespace presswatch::triage
