#pragma once
// How text becomes index terms, shared by the writer and the query
// compiler so that both sides always produce the same terms.
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace presswatch::index {

enum class TermForm {
    folded,  // "Z"+prefix+fold(word), positional: decides matches
    exact,   // prefix+exact_form(word), no positions: ranking and --exact
};

// The text of the exact pass: NFC with tone marks placed canonically
// (text::canonical_tones, applied word by word with a cache), so "Hóa" and
// "Hoá" give one exact term ("hoá"). Lowercasing is TermGenerator's.
std::string exact_form(std::string_view text);

// A TermGenerator set up for one form (stemmer and strategy). Index with
// index_text (folded) or index_text_without_positions (exact).
Xapian::TermGenerator term_generator(TermForm form);

// The terms of text in order of position, as the writer would index them
// with prefix. "Thanh-Hóa" -> {"Zthanh", "Zhoa"} (folded) or
// {"thanh", "hoá"} (exact).
std::vector<std::string> text_terms(std::string_view text, std::string_view prefix, TermForm form);

}  // namespace presswatch::index
