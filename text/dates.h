#pragma once
// Times as presswatch shows and reads them. Vietnam keeps UTC+7 all year
// (no daylight saving), so Asia/Ho_Chi_Minh is the fixed offset +07:00.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace presswatch::text {

constexpr int vietnam_offset_seconds = 7 * 3600;

// "2026-03-07T08:47:00+07:00" for a Unix time, in Vietnam's time.
std::string iso8601(std::int64_t unix_seconds);
// "2026-03-07" in Vietnam's time.
std::string iso_date(std::int64_t unix_seconds);
// "07/03/2026 08:47", as Vietnamese readers write it.
std::string vietnamese_datetime(std::int64_t unix_seconds);

// Parses ISO 8601 / RFC 3339: a date, a date and time, with "Z", "+07:00",
// "+0700" or no offset (then +07:00). Returns nullopt for anything else.
std::optional<std::int64_t> parse_iso8601(std::string_view s);

// Unix time of 00:00 Vietnam time on y-m-d (nullopt if not a real date).
std::optional<std::int64_t> vietnam_midnight(int year, int month, int day);

// Days from the civil date (proleptic Gregorian) to 1970-01-01.
std::int64_t days_from_civil(int y, unsigned m, unsigned d);

}  // namespace presswatch::text
