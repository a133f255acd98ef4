#pragma once
// Vietnamese text normalisation. All functions take and return UTF-8 and
// are safe to call from several threads. Invalid UTF-8 is replaced with
// U+FFFD, never an exception.
#include <string>
#include <string_view>

namespace presswatch::text {

// Unicode NFC, with zero-width characters (U+200B..U+200D, U+2060) and stray
// U+FEFF removed.
std::string nfc(std::string_view s);

// Folded form for matching: NFC, lowercase, every diacritic removed, đ/Đ to
// d. "Thanh Hoá" and "THANH HÓA" both fold to "thanh hoa".
std::string fold(std::string_view s);

// ASCII slug: folded, every run of other characters becomes one dash.
// "Hoằng Hóa" -> "hoang-hoa", "Sầm Sơn" -> "sam-son".
std::string ascii_slug(std::string_view s);

}  // namespace presswatch::text
