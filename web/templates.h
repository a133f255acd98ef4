#pragma once
// Server-rendered HTML: the Mustache templates of web/templates/, compiled
// into the binary (cmake/Embed.cmake), filled from JSON view models. Every
// {{value}} is HTML-escaped (quotes too); {{{value}}} is used only for HTML
// this program wrote itself (a snippet's <mark>s over escaped text, a page
// body inside the layout). Thread-safe: each call parses its own copy.
#include <string>

#include <nlohmann/json.hpp>

namespace presswatch::web {

// Renders templates/NAME.mustache with view. Throws RuntimeFailure for an
// unknown template or a template that does not parse (a build defect).
std::string render_template(const std::string& name, const nlohmann::json& view);

// Only http(s) links are shown as links: a stored article is hostile input
// and "javascript:" or "data:" must never become an href. Returns "" for
// anything else.
std::string safe_link(const std::string& url);

}  // namespace presswatch::web
