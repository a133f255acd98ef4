#pragma once
// CSV fields (RFC 4180): quoted only when they hold a comma, quote or line break.
#include <string>

namespace presswatch::text {

std::string csv_escape(const std::string& s);
// The same for a cell a spreadsheet opens, when its text is not ours (a
// name someone typed): a leading = + - @ tab or CR would make Excel or
// LibreOffice read it as a formula, so it gets a ' in front (OWASP's
// advice for CSV injection).
std::string csv_escape_inert(const std::string& s);

}  // namespace presswatch::text
