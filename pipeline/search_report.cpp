#include "pipeline/search_report.h"

#include <fmt/format.h>

#include "briefing/outlet_names.h"
#include "core/error.h"
#include "text/dates.h"

namespace presswatch::pipeline {

briefing::Layout search_report_layout(const SearchPage& page, const config::Config& cfg, store::Store& store,
                                      std::int64_t as_of) {
    using briefing::Block;
    briefing::Layout l;
    auto& b = l.blocks;
    auto paragraph = [&](std::string text) { b.push_back({Block::Kind::paragraph, std::move(text), {}, {}, {}, 0}); };
    b.push_back({Block::Kind::title, "KẾT QUẢ TÌM KIẾM TIN, BÀI", {}, {}, {}, 0});
    paragraph(fmt::format("Truy vấn: {}", page.query));
    std::string how = page.sort == "date" ? "mới nhất trước" : "phù hợp nhất trước";
    if (page.options.collapse) how += "; mỗi sự việc một tin";
    if (!page.options.clippings_only) how += "; mọi bài đã lưu, không chỉ tin về tỉnh";
    if (page.options.exact) how += "; dấu phải khớp đúng như đã gõ";
    paragraph("Sắp xếp: " + how + ".");
    std::size_t shown = page.rows.size();
    paragraph(shown < page.result.total
                  ? fmt::format("Có {} kết quả; danh sách dưới đây gồm {} kết quả đầu tiên.", page.result.total, shown)
                  : fmt::format("Có {} kết quả.", shown));
    paragraph(fmt::format("Lập lúc {} (giờ Việt Nam), từ dữ liệu của presswatch.", text::vietnamese_datetime(as_of)));
    b.push_back({Block::Kind::landscape, "", {}, {}, {}, 0});
    if (page.rows.empty()) {
        paragraph("Không có tin, bài nào khớp với truy vấn.");
        return l;
    }
    briefing::OutletNames names(cfg, store);
    std::vector<briefing::Clipping> list;
    for (const auto& row : page.rows) list.push_back({row.article, names.name(row.article.outlet), "", 0});
    b.push_back(briefing::clippings_table(list, cfg));
    return l;
}

std::string search_report(const SearchPage& page, const config::Config& cfg, store::Store& store,
                          const std::string& format, std::int64_t as_of) {
    auto l = search_report_layout(page, cfg, store, as_of);
    if (format == "docx") return briefing::layout_docx(l);
    if (format == "html") return briefing::layout_html(l, "Kết quả tìm kiếm: " + page.query);
    throw InputError(fmt::format("format \"{}\" is unknown for a search report: use docx or html", format));
}

}  // namespace presswatch::pipeline
