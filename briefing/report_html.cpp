// The monthly briefing as one self-contained HTML page: styles inline,
// charts as inline SVG, nothing fetched from the network.
#include <fmt/format.h>

#include "briefing/render.h"
#include "briefing/report_layout.h"
#include "briefing/html_escape.h"

namespace presswatch::briefing {
namespace {

const char* style = R"css(
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 16pt; text-align: center; white-space: pre-line; }
h2 { font-size: 14pt; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 12pt; }
th, td { border: 1px solid #888; padding: 3px 6px; vertical-align: top; white-space: pre-line; }
th { background: #eee; }
td a { word-break: break-all; }
figure { margin: 1em 0; }
figure svg { max-width: 100%; height: auto; }
)css";

std::string cell_html(const std::string& cell) {
    // A cell is lines; lines that are links become anchors.
    std::string out;
    std::size_t start = 0;
    while (start <= cell.size()) {
        auto nl = cell.find('\n', start);
        std::string line = cell.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (!out.empty()) out += "\n";
        if (line.rfind("http://", 0) == 0 || line.rfind("https://", 0) == 0)
            out += "<a href=\"" + html_escape(line) + "\">" + html_escape(line) + "</a>";
        else
            out += html_escape(line);
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

}  // namespace

std::string report_html(const MonthReport& r, const config::Config& cfg) {
    Layout l = layout_report(r, cfg);
    std::string out = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\n<title>Báo cáo báo chí tháng " +
                      html_escape(r.period.label) + "</title>\n<style>" + style + "</style></head><body>\n";
    for (const auto& b : l.blocks) {
        switch (b.kind) {
            case Block::Kind::title: out += "<h1>" + html_escape(b.text) + "</h1>\n"; break;
            case Block::Kind::heading: out += "<h2>" + html_escape(b.text) + "</h2>\n"; break;
            case Block::Kind::paragraph: out += "<p>" + html_escape(b.text) + "</p>\n"; break;
            case Block::Kind::chart:
                out += "<figure>" + chart_svg(l.charts[b.chart]) + "</figure>\n";
                break;
            case Block::Kind::table:
                out += "<table><thead><tr>";
                for (const auto& h : b.header) out += "<th>" + html_escape(h) + "</th>";
                out += "</tr></thead><tbody>\n";
                for (const auto& row : b.rows) {
                    out += "<tr>";
                    for (const auto& c : row) out += "<td>" + cell_html(c) + "</td>";
                    out += "</tr>\n";
                }
                out += "</tbody></table>\n";
                break;
        }
    }
    return out + "</body></html>\n";
}

}  // namespace presswatch::briefing
