#include "index/fold_stemmer.h"

#include <array>
#include <unordered_map>

#include <unicode/utf8.h>

#include "text/normalize.h"

namespace presswatch::index {
namespace {

// Every Vietnamese letter lies below U+1F00 (Latin-1, Latin Extended-A/B
// and Latin Extended Additional, where ạ..ỹ live). Their folds are looked
// up in a table filled once from text::fold (so the rules stay text/'s),
// which is about ten times faster than ICU per term: indexing folds every
// word of every article.
constexpr char32_t table_end = 0x1F00;
// Terms with other characters (Greek, CJK, ...) go through text::fold with
// a per-thread cache, bounded so odd input cannot grow it without limit.
constexpr std::size_t max_cached_terms = 100'000;

struct FoldTable {
    // Folded UTF-8 of each code point; empty: fold is not one ASCII letter,
    // take the slow path.
    std::array<char, table_end> ascii{};
    FoldTable() {
        for (char32_t c = 0x80; c < table_end; ++c) {
            char buf[4];
            std::size_t n = 0;
            U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(c));
            std::string f = text::fold(std::string_view(buf, n));
            if (f.size() == 1 && static_cast<unsigned char>(f[0]) < 0x80) ascii[c] = f[0];
        }
    }
};

const FoldTable& table() {
    static const FoldTable t;  // thread-safe initialisation
    return t;
}

std::string slow_fold(const std::string& term) {
    thread_local std::unordered_map<std::string, std::string> cache;
    if (auto it = cache.find(term); it != cache.end()) return it->second;
    if (cache.size() >= max_cached_terms) cache.clear();
    std::string folded = text::fold(term);
    cache.emplace(term, folded);
    return folded;
}

class FoldStemmer : public Xapian::StemImplementation {
public:
    std::string operator()(const std::string& word) override { return fold_term(word); }
    std::string get_description() const override { return "presswatch-fold"; }
};

}  // namespace

std::string fold_term(const std::string& term) {
    const FoldTable& t = table();
    std::string out;
    out.reserve(term.size());
    const auto* s = reinterpret_cast<const std::uint8_t*>(term.data());
    std::int32_t i = 0, n = static_cast<std::int32_t>(term.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if (c >= 0 && c < 0x80) out += static_cast<char>(c);
        else if (c > 0 && c < static_cast<UChar32>(table_end) && t.ascii[static_cast<std::size_t>(c)])
            out += t.ascii[static_cast<std::size_t>(c)];
        else return slow_fold(term);  // a combining mark (NFD), other scripts, bad UTF-8
    }
    return out;
}

Xapian::Stem fold_stemmer() { return Xapian::Stem(new FoldStemmer()); }

}  // namespace presswatch::index
