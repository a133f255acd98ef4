#include "web/secret_mask.h"

#include <regex>

namespace presswatch::web {
namespace {

// A key named like a secret, its '=' and its value (a quoted string or a
// bare value up to ',', '}', '#' or a space): on a line of its own or
// inside an inline table. Group 1 keeps the key and the '='.
const std::regex& secret_value() {
    static const std::regex r(
        R"(([A-Za-z0-9_\-]*(?:pass(?:word)?|passwd|pwd|secret|token|credential|api[_-]?key|private[_-]?key)[A-Za-z0-9_\- ]*["']?\s*=\s*))"
        R"(("(?:[^"\\]|\\.)*"|'[^']*'|[^,}\s#]+))",
        std::regex::icase);
    return r;
}

// scheme://user:PASSWORD@ -> scheme://user:••••••@
const std::regex& url_password() {
    static const std::regex r(R"(([A-Za-z][A-Za-z0-9+.\-]*://[^\s/:@"']*):[^\s/@"']*@)");
    return r;
}

}  // namespace

std::string mask_secrets(std::string_view toml_text) {
    std::string out;
    std::string_view rest = toml_text;
    while (!rest.empty()) {
        auto nl = rest.find('\n');
        std::string line(rest.substr(0, nl));
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        auto first = line.find_first_not_of(" \t");
        bool comment = first != std::string::npos && line[first] == '#';
        if (!comment) line = std::regex_replace(line, secret_value(), std::string("$1\"") + masked_secret + "\"");
        line = std::regex_replace(line, url_password(), std::string("$1:") + masked_secret + "@");
        out += line;
        if (nl != std::string_view::npos) out += '\n';
    }
    return out;
}

}  // namespace presswatch::web
