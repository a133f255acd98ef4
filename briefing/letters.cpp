#include "briefing/letters.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "briefing/docx_writer.h"
#include "briefing/labels.h"
#include "briefing/month_report.h"
#include "briefing/outlet_names.h"
#include "text/dates.h"
#include "triage/deadline.h"

namespace presswatch::briefing {
namespace {

using Align = Paragraph::Align;

Paragraph line(const std::string& text, Align align, int size, bool bold = false, bool italic = false,
               int space_after = 0) {
    Paragraph p;
    p.align = align;
    p.space_after_pt = space_after;
    p.runs.push_back({text, bold, italic, false, size});
    return p;
}

Paragraph body(const std::string& text) {
    Paragraph p;
    p.first_line_mm = 10;
    p.space_after_pt = 6;
    p.runs.push_back({text});
    return p;
}

}  // namespace

std::int64_t default_answer_deadline(const config::Config& cfg, std::int64_t letter_date) {
    const auto& l = cfg.briefing.letters;
    return triage::add_clock(letter_date, l.answer_clock, l.answer_days, cfg.triage.response.holidays);
}

LetterPlan plan_letters(store::Store& st, const config::Config& cfg, std::int64_t from, std::int64_t to,
                        std::int64_t date, const std::set<std::int64_t>* only) {
    LetterPlan plan;
    std::map<std::string, LetterDraft> by_agency;
    auto all = st.clippings(from, to);
    std::reverse(all.begin(), all.end());  // oldest first
    const std::int64_t default_deadline = default_answer_deadline(cfg, date);
    const OutletNames outlets(cfg, st);
    // An item's own deadline counts only when it falls on a later day than
    // the letter: a letter never asks for an answer on the day it is dated.
    const std::string letter_day = text::iso_date(date);
    auto own_deadline_counts = [&](const store::StoredArticle& a) {
        return a.deadline && *a.deadline > date && text::iso_date(*a.deadline) > letter_day;
    };
    for (auto& a : all) {
        if (a.response_status != "pending" || a.review == "not-relevant") continue;
        if (only && !only->contains(a.id)) continue;
        if (a.agencies.empty()) {
            plan.without_agency.push_back(a.id);
            continue;
        }
        for (const auto& agency : a.agencies) {
            auto& l = by_agency[agency];
            l.agency = agency;
            l.deadline = std::min(l.deadline ? l.deadline : default_deadline,
                                  own_deadline_counts(a) ? *a.deadline : default_deadline);
            l.items.push_back(a);
            l.outlet_names[a.outlet] = outlets.name(a.outlet);
        }
    }
    for (auto& [slug, l] : by_agency) plan.letters.push_back(std::move(l));
    return plan;
}

std::string letter_docx(const LetterDraft& letter, const config::Config& cfg, std::int64_t from, std::int64_t to,
                        std::int64_t date) {
    const auto& s = cfg.briefing.sender;
    DocxWriter doc(14);

    // Heading: issuing body on the left, national motto on the right.
    Cell left{{line(s.parent_body, Align::center, 12), line(s.body, Align::center, 12, true),
               line("───────", Align::center, 10, false, false, 6),
               line(fmt::format("Số:        /{}-{}", s.body_short, s.unit_short), Align::center, 13),
               line("V/v đề nghị kiểm tra, xác minh, trả lời thông tin báo chí phản ánh", Align::center, 12)}};
    Cell right{{line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Align::center, 12, true),
                line("Độc lập - Tự do - Hạnh phúc", Align::center, 14, true),
                line("───────────────", Align::center, 10, false, false, 6),
                line(s.place + ", " + vietnamese_long_date(date), Align::center, 14, false, true)}};
    doc.table({70, 95}, {{left, right}}, false);

    std::string recipient = agency_label(cfg, letter.agency);
    doc.add(line("Kính gửi: " + recipient + ".", Align::center, 14, false, false, 12));

    const std::string& body_name = s.body_in_text;
    doc.add(body(fmt::format(
        "Thực hiện nhiệm vụ theo dõi thông tin báo chí về tỉnh, {} nhận thấy từ ngày {} đến ngày {}, "
        "một số cơ quan báo chí đã đăng tải tin, bài phản ánh liên quan đến lĩnh vực, địa bàn do quý cơ quan "
        "quản lý, cụ thể như sau:",
        body_name, vietnamese_date(from), vietnamese_date(to - 1))));

    auto cell = [](const std::string& t, bool bold = false) {
        return Cell{{line(t, Align::left, 12, bold)}};
    };
    const OutletNames configured(cfg);
    auto outlet_name = [&](const std::string& slug) {
        auto it = letter.outlet_names.find(slug);
        return it != letter.outlet_names.end() ? it->second : configured.name(slug);
    };
    std::vector<std::vector<Cell>> rows;
    rows.push_back({cell("TT", true), cell("Cơ quan báo chí, ngày đăng", true), cell("Tiêu đề bài viết", true),
                    cell("Nội dung phản ánh", true)});
    int n = 0;
    for (const auto& a : letter.items) {
        // The date on a line of its own, never broken; the title opens the
        // article (in the Word file and in a PDF made from it), where a raw
        // address would wrap over several lines.
        Paragraph date = line(vietnamese_date(a.article.published.value_or(a.fetched)), Align::left, 12);
        date.runs.front().nowrap = true;
        Paragraph title = line(a.article.headline, Align::left, 12);
        title.runs.front().link = a.article.url;
        rows.push_back({cell(std::to_string(++n)), Cell{{line(outlet_name(a.outlet), Align::left, 12), date}},
                        Cell{{title}},
                        cell(a.article.description.empty() ? a.article.headline : a.article.description)});
    }
    // Columns add up to portrait_text_mm; a date in 12 pt needs 20 mm.
    doc.table({10, 35, 60, 60}, rows, true, true);

    doc.add(body(fmt::format(
        "Để kịp thời cung cấp thông tin cho báo chí và dư luận, {} đề nghị {} chỉ đạo kiểm tra, xác minh nội dung "
        "báo chí phản ánh nêu trên; có văn bản trả lời gửi về {} trước {} để tổng hợp, báo cáo Ủy ban nhân dân "
        "tỉnh và cung cấp thông tin cho cơ quan báo chí theo quy định.",
        body_name, recipient, body_name, vietnamese_long_date(letter.deadline))));
    if (!s.contact.empty()) doc.add(body("Thông tin liên hệ: " + s.contact + "."));
    doc.add(body("Rất mong nhận được sự quan tâm, phối hợp của quý cơ quan./."));

    // Recipients of copies on the left, signature on the right.
    Cell copies{{line("Nơi nhận:", Align::left, 12, true, true), line("- Như trên;", Align::left, 11)}};
    for (std::size_t i = 0; i < s.copies.size(); ++i)
        copies.paragraphs.push_back(
            line("- " + s.copies[i] + (i + 1 == s.copies.size() ? "." : ";"), Align::left, 11));
    Cell sign{{line(s.signer_title, Align::center, 14, true), line("\n\n\n", Align::center, 14),
               line(s.signer_name, Align::center, 14, true)}};
    doc.table({80, 85}, {{copies, sign}}, false);
    return doc.bytes();
}

}  // namespace presswatch::briefing
