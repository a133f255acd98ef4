#pragma once
// A synthetic raw article page for the disk benchmark: what the crawler
// would have fetched, of a realistic size and, what matters for disk, a
// realistic zstd ratio. Real Vietnamese outlet pages are mostly markup,
// inline scripts and styles, menus and boxes of links to other articles
// around a few KB of text; this one is built the same way from our own
// generated words (never from real pages), with per-outlet boilerplate
// (style, script, menu) made once, and per-article parts (head metadata,
// the article, related-article boxes with image URLs and ids) made for
// each page. bench_disk prints its compressed size beside that of the real
// pages in ../shared/data/vn-dev when they are present.
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/article.h"

namespace presswatch::bench {

class SyntheticPage {
public:
    // vocabulary: syllables, most frequent first (bench/search/generator.h).
    explicit SyntheticPage(const std::vector<std::string>& vocabulary) : vocabulary_(vocabulary) {}

    // The page of article a (id: a number unique to the article, for
    // seeding), about raw_bytes long (at least; the article itself may
    // make it longer).
    std::string page(const Article& a, const std::string& domain, std::int64_t id, std::size_t raw_bytes);

private:
    std::string words(std::mt19937_64& rng, int n);
    std::string slug(std::mt19937_64& rng, int n);
    const std::string& boilerplate(const std::string& domain);

    const std::vector<std::string>& vocabulary_;
    std::map<std::string, std::string> boilerplate_;  // by domain: style, script, menu
};

}  // namespace presswatch::bench
