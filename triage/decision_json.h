#pragma once
// The JSON form of a Decision, as `presswatch triage` prints it and the
// store keeps it.
#include <nlohmann/json.hpp>

#include "triage/decision.h"

namespace presswatch::triage {

nlohmann::json to_json(const Decision& d);
Decision decision_from_json(const nlohmann::json& j);

}  // namespace presswatch::triage
