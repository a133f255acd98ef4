#pragma once
// A small writer of Word (.docx, Office Open XML) files: paragraphs, runs,
// tables and PNG pictures on A4 pages, packed with libzip. Just what the
// letters and the briefing need; page and fonts follow the Vietnamese
// administrative layout (Decree 30/2020/NĐ-CP: A4, Times New Roman,
// margins 20 mm top and bottom, 30 mm left, 15 mm right).
//
// Not thread-safe; one writer per document.
#include <string>
#include <vector>

namespace presswatch::briefing {

struct Run {
    std::string text;          // UTF-8; "\n" becomes a line break
    bool bold = false, italic = false, underline = false;
    int size_pt = 0;           // 0: the document's default (14 pt)
};

struct Paragraph {
    enum class Align { left, center, right, justify };
    std::vector<Run> runs;
    Align align = Align::justify;
    int first_line_mm = 0;    // first-line indent
    int space_after_pt = 6;
    bool keep_with_next = false;
};

struct Cell {
    std::vector<Paragraph> paragraphs;
};

class DocxWriter {
public:
    explicit DocxWriter(int default_size_pt = 14);

    void add(const Paragraph& p);
    // Convenience: one run in one paragraph.
    void add(const std::string& text, Paragraph::Align align = Paragraph::Align::justify, bool bold = false,
             int size_pt = 0, bool italic = false);
    // widths in millimetres; borders draws every line (false: layout table).
    void table(const std::vector<int>& widths_mm, const std::vector<std::vector<Cell>>& rows, bool borders,
               bool header_row = false);
    // A PNG picture, width_mm wide, height kept in proportion to px.
    void picture(const std::string& png, int width_px, int height_px, int width_mm);
    void page_break();

    // The .docx file. Throws RuntimeFailure if libzip fails.
    std::string bytes() const;

private:
    int default_half_points_;
    std::string body_;
    std::vector<std::string> media_;   // PNG bytes, word/media/imageN.png
};

}  // namespace presswatch::briefing
