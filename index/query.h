#pragma once
// The query language, parsed by hand into a Xapian::Query so that every
// error can say what and where (Xapian's QueryParser is a forgiving
// heuristic parser that never reports one). docs/search.md is the user's
// guide; tests/index/test_query.cpp pins what each form parses to.
//
//   words            all must match (AND by default), any diacritics/case;
//                    words typed one after another rank first where they
//                    stand together, in order (a Vietnamese word is
//                    several syllables: `song ma` ranks "sông Mã" first)
//   "a phrase"       syllables in this order
//   a OR b, a AND b, NOT a, -a, ( ... )
//   nghi*            words starting with "nghi" (folded)
//   title: lead: author:            free text in one field
//   outlet: topic: tag: agency: place: review: status: tone:   filters
//   is:flagged is:new is:clipping
//   date:2026-11-01..2026-11-30 date:2026-11 date:2026 date:2026-11-05
//   date:2026-11-01.. date:..2026-11-30 date:today date:yesterday date:7d
#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/phrase_filter.h"

namespace presswatch::index {

struct QueryContext {
    bool exact = false;        // words must also match their exact spelling
    std::int64_t now = 0;      // Unix seconds for date:today and date:7d
    // With a database, prefix searches (nghi*) are expanded here into the
    // matching terms, so that snippets can highlight them (MSet::snippet
    // compares a wildcard's pattern with unprefixed words only). Without
    // one they stay OP_WILDCARD.
    const Xapian::Database* db = nullptr;
    // Words typed one after another rank the articles where they stand
    // together, in order, above every other match (adjacent_tier_weight in
    // query.cpp). Off for date order, which weighs nothing, and to measure
    // the ranking without it.
    bool rank_adjacent = true;
};

struct CompiledQuery {
    Xapian::Query query;       // matching and ranking, filters included
    // Folded terms to highlight that query lacks: the words of phrases
    // answered by a pair term alone (common_grams.h). Snippets are cut with
    // them added; a zero-weight OR in query itself was read for every
    // match (a third of the time of a many-match pair).
    std::vector<std::string> highlight_terms;
    // Phrases every match must hold: the searcher checks their word order
    // with a PhraseDecider, which Xapian consults only for candidates that
    // could still enter the results (phrase_filter.h). For one with a word
    // outside the common list, query holds a PhraseFilter that yields only
    // the articles whose neighbour signatures fit. Phrases under OR or NOT
    // are checked inside query whole instead.
    std::vector<PhraseCheck> phrase_checks;
    // For snippets (highlight.h, mark_phrases): the folded syllables of each
    // phrase and each run of words typed together, and the folded words
    // typed on their own, which stay marked wherever they stand.
    std::vector<std::vector<std::string>> highlight_phrases;
    std::vector<std::string> loose_words;
    bool empty() const { return query.empty(); }
};

// Throws InputError naming what is wrong and the column where it is
// (1-based, in characters): an unbalanced quote or parenthesis, an unknown
// field, a field without a value, an impossible date, an operator with
// nothing on one side.
CompiledQuery compile_query(const std::string& text, const QueryContext& context);

}  // namespace presswatch::index
