#include "index/fold_stemmer.h"

#include <unordered_map>

#include "text/normalize.h"

namespace presswatch::index {
namespace {

// Cache bound: Vietnamese has about 7,000 syllables in use; names, numbers
// and foreign words add more. Past this the cache is cleared rather than
// grown, so memory stays bounded on unusual input.
constexpr std::size_t max_cached_terms = 200'000;

bool is_ascii(const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

class FoldStemmer : public Xapian::StemImplementation {
public:
    std::string operator()(const std::string& word) override { return fold_term(word); }
    std::string get_description() const override { return "presswatch-fold"; }
};

}  // namespace

std::string fold_term(const std::string& term) {
    if (is_ascii(term)) {
        // Already lowercase from TermGenerator; query terms are folded whole.
        std::string out = term;
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    thread_local std::unordered_map<std::string, std::string> cache;
    if (auto it = cache.find(term); it != cache.end()) return it->second;
    if (cache.size() >= max_cached_terms) cache.clear();
    std::string folded = text::fold(term);
    cache.emplace(term, folded);
    return folded;
}

Xapian::Stem fold_stemmer() { return Xapian::Stem(new FoldStemmer()); }

}  // namespace presswatch::index
