#include "index/terms.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "index/fold_stemmer.h"
#include "text/normalize.h"
#include "text/tone_marks.h"

namespace presswatch::index {
namespace {

// Same bound and reason as fold_stemmer.cpp's cache.
constexpr std::size_t max_cached_words = 100'000;

// Length in bytes of the letter or combining mark at text[i]; 0 if none.
std::size_t letter_at(std::string_view text, std::size_t i) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ? 1 : 0;
    std::int32_t pos = static_cast<std::int32_t>(i);
    UChar32 c;
    U8_NEXT(text.data(), pos, static_cast<std::int32_t>(text.size()), c);
    if (c < 0 || !(u_isalpha(c) || u_getCombiningClass(c) != 0)) return 0;
    return static_cast<std::size_t>(pos) - i;
}

// text::canonical_tones of one word, cached: an article repeats the same
// few hundred syllables, and ICU work per word costs microseconds.
const std::string& canonical_word(std::string_view word) {
    thread_local std::unordered_map<std::string, std::string> cache;
    std::string key(word);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    if (cache.size() >= max_cached_words) cache.clear();
    return cache.emplace(key, text::canonical_tones(key)).first->second;
}

}  // namespace

std::string exact_form(std::string_view raw) {
    std::string nfc = text::nfc(raw);
    std::string_view s = nfc;
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t len = letter_at(s, i);
        if (len == 0) {
            out += s[i++];
            continue;
        }
        std::size_t j = i;
        bool ascii = true;
        while (j < s.size() && (len = letter_at(s, j)) > 0) {
            ascii = ascii && len == 1;
            j += len;
        }
        if (ascii) out += s.substr(i, j - i);  // no tone marks to move
        else out += canonical_word(s.substr(i, j - i));
        i = j;
    }
    return out;
}

Xapian::TermGenerator term_generator(TermForm form) {
    Xapian::TermGenerator tg;
    if (form == TermForm::folded) {
        tg.set_stemmer(fold_stemmer());
        tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    } else {
        tg.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    }
    return tg;
}

std::vector<std::string> text_terms(std::string_view text, std::string_view prefix, TermForm form) {
    Xapian::Document doc;
    Xapian::TermGenerator tg = term_generator(form);
    tg.set_document(doc);
    std::string input = form == TermForm::exact ? exact_form(text) : text::nfc(text);
    tg.index_text(input, 1, std::string(prefix));
    std::vector<std::pair<Xapian::termpos, std::string>> by_pos;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) by_pos.emplace_back(*p, *t);
    std::sort(by_pos.begin(), by_pos.end());
    std::vector<std::string> out;
    out.reserve(by_pos.size());
    for (auto& [pos, term] : by_pos) out.push_back(std::move(term));
    return out;
}

}  // namespace presswatch::index
