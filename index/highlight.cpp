#include "index/highlight.h"

#include "index/index.h"

namespace presswatch::index {

std::string render_snippet(std::string_view snippet, Markup markup) {
    std::string out;
    out.reserve(snippet.size() + 32);
    for (char c : snippet) {
        if (c == mark_begin || c == mark_end) {
            bool open = c == mark_begin;
            if (markup == Markup::terminal) out += open ? "\033[1m" : "\033[22m";
            else if (markup == Markup::html) out += open ? "<mark>" : "</mark>";
            continue;
        }
        if (markup == Markup::html) {
            switch (c) {
            case '&': out += "&amp;"; continue;
            case '<': out += "&lt;"; continue;
            case '>': out += "&gt;"; continue;
            case '"': out += "&quot;"; continue;
            default: break;
            }
        }
        out += c;
    }
    return out;
}

}  // namespace presswatch::index
