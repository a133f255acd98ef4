#pragma once
// Renders the reports as a person would see them: a Word file converted to
// PDF by LibreOffice, an HTML page printed to PDF by Debian's chromium. Then
// reads the PDF back: its text (pdftotext) and its pages' orientation
// (pdfinfo). Empty optional when the converter is not installed: the caller
// skips with a message.
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "report_fixture.h"

namespace presswatch::testing {

inline bool have_command(const char* name) {
    return std::system(("command -v " + std::string(name) + " >/dev/null 2>&1").c_str()) == 0;
}
inline bool have_libreoffice() { return have_command("libreoffice"); }

// The PDF LibreOffice makes of a Word file, in work; empty path if it failed.
inline std::optional<std::filesystem::path> docx_to_pdf(const std::filesystem::path& docx,
                                                        const std::filesystem::path& work) {
    if (!have_libreoffice()) return std::nullopt;
    // A profile of its own, so that parallel runs do not share a lock.
    auto profile = work / "lo-profile";
    std::string cmd = "libreoffice -env:UserInstallation=file://" + profile.string() +
                      " --headless --convert-to pdf --outdir '" + work.string() + "' '" + docx.string() +
                      "' >'" + (work / "lo.log").string() + "' 2>&1";
    if (std::system(cmd.c_str()) != 0) return std::filesystem::path();
    auto pdf = work / docx.filename().replace_extension(".pdf");
    return std::filesystem::exists(pdf) ? pdf : std::filesystem::path();
}

// The PDF chromium prints of an HTML file (A4 unless its CSS says
// otherwise), in work; empty path if it failed.
inline std::optional<std::filesystem::path> html_to_pdf(const std::filesystem::path& html,
                                                        const std::filesystem::path& work) {
    if (!have_command("chromium")) return std::nullopt;
    auto pdf = work / html.filename().replace_extension(".pdf");
    std::string cmd = "chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer "
                      "--user-data-dir='" + (work / "chromium-profile").string() + "' --print-to-pdf='" +
                      pdf.string() + "' 'file://" + std::filesystem::absolute(html).string() + "' >'" +
                      (work / "chromium.log").string() + "' 2>&1";
    if (std::system(cmd.c_str()) != 0) return std::filesystem::path();
    return std::filesystem::exists(pdf) ? pdf : std::filesystem::path();
}

// The PDF's text, line breaks where the PDF has them; page 0: every page.
inline std::string pdf_text(const std::filesystem::path& pdf, int page = 0) {
    auto txt = pdf;
    txt += page ? "." + std::to_string(page) + ".txt" : ".txt";
    std::string pages = page ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    std::string t = "pdftotext -enc UTF-8" + pages + " '" + pdf.string() + "' '" + txt.string() + "'";
    if (std::system(t.c_str()) != 0) return "";
    return read_all(txt);
}

// For each page, whether it is wider than high.
inline std::vector<bool> pdf_landscape_pages(const std::filesystem::path& pdf) {
    auto info = pdf;
    info += ".info";
    std::string cmd = "pdfinfo -f 1 -l 9999 '" + pdf.string() + "' >'" + info.string() + "'";
    std::vector<bool> out;
    if (std::system(cmd.c_str()) != 0) return out;
    std::istringstream in(read_all(info));
    // "Page    1 size:  841.92 x 594.96 pts (A4)"
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("Page", 0) != 0 || line.find(" size:") == std::string::npos) continue;
        double w = 0, h = 0;
        std::istringstream dims(line.substr(line.find(" size:") + 6));
        std::string x;
        dims >> w >> x >> h;
        out.push_back(w > h);
    }
    return out;
}

inline std::optional<std::string> docx_pdf_text(const std::filesystem::path& docx, const std::filesystem::path& work) {
    auto pdf = docx_to_pdf(docx, work);
    if (!pdf) return std::nullopt;
    return pdf->empty() ? std::string() : pdf_text(*pdf);
}

// pdftotext breaks lines where the PDF does and spreads justified words
// ("S ở"): compare with every space and line break taken out.
inline std::string without_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\t' && c != '\f' && c != '\r') out += c;
    return out;
}

}  // namespace presswatch::testing
