#pragma once
// Renders a snippet's match marks (index.h mark_begin/mark_end) for one
// kind of output. Thread-safe, pure.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace presswatch::index {

enum class Markup {
    plain,     // marks removed
    terminal,  // bold (ANSI SGR 1 ... 22)
    html,      // text HTML-escaped, matches in <mark>...</mark>
};

std::string render_snippet(std::string_view snippet, Markup markup);

// A byte range of a text: [begin, end).
struct TextSpan {
    std::size_t begin = 0, end = 0;
};

// Where two or more consecutive syllables of one of phrases (each its
// folded syllables, in order) stand together in text, as the index sees
// words (terms.h: punctuation between them is no break): byte ranges from
// the first word's start to the last word's end, in order, overlapping
// ones joined. With first_only, the first place alone (possibly shorter
// than the joined span).
std::vector<TextSpan> phrase_spans(std::string_view text, const std::vector<std::vector<std::string>>& phrases,
                                   bool first_only = false);

// A snippet (index.h's marks around each matching word) marked for its
// phrases: where a phrase's syllables stand together one mark covers them
// ("\x01sông Mã\x02"), and elsewhere its syllables lose their marks, unless
// they are also words of the query on their own (loose, folded). A snippet
// in which no phrase stands together keeps its marks: they show why the
// article matched.
std::string mark_phrases(std::string_view snippet, const std::vector<std::vector<std::string>>& phrases,
                         const std::vector<std::string>& loose);

}  // namespace presswatch::index
