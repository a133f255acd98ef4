#pragma once
// Alerts: the problems `status` finds (pipeline/service_status.h) mailed to
// the administrators of presswatch.toml [operations] alert_to, through the
// digest's mail server (briefing/mail.h), at most once per problem per day
// (Vietnam's calendar day; table alert_sent). One mail lists every problem
// not yet mailed that day.
#include <vector>

#include "config/config.h"
#include "pipeline/service_status.h"
#include "store/store.h"

namespace presswatch::pipeline {

struct AlertResult {
    std::vector<Problem> mailed;         // in the mail just sent (empty: no mail)
    std::vector<Problem> already_today;  // left out: mailed earlier today
};

// Does nothing when alert_to is empty. Records the problems only once the
// mail server accepted the mail, so a failed send is retried next time.
// Throws InputError when the mail server is not configured, RuntimeFailure
// when sending fails.
AlertResult send_alerts(store::Store& store, const config::Config& cfg, const ServiceStatus& status);

}  // namespace presswatch::pipeline
