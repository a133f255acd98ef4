// The monthly briefing as one self-contained HTML page: styles inline,
// charts as inline SVG, nothing fetched from the network. Printed (or saved
// as PDF from a browser), it takes the Word file's pages: A4 portrait, and
// landscape for the item tables (a named @page).
#include <fmt/format.h>

#include "briefing/render.h"
#include "briefing/report_layout.h"
#include "briefing/html_escape.h"

namespace presswatch::briefing {
namespace {

// Margins as the Word file's (docx_writer.h): a landscape page is bound
// along its top edge.
const char* style = R"css(
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; max-width: 72em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 16pt; text-align: center; white-space: pre-line; }
h2 { font-size: 14pt; margin-top: 1.5em; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 12pt; }
th, td { border: 1px solid #888; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #eee; }
tr { break-inside: avoid; }
.nowrap { white-space: nowrap; }
a { color: #0645ad; }
figure { margin: 1em 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
@page landscape { size: A4 landscape; margin: 30mm 20mm 15mm 20mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 13pt; }
  h1 { font-size: 14pt; }
  section.landscape { page: landscape; break-before: page; }
  table { font-size: 11pt; }
  a { color: inherit; }
}
)css";

std::string line_html(const CellLine& line) {
    std::string text = html_escape(line.text);
    if (line.nowrap) text = "<span class=\"nowrap\">" + text + "</span>";
    if (linkable(line.link)) text = "<a href=\"" + html_escape(line.link) + "\">" + text + "</a>";
    return text;
}

std::string cell_html(const TableCell& cell) {
    std::string out;
    for (const auto& line : cell) out += (out.empty() ? "" : "<br>") + line_html(line);
    return out;
}

std::string table_html(const Block& b) {
    // Column widths in proportion to the Word file's.
    int total = 0;
    for (int w : b.widths_mm) total += w;
    std::string out = "<table><colgroup>";
    for (int w : b.widths_mm) out += fmt::format("<col style=\"width:{:.1f}%\">", total ? 100.0 * w / total : 0.0);
    out += "</colgroup><thead><tr>";
    for (const auto& h : b.header) out += "<th>" + html_escape(h) + "</th>";
    out += "</tr></thead><tbody>\n";
    for (const auto& row : b.rows) {
        out += "<tr>";
        for (const auto& c : row) out += "<td>" + cell_html(c) + "</td>";
        out += "</tr>\n";
    }
    return out + "</tbody></table>\n";
}

}  // namespace

std::string report_html(const MonthReport& r, const config::Config& cfg) {
    return layout_html(layout_report(r, cfg), "Báo cáo báo chí tháng " + r.period.label);
}

std::string layout_html(const Layout& l, const std::string& title) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<title>" +
                      html_escape(title) + "</title>\n<style>" + style + "</style></head><body>\n";
    bool in_section = false;
    for (const auto& b : l.blocks) {
        switch (b.kind) {
            case Block::Kind::title: out += "<h1>" + html_escape(b.text) + "</h1>\n"; break;
            case Block::Kind::heading: out += "<h2>" + html_escape(b.text) + "</h2>\n"; break;
            case Block::Kind::paragraph: out += "<p>" + html_escape(b.text) + "</p>\n"; break;
            case Block::Kind::chart: out += "<figure>" + chart_svg(l.charts[b.chart]) + "</figure>\n"; break;
            case Block::Kind::landscape:
                if (in_section) out += "</section>\n";
                out += "<section class=\"landscape\">\n";
                in_section = true;
                break;
            case Block::Kind::table: out += table_html(b); break;
        }
    }
    if (in_section) out += "</section>\n";
    return out + "</body></html>\n";
}

}  // namespace presswatch::briefing
