#pragma once
// Vietnamese words the reports show for slugs and states, and dates as
// Vietnamese administrative writing has them.
#include <cstdint>
#include <string>

#include "config/config.h"

namespace presswatch::briefing {

// The topic's name in topics.toml; the slug itself for an unknown topic.
std::string topic_label(const config::Config& cfg, const std::string& slug);
// "Tích cực" / "Trung tính" / "Tiêu cực".
std::string tone_label(const std::string& tone);
// "tin về tỉnh" / "nhắc qua đến tỉnh" / "không phải tin về tỉnh" for a
// stored mention level (subject / passing / not).
std::string mention_level_label(const std::string& level);
// "Chờ gửi công văn", "Đã gửi, chờ trả lời", "Quá hạn", ...
std::string status_label(const std::string& status);
// The agency's name as agencies.toml writes it ("Sở Y tế"), a commune's or
// ward's People's Committee from the gazetteer, else the slug.
std::string agency_label(const config::Config& cfg, const std::string& slug);
// "ngày 26 tháng 11 năm 2026".
std::string vietnamese_long_date(std::int64_t unix_seconds);
// Upper case with Vietnamese letters: "THANH HÓA" for "Thanh Hóa".
std::string upper(const std::string& s);
// "26/11/2026".
std::string vietnamese_date(std::int64_t unix_seconds);

}  // namespace presswatch::briefing
