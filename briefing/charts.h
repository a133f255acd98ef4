#pragma once
// The briefing's charts, drawn once with cairo and written either as SVG
// (for the HTML page) or PNG (for the Word file). Text is drawn with a
// font that has Vietnamese letters (DejaVu Sans, fonts-dejavu-core).
#include <string>
#include <vector>

#include "briefing/month_report.h"

namespace presswatch::briefing {

struct Chart {
    enum class Kind { columns, bars, pie };
    std::string id;              // short ASCII name: per-day, outlets, topics, tones
    std::string title;
    Kind kind = Kind::bars;
    std::vector<std::pair<std::string, double>> data;  // label, value
    int width = 720, height = 320;
};

// The four charts: clippings per day, by outlet, by topic, tone shares.
std::vector<Chart> report_charts(const MonthReport& r);

// An <svg> element (no XML declaration), its ids prefixed with the chart's
// id so that several charts can share one HTML page.
std::string chart_svg(const Chart& c);
// PNG bytes at twice the nominal size, sharp when printed.
std::string chart_png(const Chart& c);

}  // namespace presswatch::briefing
