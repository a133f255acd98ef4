#pragma once
// The search benchmark's query mix (issue 6's classes): one word, phrases
// with and without diacritics, phrases of the most common syllables, words
// with filters, a date range with facets, words typed together, date order
// with stories collapsed. Drawn from fixed seeds over the generator's
// articles, so every run and every benchmark that uses it (bench_search,
// bench_web) asks the same queries.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "bench/search/generator.h"
#include "index/index.h"

namespace presswatch::bench {

class Fts5Baseline;

inline constexpr std::size_t queries_per_class = 40;

struct Query {
    std::string cls, text;
    index::SearchOptions options;
    // The same query on bench_search's SQLite FTS5 baseline.
    std::function<std::size_t(Fts5Baseline&)> fts5;
};

// queries_per_class queries of each class, the classes interleaved, over
// articles 1..articles of gen.
std::vector<Query> query_mix(const Generator& gen, std::int64_t articles);

}  // namespace presswatch::bench

namespace presswatch::bench {

// The q-quantile (0..1) of v by the nearest-rank method; 0 when empty.
double percentile(std::vector<double> v, double q);

}  // namespace presswatch::bench
