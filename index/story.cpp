#include "index/story.h"

#include <array>
#include <bit>
#include <string>
#include <vector>

#include "index/fnv1a.h"
#include "text/normalize.h"

namespace presswatch::index {
namespace {

constexpr std::size_t shingle_words = 3;

// splitmix64's finaliser: FNV-1a's low bits are too regular for SimHash,
// which needs every bit of a feature's hash to be a fair coin.
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 31;
    return x;
}

// Folded words: runs of ASCII letters and digits after folding (every
// Vietnamese letter folds to ASCII); anything else separates.
std::vector<std::string_view> words_of(const std::string& folded) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    auto word = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80; };
    while (i < folded.size()) {
        while (i < folded.size() && !word(static_cast<unsigned char>(folded[i]))) ++i;
        std::size_t j = i;
        while (j < folded.size() && word(static_cast<unsigned char>(folded[j]))) ++j;
        if (j > i) out.push_back(std::string_view(folded).substr(i, j - i));
        i = j;
    }
    return out;
}

}  // namespace

int hamming_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

StoryHash story_hash(std::string_view headline, std::string_view lead, std::string_view body) {
    std::string folded = text::fold(headline);
    folded += '\n';
    folded += text::fold(lead);
    folded += '\n';
    folded += text::fold(body);
    auto words = words_of(folded);
    StoryHash h;
    if (words.size() < min_story_words) return h;
    // A bit's vote is +1 for each shingle with it set and -1 for each
    // without: positive when set in more than half of them. Counting the
    // set bits alone is the same sum, in a loop the compiler vectorises.
    std::array<std::uint32_t, 64> set{};
    std::uint32_t shingles = 0;
    std::string shingle;
    for (std::size_t i = 0; i + shingle_words <= words.size(); ++i) {
        shingle.clear();
        for (std::size_t k = 0; k < shingle_words; ++k) {
            if (k) shingle += ' ';
            shingle += words[i + k];
        }
        std::uint64_t f = mix(fnv1a64(shingle));
        for (int b = 0; b < 64; ++b) set[b] += static_cast<std::uint32_t>((f >> b) & 1);
        ++shingles;
    }
    for (int b = 0; b < 64; ++b)
        if (2 * set[b] > shingles) h.simhash |= 1ull << b;
    h.usable = true;
    return h;
}

}  // namespace presswatch::index
