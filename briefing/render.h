#pragma once
// The monthly briefing written out: docx (Word, with PNG charts), a
// self-contained HTML page (inline SVG charts), CSV (the figures, one per
// row) or JSON (everything). Each says which counting rule it used.
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "briefing/month_report.h"

namespace presswatch::briefing {

nlohmann::json report_json(const MonthReport& r);
// Columns: section,key,label,value,previous (sections: scope, total,
// outlet, topic, tone, day, status).
std::string report_csv(const MonthReport& r);
std::string report_html(const MonthReport& r, const config::Config& cfg);
std::string report_docx(const MonthReport& r, const config::Config& cfg);

// Writes the report in format (docx | html | csv | json) to out. Throws
// InputError for an unknown format, RuntimeFailure when it cannot write.
void write_report(const MonthReport& r, const config::Config& cfg, const std::string& format,
                  const std::filesystem::path& out);

// Writes bytes to a file, replacing it only once complete.
void write_file(const std::filesystem::path& out, const std::string& bytes);

}  // namespace presswatch::briefing
