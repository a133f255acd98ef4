#include "index/boolean_terms.h"

#include <fmt/format.h>

#include "index/fnv1a.h"
#include "index/schema.h"
#include "text/normalize.h"

namespace presswatch::index {

std::string id_term(std::int64_t id) { return std::string(schema::id) + std::to_string(id); }

std::string hash_hex(std::string_view s) { return fmt::format("{:016x}", fnv1a64(s)); }

std::string boolean_term(std::string_view prefix, std::string_view value) {
    std::string term = std::string(prefix) + std::string(value);
    if (term.size() <= schema::max_term_bytes) return term;
    std::string h = hash_hex(value);
    std::size_t keep = schema::max_term_bytes - h.size() - 1;
    // Cut on a UTF-8 boundary so the term stays valid text.
    while (keep > 0 && (static_cast<unsigned char>(term[keep]) & 0xC0) == 0x80) --keep;
    return term.substr(0, keep) + "#" + h;
}

std::string slug_value(std::string_view value) {
    std::string folded = text::fold(value);
    std::string out;
    bool dash = false;
    for (unsigned char c : folded) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
        if (keep) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += static_cast<char>(c);
        } else {
            dash = true;
        }
    }
    return out;
}

}  // namespace presswatch::index
