#include "web/url.h"

#include <cctype>

namespace presswatch::web {

std::string url_encode(const std::string& s) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string attachment(const std::string& ascii_name, const std::string& utf8_name) {
    return "attachment; filename=\"" + ascii_name + "\"; filename*=UTF-8''" + url_encode(utf8_name);
}

}  // namespace presswatch::web
