// The monthly briefing as a Word file: the same blocks as the HTML page,
// charts as PNG pictures.
#include "briefing/docx_writer.h"
#include "briefing/render.h"
#include "briefing/report_layout.h"

namespace presswatch::briefing {
namespace {

Paragraph cell_paragraph(const CellLine& line, bool bold) {
    Paragraph p;
    p.align = Paragraph::Align::left;
    p.space_after_pt = 0;
    p.runs.push_back({line.text, bold, false, false, 11, line.link, line.nowrap});
    return p;
}

Cell cell(const TableCell& lines, bool bold = false) {
    Cell c;
    for (const auto& l : lines) c.paragraphs.push_back(cell_paragraph(l, bold));
    return c;
}

}  // namespace

std::string report_docx(const MonthReport& r, const config::Config& cfg) { return layout_docx(layout_report(r, cfg)); }

std::string layout_docx(const Layout& l) {
    DocxWriter doc(14);
    for (const auto& b : l.blocks) {
        switch (b.kind) {
            case Block::Kind::title: doc.add(b.text, Paragraph::Align::center, true, 14); break;
            case Block::Kind::heading: {
                Paragraph p;
                p.align = Paragraph::Align::left;
                p.keep_with_next = true;
                p.runs.push_back({b.text, true, false, false, 0});
                doc.add(p);
                break;
            }
            case Block::Kind::paragraph: {
                Paragraph p;
                p.first_line_mm = 10;
                p.runs.push_back({b.text});
                doc.add(p);
                break;
            }
            case Block::Kind::chart: {
                const auto& c = l.charts[b.chart];
                doc.picture(chart_png(c), c.width, c.height, 160);
                break;
            }
            case Block::Kind::landscape: doc.new_section(Orientation::landscape); break;
            case Block::Kind::table: {
                std::vector<std::vector<Cell>> rows;
                std::vector<Cell> head;
                for (const auto& h : b.header) head.push_back(cell({{h}}, true));
                rows.push_back(head);
                for (const auto& row : b.rows) {
                    std::vector<Cell> cells;
                    for (const auto& c : row) cells.push_back(cell(c));
                    rows.push_back(std::move(cells));
                }
                doc.table(b.widths_mm, rows, true, true);
                break;
            }
        }
    }
    return doc.bytes();
}

}  // namespace presswatch::briefing
