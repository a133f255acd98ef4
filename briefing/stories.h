#pragma once
// Stories: the same event reported by several outlets (or republished)
// within a few days. The monthly briefing counts stories beside clippings
// and lists the month's main stories, those carried by the most outlets.
#include <cstddef>
#include <vector>

#include "store/store.h"

namespace presswatch::briefing {

// Groups articles the store already put in one story (near-duplicates),
// and articles whose headlines share most of their words (compared folded,
// so tone-mark spellings agree) published within window_hours of another
// member: outlets rewrite the headline of the same event. Returns, for each article, the index of
// its story; stories are numbered 0.. in order of their first article.
std::vector<std::size_t> group_stories(const std::vector<store::StoredArticle>& articles, int window_hours);

}  // namespace presswatch::briefing
