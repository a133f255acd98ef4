#pragma once
// Percent-encoding for the links the pages build (RFC 3986 unreserved
// characters stay, everything else, UTF-8 bytes included, is %XX).
#include <string>

namespace presswatch::web {

std::string url_encode(const std::string& s);

// A Content-Disposition value for a download: ascii_name for old clients
// and filename*= (RFC 6266/5987) with the Vietnamese name, so Windows and
// phones save "Kết quả tìm kiếm 2026-12-07.docx" with its diacritics.
std::string attachment(const std::string& ascii_name, const std::string& utf8_name);

}  // namespace presswatch::web
