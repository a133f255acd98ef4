#include <array>

#include <unicode/uchar.h>

#include "text/normalize.h"
#include "text/syllables.h"

namespace presswatch::text {
namespace {

// Abbreviations written with a dot that do not end a sentence (folded).
constexpr std::array<std::string_view, 14> abbreviations = {
    "tp", "ts", "pgs", "gs", "ths", "bs", "ks", "ls", "th", "q", "p", "tt", "ubnd", "tx"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The word just before position end (ASCII-folded), e.g. "tp" for "TP.".
std::string word_before(std::string_view text, std::size_t end) {
    std::size_t start = end;
    while (start > 0 && !is_space(text[start - 1]) && text[start - 1] != '.' && text[start - 1] != '(') --start;
    return fold(text.substr(start, end - start));
}

bool starts_sentence(std::string_view text, std::size_t i) {
    if (i >= text.size()) return true;
    std::size_t j = i;
    char32_t c = decode_utf8(text, j);
    if (c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == '(' || c == '[' || c == '-' || c == 0x2013)
        return true;
    if (c >= '0' && c <= '9') return true;
    return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

}  // namespace

std::vector<Span> sentences(std::string_view text) {
    std::vector<Span> out;
    auto emit = [&](std::size_t b, std::size_t e) {
        while (b < e && is_space(text[b])) ++b;
        while (e > b && is_space(text[e - 1])) --e;
        if (e > b) out.push_back({b, e - b});
    };
    std::size_t start = 0, i = 0;
    while (i < text.size()) {
        std::size_t at = i;
        char32_t c = decode_utf8(text, i);
        if (c == '\n') {
            emit(start, at);
            start = i;
            continue;
        }
        if (c != '.' && c != '!' && c != '?' && c != 0x2026) continue;
        // Closing quotes and brackets belong to the sentence they end.
        std::size_t end = i;
        while (end < text.size()) {
            std::size_t k = end;
            char32_t q = decode_utf8(text, k);
            if (q == '"' || q == 0x201D || q == 0x2019 || q == ')' || q == '\'' || q == '.' || q == '!' || q == '?')
                end = k;
            else
                break;
        }
        if (end >= text.size() || !is_space(text[end])) continue;  // "1.000", "TP.HCM"
        if (c == '.') {
            std::string w = word_before(text, at);
            bool single_capital = w.size() == 1 && at >= 1 && text[at - 1] >= 'A' && text[at - 1] <= 'Z';
            bool abbreviation = false;
            for (auto a : abbreviations) abbreviation = abbreviation || w == a;
            if (single_capital || abbreviation) continue;
        }
        std::size_t next = end;
        while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
        if (next < text.size() && text[next] != '\n' && !starts_sentence(text, next)) continue;
        emit(start, end);
        start = end;
        i = end;
    }
    emit(start, text.size());
    return out;
}

}  // namespace presswatch::text
