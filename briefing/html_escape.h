#pragma once
// Escaping text for HTML element content and attribute values, and deciding
// which addresses may become links in a document people open.
#include <string>

namespace presswatch::briefing {

std::string html_escape(const std::string& s);

// An http or https address with no spaces or control characters: the only
// kind a report or letter turns into a link (an article's URL, or a reply's,
// is hostile input: never `javascript:`).
bool linkable(const std::string& url);

}  // namespace presswatch::briefing
