#pragma once
// A zip archive built in memory (libzip): the Word files' container, and
// the bundle of several letters the web's Flagged page downloads.
#include <string>
#include <utility>
#include <vector>

namespace presswatch::briefing {

// The archive's bytes, with each part stored under its name (UTF-8), in
// order. The parts must outlive the call. Throws RuntimeFailure naming the
// part libzip failed on.
std::string zip_pack(const std::vector<std::pair<std::string, const std::string*>>& parts);

}  // namespace presswatch::briefing
