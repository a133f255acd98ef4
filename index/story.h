#pragma once
// Story detection: the same story republished by several outlets (often
// word for word, with another lead sentence, byline or sign-off) should
// count once. Each article gets a 64-bit SimHash of its word 3-shingles;
// two articles published within story_window of each other whose hashes
// differ in at most same_story_max_distance bits are the same story.
//
// Why SimHash over shingles: one 64-bit integer per article stored in
// SQLite, compared with a popcount; robust to small edits (each edit
// touches three shingles of hundreds) and to boilerplate (a sign-off adds
// a handful). Text is folded first, so "Hóa" and "Hoá" shingle alike.
// Thread-safe, pure.
#include <cstdint>
#include <string_view>

namespace presswatch::index {

// For pairs of news articles differing in 10-20 % of their shingles the
// expected distance is 6-10 bits; unrelated articles sit near 32 (±4), so
// 12 keeps more than four standard deviations from chance.
inline constexpr int same_story_max_distance = 12;
// Outlets republish within days; a week either way bounds the candidates.
inline constexpr std::int64_t story_window_seconds = 7 * 86400;
// Below this many words a text is too short to tell a story from a topic
// ("Thanh Hóa: mưa lớn"): such articles start their own story.
inline constexpr std::size_t min_story_words = 30;

struct StoryHash {
    std::uint64_t simhash = 0;
    bool usable = false;  // false: too short to compare (min_story_words)
};

StoryHash story_hash(std::string_view headline, std::string_view lead, std::string_view body);

int hamming_distance(std::uint64_t a, std::uint64_t b);

inline bool same_story(const StoryHash& a, const StoryHash& b) {
    return a.usable && b.usable && hamming_distance(a.simhash, b.simhash) <= same_story_max_distance;
}

}  // namespace presswatch::index
