#pragma once
// One canonical tone-mark placement, so that "Hóa" and "Hoá", "Qúy" and
// "Quý", "Ủy" and "Uỷ" compare equal in their exact (accented) form.
//
// Style: the "new style" (kiểu mới) of the 1980s orthography rules, the one
// most central outlets use today: in an open syllable the pairs oa, oe, uy
// carry the tone on their second vowel (hoà, khoẻ, thuỷ, uỷ). Other rules,
// applied per syllable:
//   - a vowel with a quality mark (â ă ê ô ơ ư) carries the tone; for ươ, ơ;
//   - otherwise a lone vowel carries it;
//   - otherwise, with a final consonant, the last vowel (toán, hoàng);
//   - otherwise, with three vowels, the middle one (khuỷu);
//   - otherwise the first of two (mía, múa, của), except oa/oe/uy;
//   - the u of qu and the i of gi (before another vowel) are consonants.
// A run of letters with zero or several tone marks is left as it is.
#include <string>
#include <string_view>

namespace presswatch::text {

// NFC text with every syllable's tone mark moved to the canonical vowel.
// Case, punctuation and everything that is not a Vietnamese syllable are
// kept. Thread-safe.
std::string canonical_tones(std::string_view s);

// The exact comparison key: NFC, canonical tone placement, lowercase.
// "Thanh Hóa" and "THANH HOÁ" give the same key; "hoà" and "hoa" do not.
std::string exact_key(std::string_view s);

}  // namespace presswatch::text
