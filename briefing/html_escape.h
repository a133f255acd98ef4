#pragma once
// Escaping text for HTML element content and attribute values.
#include <string>

namespace presswatch::briefing {

std::string html_escape(const std::string& s);

}  // namespace presswatch::briefing
