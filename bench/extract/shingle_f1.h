#pragma once
// The extraction benchmark's metric (../shared/data/README.md): word
// 4-gram multisets, per-page precision and recall, macro-averaged.
#include <string>
#include <vector>

namespace presswatch::bench {

// Maximal runs of Unicode word characters (letters, numbers, '_'), as
// Python's \w+ finds them.
std::vector<std::string> words(const std::string& text);

struct PageScore {
    double tp = 0, fp = 0, fn = 0;  // normalised to sum to 1
    double precision() const;
    double recall() const;
    double f1() const;
};
PageScore score_page(const std::string& truth, const std::string& predicted);

struct Totals {
    double precision = 0, recall = 0, f1 = 0;
};
Totals aggregate(const std::vector<PageScore>& pages);

}  // namespace presswatch::bench
