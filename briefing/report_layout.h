#pragma once
// The monthly briefing as a sequence of blocks (headings, paragraphs,
// tables, charts) in Vietnamese: laid out once, then written as HTML or
// Word by walking the blocks, so both say exactly the same.
#include <string>
#include <vector>

#include "briefing/charts.h"
#include "briefing/month_report.h"

namespace presswatch::briefing {

struct Block {
    enum class Kind { title, heading, paragraph, table, chart };
    Kind kind = Kind::paragraph;
    std::string text;                             // title, heading, paragraph
    std::vector<std::string> header;              // table
    std::vector<std::vector<std::string>> rows;   // table; cells starting with http are links
    std::vector<int> widths_mm;                   // table, for Word
    std::size_t chart = 0;                        // index into charts
};

struct Layout {
    std::vector<Block> blocks;
    std::vector<Chart> charts;
};

Layout layout_report(const MonthReport& r, const config::Config& cfg);

}  // namespace presswatch::briefing
