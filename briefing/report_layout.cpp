#include "briefing/report_layout.h"

#include <fmt/format.h>

#include "briefing/labels.h"
#include "text/dates.h"

namespace presswatch::briefing {
namespace {

std::string change(std::int64_t now, std::int64_t before) {
    if (before == 0) return now == 0 ? "không đổi" : "tháng trước không có";
    auto diff = now - before;
    return fmt::format("{}{} ({}{:.0f}%)", diff > 0 ? "+" : "", diff, diff > 0 ? "+" : "",
                       100.0 * static_cast<double>(diff) / static_cast<double>(before));
}

std::string date_or_blank(const std::optional<std::int64_t>& t) { return t ? vietnamese_date(*t) : ""; }

std::string join(const std::vector<std::string>& v, const std::string& sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

Block heading(const std::string& text) { return {Block::Kind::heading, text, {}, {}, {}, 0}; }
Block paragraph(const std::string& text) { return {Block::Kind::paragraph, text, {}, {}, {}, 0}; }
Block table(std::vector<std::string> header, std::vector<int> widths_mm) {
    return {Block::Kind::table, "", std::move(header), {}, std::move(widths_mm), 0};
}

// A cell of plain lines.
TableCell text(const std::string& s) { return {{s}}; }
// A date that must stay on one line; blank when there is none.
TableCell date_cell(const std::optional<std::int64_t>& t) {
    if (!t) return {};
    return {{vietnamese_date(*t), "", true}};
}
// One item a line, ";" after each but the last: a long item wraps, and
// the reader still sees where the next begins (topic names have commas).
TableCell list_cell(const std::vector<std::string>& items) {
    TableCell out;
    for (std::size_t k = 0; k < items.size(); ++k) out.push_back({items[k] + (k + 1 < items.size() ? ";" : "")});
    return out;
}
// An article's title, opening the article.
CellLine title_line(const store::StoredArticle& a) { return {a.article.headline, a.article.url}; }

Block counts_table(const std::string& what, const std::vector<Count>& rows, std::int64_t total) {
    Block b = table({what, "Số tin", "Tỷ lệ", "Tháng trước"}, {85, 25, 25, 30});
    for (const auto& c : rows)
        b.rows.push_back({text(c.label), text(std::to_string(c.count)),
                          text(total ? fmt::format("{:.1f}%", 100.0 * static_cast<double>(c.count) /
                                                                  static_cast<double>(total))
                                     : ""),
                          text(std::to_string(c.previous))});
    return b;
}

// On a landscape page: the columns add up to landscape_text_mm. A date
// column is 24 mm: "30/11/2026" in 11 pt Times is 18 mm, plus the cell's
// margins.
Block issues_table(const std::vector<Issue>& issues, const config::Config& cfg) {
    Block b = table({"TT", "Bài báo", "Cơ quan xử lý", "Công văn", "Hạn trả lời", "Tình trạng", "Kết quả trả lời"},
                    {9, 70, 50, 36, 24, 26, 42});
    int n = 0;
    for (const auto& i : issues) {
        const auto& a = i.article;
        TableCell letter, answer;
        std::vector<std::string> agencies;
        for (const auto& s : i.agencies) agencies.push_back(agency_label(cfg, s));
        if (const auto& r = i.response) {
            // "Số" and the number on one line: a number is read whole.
            if (!r->letter_number.empty()) letter.push_back({"Số " + r->letter_number, "", true});
            if (r->letter_date) letter.push_back({vietnamese_date(*r->letter_date), "", true});
            std::string reply = r->answer_summary;
            if (!r->reply_number.empty())
                reply = "Văn bản " + r->reply_number + ", " + date_or_blank(r->answered_date) +
                        (reply.empty() ? "" : ": " + reply);
            if (!reply.empty()) answer.push_back({reply});
            if (!r->published_url.empty()) answer.push_back({"Bài đăng phản hồi", r->published_url});
        }
        b.rows.push_back({text(std::to_string(++n)),
                          {title_line(a), {i.outlet_name + ", " + date_or_blank(a.article.published)}},
                          list_cell(agencies), letter, date_cell(a.deadline), text(status_label(i.status)), answer});
    }
    return b;
}

}  // namespace

Block clippings_table(const std::vector<Clipping>& list, const config::Config& cfg) {
    Block t = table({"TT", "Ngày", "Cơ quan báo chí", "Tiêu đề", "Lĩnh vực", "Sắc thái"}, {9, 24, 40, 100, 62, 22});
    int n = 0;
    for (const auto& c : list) {
        std::vector<std::string> topics;
        for (const auto& tp : c.article.topics) topics.push_back(topic_label(cfg, tp));
        t.rows.push_back({text(std::to_string(++n)), date_cell(c.article.article.published), text(c.outlet_name),
                          {title_line(c.article)}, list_cell(topics), text(tone_label(c.article.tone))});
    }
    return t;
}

Layout layout_report(const MonthReport& r, const config::Config& cfg) {
    Layout l;
    auto& b = l.blocks;
    std::string month = r.period.label.substr(5, 2) + "/" + r.period.label.substr(0, 4);
    b.push_back({Block::Kind::title, "BÁO CÁO TÌNH HÌNH THÔNG TIN BÁO CHÍ VỀ TỈNH " + upper(cfg.province.name) + "\nTHÁNG " + month,
                 {}, {}, {}, 0});

    b.push_back(heading("1. Thời gian và phạm vi"));
    b.push_back(paragraph(fmt::format("Từ ngày {} đến ngày {}. Số liệu tính đến {}.", vietnamese_date(r.period.from),
                                      vietnamese_date(r.period.to - 1), text::vietnamese_datetime(r.as_of))));
    b.push_back(paragraph("Cách tính: " + r.rule.describe()));

    b.push_back(heading("2. Tổng quan"));
    b.push_back(paragraph(fmt::format(
        "Trong tháng có {} tin, bài về tỉnh ({} so với tháng trước), thuộc {} sự việc ({} so với tháng trước); "
        "báo Trung ương {} tin, báo địa phương {} tin. Ngoài ra {} bài chỉ nhắc qua đến tỉnh ({} so với tháng "
        "trước), không tính vào số tin trên.",
        r.clippings, change(r.clippings, r.previous_clippings), r.stories, change(r.stories, r.previous_stories),
        r.central, r.local, r.passing, change(r.passing, r.previous_passing))));
    b.push_back(counts_table("Cơ quan báo chí", r.by_outlet, r.clippings));
    b.push_back(counts_table("Lĩnh vực", r.by_topic, r.clippings));
    b.push_back(counts_table("Sắc thái", r.by_tone, r.clippings));

    b.push_back(heading("3. Biểu đồ"));
    l.charts = report_charts(r);
    for (std::size_t i = 0; i < l.charts.size(); ++i) b.push_back({Block::Kind::chart, l.charts[i].title, {}, {}, {}, i});

    // The item tables, from here on, on landscape pages.
    b.push_back({Block::Kind::landscape, "", {}, {}, {}, 0});
    b.push_back(heading("4. Các vấn đề báo chí phản ánh"));
    if (r.issues.empty()) b.push_back(paragraph("Trong tháng không có vấn đề cần trả lời."));
    else b.push_back(issues_table(r.issues, cfg));

    b.push_back(heading("5. Vấn đề quá hạn, chưa trả lời"));
    if (r.waiting.empty()) b.push_back(paragraph("Không có vấn đề quá hạn hoặc chưa trả lời."));
    else b.push_back(issues_table(r.waiting, cfg));

    b.push_back(heading("6. Sự việc nổi bật trong tháng"));
    if (r.main_stories.empty()) {
        b.push_back(paragraph("Không có sự việc được nhiều cơ quan báo chí cùng đưa tin."));
    } else {
        Block t = table({"TT", "Sự việc", "Ngày đầu", "Cơ quan báo chí", "Số tin"}, {9, 126, 24, 78, 20});
        int n = 0;
        for (const auto& s : r.main_stories)
            t.rows.push_back({text(std::to_string(++n)), {{s.headline, s.url}}, date_cell(s.first),
                              text(join(s.outlets, ", ")), text(std::to_string(s.articles.size()))});
        b.push_back(t);
    }

    b.push_back(heading("Phụ lục 1. Danh sách tin, bài"));
    b.push_back(clippings_table(r.annex, cfg));

    b.push_back(heading("Phụ lục 2. Truy vấn tạo ra số liệu"));
    b.push_back(paragraph("Mỗi số liệu có thể kiểm tra lại bằng lệnh presswatch search với truy vấn tương ứng."));
    Block searches = table({"Số liệu", "Truy vấn"}, {80, 177});
    for (const auto& s : r.searches) searches.rows.push_back({text(s.figure), text(s.query)});
    b.push_back(searches);
    return l;
}

}  // namespace presswatch::briefing
