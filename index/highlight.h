#pragma once
// Renders a snippet's match marks (index.h mark_begin/mark_end) for one
// kind of output. Thread-safe, pure.
#include <string>
#include <string_view>

namespace presswatch::index {

enum class Markup {
    plain,     // marks removed
    terminal,  // bold (ANSI SGR 1 ... 22)
    html,      // text HTML-escaped, matches in <mark>...</mark>
};

std::string render_snippet(std::string_view snippet, Markup markup);

}  // namespace presswatch::index
