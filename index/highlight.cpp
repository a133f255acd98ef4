#include "index/highlight.h"

#include <algorithm>

#include "index/index.h"
#include "index/terms.h"

namespace presswatch::index {

std::string render_snippet(std::string_view snippet, Markup markup) {
    std::string out;
    out.reserve(snippet.size() + 32);
    for (char c : snippet) {
        if (c == mark_begin || c == mark_end) {
            bool open = c == mark_begin;
            if (markup == Markup::terminal) out += open ? "\033[1m" : "\033[22m";
            else if (markup == Markup::html) out += open ? "<mark>" : "</mark>";
            continue;
        }
        if (markup == Markup::html) {
            switch (c) {
            case '&': out += "&amp;"; continue;
            case '<': out += "&lt;"; continue;
            case '>': out += "&gt;"; continue;
            case '"': out += "&quot;"; continue;
            default: break;
            }
        }
        out += c;
    }
    return out;
}

std::vector<TextSpan> phrase_spans(std::string_view text, const std::vector<std::vector<std::string>>& phrases,
                                   bool first_only) {
    struct Word {
        std::size_t begin, end;
        std::string folded;  // empty: none of the phrases' syllables
    };
    // The letters the syllables start with: a word starting with another
    // ASCII letter folds to none of them (folding keeps an ASCII letter,
    // lowercased), and is not looked up. Looking up every word of an
    // article in the forms cache made snippets of phrase queries cost
    // several milliseconds more (bench_search, 2026-12-07).
    std::string firsts;
    for (const auto& p : phrases)
        for (const auto& syllable : p)
            if (!syllable.empty()) firsts += syllable[0];
    std::vector<Word> words;
    WordScanner scan(text);
    for (std::string_view w; scan.next(w);) {
        std::size_t begin = static_cast<std::size_t>(w.data() - text.data());
        auto b = static_cast<unsigned char>(w[0]);
        bool candidate = b >= 0x80 || firsts.find(static_cast<char>(b >= 'A' && b <= 'Z' ? b | 0x20 : b)) != std::string::npos;
        words.push_back({begin, begin + w.size(), candidate ? word_forms(w).folded : std::string()});
    }
    std::vector<TextSpan> out;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        // The longest run of some phrase's consecutive syllables from word i.
        std::size_t longest = 0;
        for (const auto& p : phrases)
            for (std::size_t j = 0; j + 1 < p.size(); ++j) {
                std::size_t n = 0;
                while (j + n < p.size() && i + n < words.size() && words[i + n].folded == p[j + n]) ++n;
                longest = std::max(longest, n);
            }
        if (longest < 2) continue;
        TextSpan s{words[i].begin, words[i + longest - 1].end};
        if (!out.empty() && s.begin <= out.back().end) out.back().end = std::max(out.back().end, s.end);
        else out.push_back(s);
        if (first_only) break;
    }
    return out;
}

std::string mark_phrases(std::string_view snippet, const std::vector<std::vector<std::string>>& phrases,
                         const std::vector<std::string>& loose) {
    std::vector<TextSpan> spans = phrase_spans(snippet, phrases);
    if (spans.empty()) return std::string(snippet);
    auto in_phrase = [&](std::string_view folded) {
        for (const auto& p : phrases)
            if (std::find(p.begin(), p.end(), folded) != p.end()) return true;
        return false;
    };
    // Words keeping a mark of their own: marked, and not a phrase's
    // syllable unless also typed on its own.
    std::vector<TextSpan> kept;
    WordScanner scan(snippet);
    for (std::string_view w; scan.next(w);) {
        std::size_t begin = static_cast<std::size_t>(w.data() - snippet.data()), end = begin + w.size();
        bool marked = begin > 0 && snippet[begin - 1] == mark_begin && end < snippet.size() && snippet[end] == mark_end;
        if (!marked) continue;
        const std::string& folded = word_forms(w).folded;
        if (in_phrase(folded) && std::find(loose.begin(), loose.end(), folded) == loose.end()) continue;
        bool inside = std::any_of(spans.begin(), spans.end(), [&](const TextSpan& s) { return begin >= s.begin && end <= s.end; });
        if (!inside) kept.push_back({begin, end});
    }
    kept.insert(kept.end(), spans.begin(), spans.end());
    std::sort(kept.begin(), kept.end(), [](const TextSpan& a, const TextSpan& b) { return a.begin < b.begin; });
    std::string out;
    out.reserve(snippet.size() + 8);
    std::size_t next = 0;
    for (std::size_t i = 0; i < snippet.size(); ++i) {
        if (next < kept.size() && i == kept[next].begin) out += mark_begin;
        if (snippet[i] != mark_begin && snippet[i] != mark_end) out += snippet[i];
        if (next < kept.size() && i + 1 == kept[next].end) {
            out += mark_end;
            ++next;
        }
    }
    return out;
}

}  // namespace presswatch::index
