#pragma once
// Boolean (filter) terms: built the same way by the writer and the query
// compiler. Thread-safe.
#include <cstdint>
#include <string>
#include <string_view>

namespace presswatch::index {

// "Q123": the unique id term of an article.
std::string id_term(std::int64_t id);

// prefix + value; a term over schema::max_term_bytes keeps its first bytes
// and ends with a hash of the whole value instead (never plain truncation,
// which would make two long values one term).
std::string boolean_term(std::string_view prefix, std::string_view value);

// A free-form value as a slug: folded, runs of non-alphanumerics to one
// '-', trimmed. "Nghi Sơn" -> "nghi-son", "Thanh Hoá " -> "thanh-hoa".
std::string slug_value(std::string_view value);

// 16 hex digits of FNV-1a 64 over s: a change detector, not a security hash.
std::string hash_hex(std::string_view s);

}  // namespace presswatch::index
