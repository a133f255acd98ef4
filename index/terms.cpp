#include "index/terms.h"

#include <atomic>
#include <unordered_map>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "index/fold_stemmer.h"
#include "text/syllables.h"
#include "text/tone_marks.h"

namespace presswatch::index {
namespace {

// Bound of the per-thread word cache: enough for a language's vocabulary,
// small enough that odd input (numbers, foreign names) cannot grow it
// without limit.
constexpr std::size_t max_cached_words = 200'000;

bool ascii_word_byte(unsigned char b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
}

// Length in bytes of the word character (letter, combining mark, digit)
// at text[i]; 0 if there is none.
std::size_t word_char_at(std::string_view text, std::size_t i) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) return ascii_word_byte(b) ? 1 : 0;
    auto pos = static_cast<std::int32_t>(i);
    UChar32 c;
    U8_NEXT(text.data(), pos, static_cast<std::int32_t>(text.size()), c);
    if (c < 0 || !(u_isalnum(c) || u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK)) return 0;
    return static_cast<std::size_t>(pos) - i;
}

// Bytes to step over at text[i] when it starts no word (at least one).
std::size_t non_word_at(std::string_view text, std::size_t i) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) return 1;
    auto pos = static_cast<std::int32_t>(i);
    UChar32 c;
    U8_NEXT(text.data(), pos, static_cast<std::int32_t>(text.size()), c);
    return static_cast<std::size_t>(pos) - i;
}

}  // namespace

std::uint64_t new_forms_owner() {
    static std::atomic<std::uint64_t> serial{0};
    return ++serial;
}

bool WordScanner::next(std::string_view& word) {
    while (at_ < text_.size()) {
        std::size_t len = word_char_at(text_, at_);
        if (len == 0) {
            at_ += non_word_at(text_, at_);
            continue;
        }
        std::size_t start = at_;
        while (at_ < text_.size() && (len = word_char_at(text_, at_)) > 0) at_ += len;
        if (at_ - start > max_word_bytes) continue;
        word = text_.substr(start, at_ - start);
        // Glued words ("HóaNhiều"): this word ends at the cut, the next
        // call starts the following one there.
        if (std::size_t cut = text::glued_word_break(word)) {
            word = word.substr(0, cut);
            at_ = start + cut;
        }
        return true;
    }
    return false;
}

namespace {
// FormsPins alive on this thread.
thread_local unsigned pins = 0;
}  // namespace

FormsPin::FormsPin() { ++pins; }
FormsPin::~FormsPin() { --pins; }

const WordForms& word_forms(std::string_view word) {
    thread_local std::unordered_map<std::string, WordForms> cache;
    thread_local std::string key;
    key.assign(word);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    if (cache.size() >= max_cached_words && pins == 0) cache.clear();
    WordForms forms{fold_term(key), text::exact_key(key)};
    return cache.emplace(key, std::move(forms)).first->second;
}

std::vector<std::string> text_terms(std::string_view text, std::string_view prefix, TermForm form) {
    std::vector<std::string> out;
    WordScanner words(text);
    std::string_view w;
    while (words.next(w)) {
        const WordForms& f = word_forms(w);
        if (form == TermForm::folded) out.push_back("Z" + std::string(prefix) + f.folded);
        else out.push_back(std::string(prefix) + f.exact);
    }
    return out;
}

}  // namespace presswatch::index
