#pragma once
// CSV fields (RFC 4180): quoted only when they hold a comma, quote or line break.
#include <string>

namespace presswatch::text {

std::string csv_escape(const std::string& s);

}  // namespace presswatch::text
