#pragma once
// HTML character references in strings the HTML parser never decoded:
// JSON-LD values, and attribute values that were escaped twice
// ("Chi&amp;#7871;n" is "Chiến" after two rounds). Never throws.
#include <string>
#include <string_view>

namespace presswatch::extract {

// One round: named (HTML 4 set, via libxml2), decimal and hex references.
// Unknown or malformed references are kept as written.
std::string decode_entities_once(std::string_view s);

// Decodes a metadata string: one round, and a second only when the first
// turned "&amp;" into a new reference (double escaping). A text that really
// contains "&amp;" stays decoded exactly once otherwise.
std::string decode_metadata_entities(std::string_view s);

// Appends code point cp as UTF-8 (invalid ones as U+FFFD).
void append_utf8(std::string& out, char32_t cp);

}  // namespace presswatch::extract
