// The Triager: builds the matcher once from the configuration, then runs
// the rules of mentions.cpp, topics_tone.cpp and response_flag.cpp on
// each article.
#include "triage/triager_impl.h"

namespace presswatch::triage {

Decision Triager::Impl::decide(const Article& a, std::int64_t now) const {
    std::vector<FieldText> fields;
    fields.push_back(scan(Field::headline, a.headline));
    fields.push_back(scan(Field::lead, a.description));
    fields.push_back(scan(Field::body, a.body));
    Decision d;
    std::vector<std::string> committees, place_agencies;
    find_mentions(fields, d, committees, place_agencies);
    find_topics(fields, d);
    double raised = 0, lowered = 0;
    find_flag(a, fields, committees, place_agencies, d, now, raised, lowered);
    find_tone(fields, raised, lowered, d);
    return d;
}

Triager::Triager(const config::Config& cfg) : impl_(std::make_unique<Impl>(cfg)) {}
Triager::~Triager() = default;

Decision Triager::decide(const Article& a, std::int64_t now) const { return impl_->decide(a, now); }

}  // namespace presswatch::triage
