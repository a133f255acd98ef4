#pragma once
// Synthetic Vietnamese-like articles for the search benchmark: syllables
// built from Vietnamese onsets, nuclei, codas and the six tones (our own
// lists), drawn with a Zipf distribution; realistic lengths; three years of
// dates; 30 outlets; topics, flags; and near-duplicate republications
// (stories). Article i is a pure function of (seed, i), so texts need not be
// kept in memory: the benchmark regenerates them for snippets.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "index/index.h"

namespace presswatch::bench {

class Generator {
public:
    explicit Generator(std::uint64_t seed = 2026);

    // Article ids start at 1.
    index::Document article(std::int64_t id) const;

    const std::vector<std::string>& vocabulary() const { return syllables_; }  // most frequent first
    const std::vector<std::string>& outlets() const { return outlets_; }
    const std::vector<std::string>& topics() const { return topics_; }
    std::int64_t first_day() const { return first_day_; }  // Unix seconds, 2024-01-01 00:00 +07
    static constexpr int days = 3 * 365;

    // The n most frequent syllables once folded (several spellings fold to
    // one), most frequent first: what a deployment's common list is made
    // of (index/common_grams.cpp lists Vietnamese's by folded frequency).
    std::vector<std::string> most_frequent_folded(std::size_t n) const;
    // A syllable by Zipf rank, for sampling query words.
    std::string syllable(std::size_t rank) const { return syllables_.at(rank); }
    // n consecutive syllables of article id's body from a random position.
    std::string phrase_from(std::int64_t id, int n, std::mt19937_64& rng) const;

private:
    std::string words(std::mt19937_64& rng, int n, bool capitalise_first) const;
    std::size_t zipf(std::mt19937_64& rng) const;
    static std::string fmt_outlet(int i);

    std::uint64_t seed_;
    std::vector<std::string> syllables_;
    std::vector<double> cumulative_;  // Zipf CDF over syllables_
    std::vector<std::string> outlets_, topics_, places_;
    std::int64_t first_day_;
};

}  // namespace presswatch::bench
