#pragma once
// Triage: is an article about the province (a clipping), which topics,
// which tone, does it need an agency's answer, which agency, by when.
// Built once from the configuration; decide() is const and thread-safe.
#include <cstdint>
#include <memory>

#include "config/config.h"
#include "core/article.h"
#include "triage/decision.h"

namespace presswatch::triage {

class Triager {
public:
    explicit Triager(const config::Config& cfg);
    ~Triager();
    Triager(const Triager&) = delete;
    Triager& operator=(const Triager&) = delete;

    // now: when the decision is made (Unix seconds), the start of a
    // deadline's clock when the article has no date.
    Decision decide(const Article& a, std::int64_t now) const;

    // Only the stage deciding whether the text reports a problem an agency
    // must answer, with severity and agency kind; it does not look at the
    // article's place (decide() flags it when the article is a clipping).
    Problem problem(const Article& a) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace presswatch::triage
