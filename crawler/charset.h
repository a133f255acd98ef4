#pragma once
// Bytes of a fetched page to UTF-8 text. The charset is taken from, in
// order: the HTTP Content-Type header, a byte-order mark, <meta charset> or
// <meta http-equiv> (or <?xml encoding>) in the first bytes, and finally
// ICU's detector. Conversion is ICU's: invalid bytes become U+FFFD, never
// an exception. The result is NFC. Thread-safe.
#include <string>
#include <string_view>

namespace presswatch::crawler {

struct Decoded {
    std::string text;      // UTF-8, NFC
    std::string charset;   // what was used, as ICU names it ("UTF-8", "windows-1258", ...)
    std::string source;    // "header", "bom", "meta", "detected" or "default"
};

// content_type: the Content-Type header's value (may be empty).
Decoded decode_to_utf8(std::string_view body, std::string_view content_type);

// The charset named in a Content-Type value, lower case, or "".
std::string charset_from_content_type(std::string_view content_type);

}  // namespace presswatch::crawler
