#pragma once
// A small writer of Word (.docx, Office Open XML) files: paragraphs, runs,
// hyperlinks, tables and PNG pictures on A4 pages, in portrait or landscape
// sections, packed with libzip. Just what the letters and the briefing
// need; page and fonts follow the Vietnamese administrative layout (Decree
// 30/2020/NĐ-CP: A4, Times New Roman, margins 20 mm top and bottom, 30 mm
// left, 15 mm right). Landscape pages are bound along their top edge, so
// their margins are the portrait ones turned: 30 mm top, 15 mm bottom,
// 20 mm left and right.
//
// Not thread-safe; one writer per document.
#include <string>
#include <vector>

namespace presswatch::briefing {

struct Run {
    std::string text;          // UTF-8; "\n" becomes a line break
    bool bold = false, italic = false, underline = false;
    int size_pt = 0;           // 0: the document's default (14 pt)
    // An http(s) address the text opens (blue, underlined); anything else
    // is not a link and the text stays plain (article URLs are hostile input).
    std::string link = {};
    // Spaces become no-break spaces, so the text (a date with its time, a
    // letter's number) stays on one line when its column is wide enough.
    bool nowrap = false;
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

enum class Orientation { portrait, landscape };
// The width between the margins of an A4 page, for tables that fill it.
constexpr int portrait_text_mm = 210 - 30 - 15, landscape_text_mm = 297 - 20 - 20;

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
    // Ends the current section and starts the next on a new page, with its
    // orientation. The document starts in portrait.
    void new_section(Orientation o);

    // The .docx file. Throws RuntimeFailure if libzip fails.
    std::string bytes() const;

private:
    int default_half_points_;
    Orientation orientation_ = Orientation::portrait;
    std::string body_;
    std::vector<std::string> media_;   // PNG bytes, word/media/imageN.png
    std::vector<std::string> links_;   // hyperlink targets, relationship rIdLinkN
};

}  // namespace presswatch::briefing
