#pragma once
// One step of a flagged item's response chain, as `presswatch respond` and
// the web's forms and API take it: which step, with its letter, dates and
// texts as typed. apply_respond_step fills what the user left out the same
// way for both (the agency triage named when it named one; the configured
// answer period for the deadline) and hands it to store::Workflow, whose
// rules decide whether the chain allows the step (ConflictError if not).
#include <cstdint>
#include <string>

#include "config/config.h"
#include "store/workflow.h"

namespace presswatch::briefing {

struct RespondStep {
    std::string action;      // sent | answered | published | close | reopen | reassign
    std::string agency, letter, date, deadline, reply, summary, url, reason;
};

// Throws InputError naming the missing or bad field (with the CLI's
// option names, which the web's form fields share), ConflictError for a
// step the chain does not allow now.
void apply_respond_step(store::Workflow& wf, store::Store& store, const config::Config& cfg, std::int64_t id,
                        const RespondStep& step);

}  // namespace presswatch::briefing
