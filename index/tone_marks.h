#pragma once
// Canonical tone-mark placement for Vietnamese syllables ("new style"):
// "Hóa" and "Hoá" -> "Hoá", "Thủy" -> "Thuỷ", "Qúy" -> "Quý". Used for the
// exact terms only, so that the exact-spelling boost does not favour one
// of two accepted placements. Algorithm: ../shared/notes/
// xapian-vietnamese.md §1.3 (written here from the rules, no code copied).
//
// text/ is to gain the same function (tone-mark canonicalisation is a
// text/ job); when it lands, exact_form() in terms.cpp should call that
// one and this file go.
#include <string>
#include <string_view>

namespace presswatch::index {

// Rewrites each word of NFC text that is one Vietnamese syllable with one
// tone mark; every other word, space and punctuation is copied unchanged.
// Returns NFC. Thread-safe.
std::string canonical_tones(std::string_view nfc_text);

}  // namespace presswatch::index
