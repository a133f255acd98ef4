#pragma once
// The "stemmer" of the folded pass: maps one lowercase term to its folded
// form (no diacritics, đ -> d), so that TermGenerator's STEM_ALL_Z puts
// "Z"+fold(term) with positions in the index, QueryParser-free queries can
// build the same terms, and MSet::snippet highlights every spelling of a
// query word (it compares "Z"+stemmer(token) with the query's terms).
// Design: ../shared/notes/xapian-vietnamese.md §0 and §1.4 (variant D).
#include <string>

#include <xapian.h>

namespace presswatch::index {

// A Xapian::Stem that folds. Each call returns a new handle sharing nothing
// mutable with others; a handle (like any Xapian object) is for one thread.
Xapian::Stem fold_stemmer();

// text::fold(term), fast for Latin text (see fold_stemmer.cpp). Thread-safe.
std::string fold_term(const std::string& term);

}  // namespace presswatch::index
