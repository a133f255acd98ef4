#pragma once
// One Aho-Corasick automaton over sequences of folded syllables: every
// gazetteer name, topic phrase, tone word and response signal is a
// pattern, and one pass over an article's syllables finds them all. The
// cost of a pass grows with the text and the number of matches, not with
// the number of patterns (5,000 names cost what 50 do).
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace presswatch::triage {

class PhraseAutomaton {
public:
    // Adds a pattern (its folded syllables, e.g. {"thanh", "hoa"}) and
    // returns its id; the same sequence added twice gets two ids.
    int add(const std::vector<std::string>& folded_syllables);
    // Builds the failure links; call once after the last add().
    void build();

    // The vocabulary id of a folded syllable, -1 when no pattern uses it.
    int symbol(std::string_view folded) const;

    struct Match {
        int pattern;
        std::size_t first;  // index of the first syllable
        std::size_t count;  // number of syllables
    };
    // Every occurrence of every pattern in a sequence of symbols.
    void match(const std::vector<int>& symbols, std::vector<Match>& out) const;

    std::size_t pattern_count() const { return lengths_.size(); }
    std::size_t state_count() const { return fail_.size(); }

private:
    int next_state(int state, int sym) const;
    static std::uint64_t key(int state, int sym) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(state)) << 32) | static_cast<std::uint32_t>(sym);
    }
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, int, StringHash, std::equal_to<>> vocabulary_;
    // (state, symbol) -> state: the trie's edges in one open-addressing
    // table (linear probing), looked up once or more per syllable of text;
    // flat arrays keep those lookups in cache as the gazetteer grows.
    class EdgeTable {
    public:
        int find(std::uint64_t key) const;
        void insert(std::uint64_t key, int value);
        template <class F> void for_each(F f) const {
            for (std::size_t i = 0; i < keys_.size(); ++i)
                if (keys_[i] != empty) f(keys_[i], values_[i]);
        }

    private:
        static constexpr std::uint64_t empty = ~std::uint64_t{0};
        static std::size_t slot(std::uint64_t key, std::size_t mask) {
            key ^= key >> 33;  // MurmurHash3's finaliser: state and symbol both reach the low bits
            key *= 0xff51afd7ed558ccdull;
            key ^= key >> 33;
            return static_cast<std::size_t>(key) & mask;
        }
        void grow();
        std::vector<std::uint64_t> keys_ = std::vector<std::uint64_t>(64, empty);
        std::vector<int> values_ = std::vector<int>(64, 0);
        std::size_t size_ = 0;
    };
    EdgeTable go_;
    std::vector<int> fail_{0};                     // failure link per state
    std::vector<int> output_link_{-1};             // nearest state on the fail chain with outputs
    std::vector<std::vector<int>> outputs_{{}};    // patterns ending at each state
    std::vector<std::size_t> lengths_;             // syllables per pattern
};

}  // namespace presswatch::triage
