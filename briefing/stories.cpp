#include "briefing/stories.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <string>

#include "text/normalize.h"

namespace presswatch::briefing {
namespace {

// Two headlines tell the same story when this share of the shorter one's
// word pairs appear in the other: outlets rewrite headlines, but keep the
// names and the key phrase.
constexpr double same_story_overlap = 0.5;
// Headlines shorter than this many word pairs are too generic to match.
constexpr std::size_t min_pairs = 3;

std::set<std::string> word_pairs(const std::string& headline) {
    std::string folded = text::fold(headline);
    std::vector<std::string> words;
    std::string w;
    for (char c : folded) {
        if (std::isalnum(static_cast<unsigned char>(c))) w += c;
        else if (!w.empty()) words.push_back(std::move(w)), w.clear();
    }
    if (!w.empty()) words.push_back(std::move(w));
    std::set<std::string> pairs;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) pairs.insert(words[i] + ' ' + words[i + 1]);
    return pairs;
}

double overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.size() < min_pairs || b.size() < min_pairs) return 0;
    std::size_t common = 0;
    for (const auto& p : a.size() < b.size() ? a : b) common += (a.size() < b.size() ? b : a).count(p);
    return static_cast<double>(common) / static_cast<double>(std::min(a.size(), b.size()));
}

std::int64_t when(const store::StoredArticle& a) { return a.article.published.value_or(a.fetched); }

}  // namespace

std::vector<std::size_t> group_stories(const std::vector<store::StoredArticle>& articles, int window_hours) {
    const std::size_t n = articles.size();
    std::vector<std::size_t> order(n), parent(n);
    std::iota(order.begin(), order.end(), 0);
    std::iota(parent.begin(), parent.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return when(articles[x]) < when(articles[y]); });
    std::vector<std::set<std::string>> pairs(n);
    for (std::size_t i = 0; i < n; ++i) pairs[i] = word_pairs(articles[i].article.headline);
    auto find = [&](std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    // Near-duplicates the store already grouped (story_member) are one story.
    std::map<std::int64_t, std::size_t> first_of_story;
    for (std::size_t i : order)
        if (auto st = articles[i].story) {
            auto [it, fresh] = first_of_story.try_emplace(*st, i);
            if (!fresh) parent[find(i)] = find(it->second);
        }
    const std::int64_t window = static_cast<std::int64_t>(window_hours) * 3600;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n && when(articles[order[j]]) - when(articles[order[i]]) <= window; ++j)
            if (overlap(pairs[order[i]], pairs[order[j]]) >= same_story_overlap)
                parent[find(order[j])] = find(order[i]);
    // Number stories by their first article in time.
    std::vector<std::size_t> story(n);
    std::map<std::size_t, std::size_t> number;
    for (std::size_t i : order) {
        auto root = find(i);
        auto it = number.try_emplace(root, number.size()).first;
        story[i] = it->second;
    }
    return story;
}

}  // namespace presswatch::briefing
