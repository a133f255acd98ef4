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

Block counts_table(const std::string& what, const std::vector<Count>& rows, std::int64_t total) {
    Block b{Block::Kind::table, "", {what, "Số tin", "Tỷ lệ", "Tháng trước"}, {}, {85, 25, 25, 30}, 0};
    for (const auto& c : rows)
        b.rows.push_back({c.label, std::to_string(c.count),
                          total ? fmt::format("{:.1f}%", 100.0 * static_cast<double>(c.count) / static_cast<double>(total))
                                : "",
                          std::to_string(c.previous)});
    return b;
}

Block issues_table(const std::vector<Issue>& issues, const config::Config& cfg) {
    Block b{Block::Kind::table, "",
            {"TT", "Bài báo", "Cơ quan xử lý", "Công văn", "Hạn trả lời", "Tình trạng", "Kết quả trả lời"},
            {}, {8, 45, 24, 22, 18, 20, 28}, 0};
    int n = 0;
    for (const auto& i : issues) {
        const auto& a = i.article;
        std::vector<std::string> agencies;
        for (const auto& s : i.agencies) agencies.push_back(agency_label(cfg, s));
        std::string letter, answer;
        if (const auto& r = i.response) {
            if (!r->letter_number.empty()) letter = "Số " + r->letter_number + "\n" + date_or_blank(r->letter_date);
            answer = r->answer_summary;
            if (!r->reply_number.empty()) answer = "Văn bản " + r->reply_number + ", " + date_or_blank(r->answered_date) +
                                                   (answer.empty() ? "" : ": " + answer);
            if (!r->published_url.empty()) answer += (answer.empty() ? "" : "\n") + r->published_url;
        }
        b.rows.push_back({std::to_string(++n),
                          a.article.headline + "\n" + i.outlet_name + ", " + date_or_blank(a.article.published) +
                              "\n" + a.article.url,
                          join(agencies, "; "), letter, date_or_blank(a.deadline), status_label(i.status), answer});
    }
    return b;
}

}  // namespace

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
        Block t{Block::Kind::table, "", {"TT", "Sự việc", "Ngày đầu", "Cơ quan báo chí", "Số tin"}, {}, {8, 72, 20, 50, 15}, 0};
        int n = 0;
        for (const auto& s : r.main_stories)
            t.rows.push_back({std::to_string(++n), s.headline, vietnamese_date(s.first), join(s.outlets, ", "),
                              std::to_string(s.articles.size())});
        b.push_back(t);
    }

    b.push_back(heading("Phụ lục 1. Danh sách tin, bài"));
    Block annex{Block::Kind::table, "", {"TT", "Ngày", "Cơ quan báo chí", "Tiêu đề", "Lĩnh vực", "Sắc thái"}, {},
                {8, 18, 26, 70, 25, 18}, 0};
    int n = 0;
    for (const auto& c : r.annex) {
        std::vector<std::string> topics;
        for (const auto& t : c.article.topics) topics.push_back(topic_label(cfg, t));
        annex.rows.push_back({std::to_string(++n), date_or_blank(c.article.article.published), c.outlet_name,
                              c.article.article.headline + "\n" + c.article.article.url, join(topics, ", "),
                              tone_label(c.article.tone)});
    }
    b.push_back(annex);

    b.push_back(heading("Phụ lục 2. Truy vấn tạo ra số liệu"));
    b.push_back(paragraph("Mỗi số liệu có thể kiểm tra lại bằng lệnh presswatch search với truy vấn tương ứng."));
    Block searches{Block::Kind::table, "", {"Số liệu", "Truy vấn"}, {}, {55, 110}, 0};
    for (const auto& s : r.searches) searches.rows.push_back({s.figure, s.query});
    b.push_back(searches);
    return l;
}

}  // namespace presswatch::briefing
