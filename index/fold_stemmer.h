#pragma once
// The fold of one term (no diacritics, đ -> d): the word scanner
// (terms.h) makes the folded terms "Z"+fold_term(word) with it, and the
// same fold as a Xapian::Stem lets MSet::snippet highlight every spelling
// of a query word (it compares "Z"+stemmer(token) with the query's terms).
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
