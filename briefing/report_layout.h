#pragma once
// The monthly briefing as a sequence of blocks (headings, paragraphs,
// tables, charts) in Vietnamese: laid out once, then written as HTML or
// Word by walking the blocks, so both say exactly the same.
#include <string>
#include <vector>

#include "briefing/charts.h"
#include "briefing/month_report.h"

namespace presswatch::briefing {

// One line of a table cell. With a link (an http(s) address), the text is
// what opens it: an article's title, never the raw address. nowrap: the
// line is never broken (a date, a letter's number); its column is made wide
// enough for it.
struct CellLine {
    std::string text;
    std::string link = {};
    bool nowrap = false;
};
using TableCell = std::vector<CellLine>;

struct Block {
    // landscape: the blocks from here to the end sit on landscape pages
    // (the item tables, too wide for a portrait page to read well).
    enum class Kind { title, heading, paragraph, table, chart, landscape };
    Kind kind = Kind::paragraph;
    std::string text;                             // title, heading, paragraph
    std::vector<std::string> header;              // table
    std::vector<std::vector<TableCell>> rows;     // table
    std::vector<int> widths_mm;                   // table: add up to the page's text width (docx_writer.h)
    std::size_t chart = 0;                        // index into charts
};


struct Layout {
    std::vector<Block> blocks;
    std::vector<Chart> charts;
};

Layout layout_report(const MonthReport& r, const config::Config& cfg);

// The list of clippings as the briefing's annex shows it (on a landscape
// page): number, date, outlet, linked title, topics, tone. Also the body of
// a search's report (pipeline/search_report.h).
Block clippings_table(const std::vector<Clipping>& list, const config::Config& cfg);

// Any layout as a self-contained HTML page (title: its <title>) and as a
// Word file: the walkers behind report_html and report_docx.
std::string layout_html(const Layout& l, const std::string& title);
std::string layout_docx(const Layout& l);

}  // namespace presswatch::briefing
