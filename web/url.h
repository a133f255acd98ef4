#pragma once
// Percent-encoding for the links the pages build (RFC 3986 unreserved
// characters stay, everything else, UTF-8 bytes included, is %XX).
#include <string>

namespace presswatch::web {

std::string url_encode(const std::string& s);

}  // namespace presswatch::web
