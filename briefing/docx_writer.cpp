#include "briefing/docx_writer.h"

#include <memory>

#include <fmt/format.h>

#include "briefing/html_escape.h"
#include "briefing/zip_pack.h"
#include "core/error.h"

namespace presswatch::briefing {
namespace {

constexpr long emu_per_mm = 36000;

// Control characters are not allowed in XML 1.0: dropped, tab kept.
std::string xml_escape(const std::string& s) {
    std::string clean;
    clean.reserve(s.size());
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') clean += c;
    return html_escape(clean);
}

// A twip is 1/20 pt, so 1440 to the inch: 56.7 to the millimetre.
int twips(int mm) { return static_cast<int>(mm * 56.7 + 0.5); }

// The text of a run, no-break spaces in place of spaces when it must not wrap.
std::string run_text(const Run& r) {
    if (!r.nowrap) return r.text;
    std::string out;
    for (char c : r.text) out += c == ' ' ? std::string("\u00A0") : std::string(1, c);
    return out;
}

// links collects the hyperlink targets; a linked run refers to its own.
std::string run_xml(const Run& r, int default_half_points, std::vector<std::string>& links) {
    const bool link = linkable(r.link);
    std::string props;
    if (r.bold) props += "<w:b/>";
    if (r.italic) props += "<w:i/>";
    if (link) props += "<w:color w:val=\"0563C1\"/>";
    if (r.underline || link) props += "<w:u w:val=\"single\"/>";
    int hp = r.size_pt ? r.size_pt * 2 : default_half_points;
    props += fmt::format("<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>", hp);
    std::string out = "<w:r><w:rPr>" + props + "</w:rPr>";
    const std::string text = run_text(r);
    std::size_t start = 0;
    while (true) {
        auto nl = text.find('\n', start);
        out += "<w:t xml:space=\"preserve\">" + xml_escape(text.substr(start, nl - start)) + "</w:t>";
        if (nl == std::string::npos) break;
        out += "<w:br/>";
        start = nl + 1;
    }
    out += "</w:r>";
    if (!link) return out;
    links.push_back(r.link);
    return fmt::format("<w:hyperlink r:id=\"rIdLink{}\" w:history=\"1\">", links.size()) + out + "</w:hyperlink>";
}

std::string paragraph_xml(const Paragraph& p, int default_half_points, std::vector<std::string>& links) {
    static const char* aligns[] = {"left", "center", "right", "both"};
    std::string out = fmt::format("<w:p><w:pPr>{}<w:spacing w:before=\"0\" w:after=\"{}\"/>{}<w:jc w:val=\"{}\"/></w:pPr>",
                                  p.keep_with_next ? "<w:keepNext/>" : "", p.space_after_pt * 20,
                                  p.first_line_mm ? fmt::format("<w:ind w:firstLine=\"{}\"/>", twips(p.first_line_mm)) : "",
                                  aligns[static_cast<int>(p.align)]);
    for (const auto& r : p.runs) out += run_xml(r, default_half_points, links);
    return out + "</w:p>";
}

// A4 in twips, 11906 x 16838; margins as docx_writer.h says.
std::string section_xml(Orientation o) {
    if (o == Orientation::landscape)
        return "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/><w:pgMar w:top=\"1701\" "
               "w:right=\"1134\" w:bottom=\"850\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
               "</w:sectPr>";
    return "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" "
           "w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>";
}

const char* content_types =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>)";

const char* package_rels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)";

}  // namespace

DocxWriter::DocxWriter(int default_size_pt) : default_half_points_(default_size_pt * 2) {}

void DocxWriter::add(const Paragraph& p) { body_ += paragraph_xml(p, default_half_points_, links_); }

void DocxWriter::add(const std::string& text, Paragraph::Align align, bool bold, int size_pt, bool italic) {
    Paragraph p;
    p.align = align;
    p.runs.push_back({text, bold, italic, false, size_pt});
    add(p);
}

void DocxWriter::table(const std::vector<int>& widths_mm, const std::vector<std::vector<Cell>>& rows, bool borders,
                       bool header_row) {
    int total = 0;
    for (int w : widths_mm) total += twips(w);
    std::string border = borders ? "single" : "nil";
    body_ += fmt::format(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>"
        "<w:top w:val=\"{border}\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        "<w:left w:val=\"{border}\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        "<w:bottom w:val=\"{border}\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        "<w:right w:val=\"{border}\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        "<w:insideH w:val=\"{border}\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        "<w:insideV w:val=\"{border}\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        "</w:tblBorders><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/>"
        "</w:tblCellMar></w:tblPr><w:tblGrid>",
        fmt::arg("total", total), fmt::arg("border", border));
    for (int w : widths_mm) body_ += fmt::format("<w:gridCol w:w=\"{}\"/>", twips(w));
    body_ += "</w:tblGrid>";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        // A row is never split over two pages (a title's lines apart from
        // its outlet and date); the header row repeats on each page.
        body_ += std::string("<w:tr><w:trPr><w:cantSplit/>") + (r == 0 && header_row ? "<w:tblHeader/>" : "") +
                 "</w:trPr>";
        for (std::size_t c = 0; c < rows[r].size() && c < widths_mm.size(); ++c) {
            body_ += fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr>", twips(widths_mm[c]));
            // A cell must hold at least one paragraph.
            if (rows[r][c].paragraphs.empty()) body_ += "<w:p/>";
            for (const auto& p : rows[r][c].paragraphs) body_ += paragraph_xml(p, default_half_points_, links_);
            body_ += "</w:tc>";
        }
        body_ += "</w:tr>";
    }
    // Word needs a paragraph between a table and what follows.
    body_ += "</w:tbl><w:p/>";
}

void DocxWriter::picture(const std::string& png, int width_px, int height_px, int width_mm) {
    media_.push_back(png);
    std::size_t n = media_.size();
    long cx = width_mm * emu_per_mm;
    long cy = width_px > 0 ? cx * height_px / width_px : cx / 2;
    body_ += fmt::format(
        "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" "
        "distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{n}\" name=\"Picture {n}\"/>"
        "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
        "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
        "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr>"
        "<pic:cNvPr id=\"{n}\" name=\"image{n}.png\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>"
        "<a:blip r:embed=\"rIdImg{n}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr>"
        "<a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\">"
        "<a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
        fmt::arg("cx", cx), fmt::arg("cy", cy), fmt::arg("n", n));
}

void DocxWriter::page_break() { body_ += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"; }

void DocxWriter::new_section(Orientation o) {
    // A section's properties sit in its last paragraph; the last section's
    // at the end of the body (bytes()).
    body_ += "<w:p><w:pPr>" + section_xml(orientation_) + "</w:pPr></w:p>";
    orientation_ = o;
}

std::string DocxWriter::bytes() const {
    std::string document =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><w:body>" +
        body_ + section_xml(orientation_) + "</w:body></w:document>";
    std::string styles = fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults>"
        "<w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
        "w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/><w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>"
        "<w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" "
        "w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
        "</w:styles>",
        default_half_points_);
    std::string rels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        "styles\" Target=\"styles.xml\"/>";
    for (std::size_t i = 1; i <= media_.size(); ++i)
        rels += fmt::format(
            "<Relationship Id=\"rIdImg{0}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
            "relationships/image\" Target=\"media/image{0}.png\"/>",
            i);
    for (std::size_t i = 1; i <= links_.size(); ++i)
        rels += fmt::format(
            "<Relationship Id=\"rIdLink{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
            "relationships/hyperlink\" Target=\"{}\" TargetMode=\"External\"/>",
            i, xml_escape(links_[i - 1]));
    rels += "</Relationships>";

    std::vector<std::pair<std::string, const std::string*>> parts;
    std::string ct = content_types, pr = package_rels;
    parts.emplace_back("[Content_Types].xml", &ct);
    parts.emplace_back("_rels/.rels", &pr);
    parts.emplace_back("word/document.xml", &document);
    parts.emplace_back("word/styles.xml", &styles);
    parts.emplace_back("word/_rels/document.xml.rels", &rels);
    std::vector<std::string> media_names;
    for (std::size_t i = 0; i < media_.size(); ++i) media_names.push_back(fmt::format("word/media/image{}.png", i + 1));
    for (std::size_t i = 0; i < media_.size(); ++i) parts.emplace_back(media_names[i], &media_[i]);

    return zip_pack(parts);
}

}  // namespace presswatch::briefing
