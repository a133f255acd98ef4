// Extraction over small pages modelled on the layouts of real Vietnamese
// outlets (written for these tests, never copied): boxes inside the body,
// reader-comment forms, photo stories, bylines at the end of the article,
// datelines set in their own element, and listing pages. One rule a row.
#include <catch2/catch.hpp>

#include <string>

#include "article_pages.h"
#include "extract/extract.h"
#include "extract/extract_steps.h"
#include "text/dates.h"

using presswatch::Article;
using presswatch::extract::ExtractedPage;
using presswatch::extract::ExtractOptions;
using presswatch::extract::PageKind;
using presswatch::extract::parse_byline;
using presswatch::test_pages::page;

namespace {

const std::int64_t fetch = *presswatch::text::parse_iso8601("2026-03-07T10:00:00+07:00");

ExtractedPage extract(const std::string& html) {
    ExtractOptions o;
    o.url = "https://bao.example/xa-hoi/bai-viet-456.html";
    o.fetch_time = fetch;
    return presswatch::extract::extract_page(html, o);
}

const std::string head = "<title>Đê biển xuống cấp trước mùa mưa bão</title>"
                         "<meta property=\"article:published_time\" content=\"2026-03-07T08:30:00+07:00\">";
const std::string headline = "<h1 class=\"article-title\">Đê biển xuống cấp trước mùa mưa bão</h1>"
                             "<div class=\"date\">07/03/2026 08:30</div>";

// Six paragraphs of running text; the first and the last are what each test looks for.
const std::string first_sentence = "Đoạn đê biển dài gần hai cây số ở xã ven biển đã sạt lở nhiều chỗ, "
                                   "có nơi chỉ còn một lớp đất mỏng ngăn nước triều.";
const std::string last_sentence = "Người dân mong tỉnh sớm bố trí vốn để gia cố đê trước khi mùa mưa bão tới, "
                                  "tránh cảnh nước tràn vào ruộng muối như năm trước.";
const std::string part_one =
    "<p>" + first_sentence + "</p>"
    "<p>Theo người dân địa phương, các vết nứt xuất hiện từ cuối năm ngoái, sau đợt triều cường kéo dài, và "
    "ngày càng rộng ra sau mỗi con nước lớn.</p>"
    "<p>Ông trưởng thôn cho biết thôn đã nhiều lần báo cáo lên xã, xã đã đề nghị huyện kiểm tra, nhưng đến nay "
    "vẫn chưa có phương án sửa chữa cụ thể.</p>"
    "<p>Cán bộ phụ trách thủy lợi của xã thừa nhận đoạn đê đã xuống cấp, đã được đưa vào danh sách cần sửa "
    "chữa, song kinh phí của xã không đủ để tự làm.</p>";
const std::string part_two =
    "<p>Chiều cùng ngày, đại diện ban quản lý dự án cho biết đang lập hồ sơ, dự kiến trình tỉnh phê duyệt "
    "trong quý hai, nếu được duyệt sẽ thi công ngay.</p>"
    "<p>" + last_sentence + "</p>";

bool body_whole(const Article& a) {
    return a.body.find(first_sentence) != std::string::npos && a.body.ends_with(last_sentence);
}

}  // namespace

TEST_CASE("a box set inside the article does not end it, and is not its text", "[extract][layouts]") {
    struct Row {
        const char* name;
        std::string body;
    };
    const Row rows[] = {
        {"a note box before the first paragraph",
         "<div class=\"article__body cms-body\"><div class=\"notebox cms-note\"><p><b>Số liệu</b></p>"
         "<p><b>Chiều dài đê:</b> 1,8 km; xuống cấp: 600 m; kinh phí dự kiến: 45 tỷ đồng</p></div>" +
             part_one + part_two + "</div>"},
        {"a quote card between two parts of the body",
         "<div class=\"detail\"><div class=\"detail__content\">" + part_one + part_one + part_one +
             "</div><div class=\"quote-card\"><blockquote>\"Chúng tôi chỉ mong có con đê chắc chắn.\"</blockquote>"
             "</div><div>" + part_two + "</div></div>"},
        {"a related story card between two parts of the body",
         "<div class=\"detail\"><div class=\"detail__content\">" + part_one + part_one + part_one +
             "</div><div class=\"card\"><a href=\"/khac-1.html\">Nhiều tuyến đê sông xuống cấp cần sửa chữa gấp"
             "</a></div><div>" + part_two + "</div></div>"},
    };
    for (const Row& r : rows) {
        INFO(r.name);
        Article a = extract(page(head, headline + r.body)).article;
        CHECK(a.body.starts_with(first_sentence));
        CHECK(a.body.ends_with(last_sentence));
        CHECK(a.body.find("Số liệu") == std::string::npos);
    }
}

TEST_CASE("a reader-comment form and its notices are never body text", "[extract][layouts]") {
    // An older layout: the form's notices are plain paragraphs in the
    // article's own container, the form itself without a class name.
    const std::string rows[] = {
        "<p>Ý kiến của bạn đọc không nhất thiết phản ánh quan điểm của tòa soạn.</p>"
        "<p>Vui lòng gõ tiếng Việt có dấu khi gửi ý kiến.</p><p><a href=\"#\">Gửi ý kiến</a></p>",
        "<form action=\"/gui-y-kien\"><p>Họ và tên của bạn, địa chỉ thư điện tử và nội dung bình luận ở đây</p>"
        "<input name=\"ten\"><textarea></textarea><button>Gửi</button></form>",
        "<p>Đăng ký nhận bản tin mỗi sáng để không bỏ lỡ tin tức quan trọng.</p>",
    };
    for (const std::string& tail : rows) {
        INFO(tail);
        Article a = extract(page(head, headline + "<div class=\"fck\">" + part_one + part_two + tail + "</div>")).article;
        CHECK(body_whole(a));
    }
}

TEST_CASE("a photo story told in its captions gives the captions as the body", "[extract][layouts]") {
    std::string story = "<div class=\"article__body\">";
    const char* captions[] = {
        "Đoạn đê biển dài gần hai cây số ở xã ven biển đã sạt lở nhiều chỗ, có nơi chỉ còn lớp đất mỏng.",
        "Các vết nứt xuất hiện từ cuối năm ngoái, sau đợt triều cường kéo dài, ngày càng rộng ra.",
        "Thôn đã nhiều lần báo cáo lên xã, xã đã đề nghị huyện kiểm tra nhưng chưa có phương án cụ thể.",
        "Người dân mong tỉnh sớm bố trí vốn để gia cố đê trước khi mùa mưa bão tới năm nay."};
    for (const char* c : captions)
        story += std::string("<div class=\"layout-image\"><figure><img src=\"a.jpg\" alt=\"\"></figure><figcaption>") +
                 c + "</figcaption></div>";
    story += "</div>";
    Article a = extract(page(head, headline + story)).article;
    CHECK(a.body.starts_with(captions[0]));
    CHECK(a.body.ends_with(captions[3]));
}

TEST_CASE("the name that ends the article is its author, role words and other credits left out",
          "[extract][layouts][byline]") {
    struct Row {
        const char* last_line;
        const char* author;
        const char* source;
    };
    const Row rows[] = {
        {"<b class=\"author-translate\" style=\"text-align:right; display:block\">Tin: Thu Hằng - Ảnh: Quốc Bảo</b>",
         "Thu Hằng", ""},
        {"<p><strong>Tin, ảnh: Quang Vinh</strong></p>", "Quang Vinh", ""},
        {"<p style=\"text-align:right\">Bài và ảnh: K. Miên</p>", "K. Miên", ""},
        {"<p><strong>Nhóm PV: Hải Yến, Đức Anh</strong></p>", "Hải Yến, Đức Anh", ""},
        {"<div class=\"article__author\"><p class=\"name\">Theo Hồ Hương</p></div>", "Hồ Hương", ""},
        {"<p><strong>Theo Tuổi Trẻ</strong></p>", "", "Tuổi Trẻ"},
        {"<p><strong>Hà My</strong></p><p>Theo Đời sống Pháp luật</p>", "Hà My", "Đời sống Pháp luật"},
    };
    for (const Row& r : rows) {
        INFO(r.last_line);
        Article a = extract(page(head, headline + "<div class=\"fck\">" + part_one + part_two + "</div>" +
                                           r.last_line))
                        .article;
        CHECK(a.author == r.author);
        CHECK(a.source_organization == r.source);
    }
    // The same rules on the byline text alone.
    struct Parsed {
        const char* text;
        std::vector<std::string> authors;
        const char* source;
    };
    const Parsed parsed[] = {
        {"Tin: Thu Hằng - Ảnh: Quốc Bảo", {"Thu Hằng"}, ""},
        {"Tin và ảnh: Lê Hoài", {"Lê Hoài"}, ""},
        {"Nhóm PV: Hải Yến, Đức Anh", {"Hải Yến", "Đức Anh"}, ""},
        {"K. Miên", {"K. Miên"}, ""},
        {"Theo Hồ Hương", {"Hồ Hương"}, ""},
        {"Theo NGUYỄN LAN", {"NGUYỄN LAN"}, ""},
        {"Theo TTXVN", {}, "TTXVN"},
        {"Theo Thanh Niên", {}, "Thanh Niên"},
        {"Theo Báo Thanh Hóa", {}, "Báo Thanh Hóa"},
        {"Theo Kinh tế & Đô thị", {}, "Kinh tế & Đô thị"},
        {"Theo New York Times", {}, "New York Times"},
    };
    for (const Parsed& p : parsed) {
        INFO(p.text);
        auto b = parse_byline(p.text);
        REQUIRE(b.has_value());
        CHECK(b->authors == p.authors);
        CHECK(b->source == p.source);
    }
}

TEST_CASE("a dateline set in its own element is separated from the lead it is glued to", "[extract][layouts]") {
    struct Row {
        const char* lead;
        const char* want;
    };
    const Row rows[] = {
        {"<span class=\"location-stamp\">Thanh Hóa</span>Nhiều giáo viên chưa nhận đủ lương tháng trước.",
         "Thanh Hóa - Nhiều giáo viên chưa nhận đủ lương tháng trước."},
        {"<strong>Hà Nội</strong>Nhiều tuyến phố ngập sâu sau trận mưa lớn chiều qua.",
         "Hà Nội - Nhiều tuyến phố ngập sâu sau trận mưa lớn chiều qua."},
        // Not a label: a drop cap, and a label already followed by its own dash.
        {"<span class=\"dropcap\">N</span>hiều giáo viên chưa nhận đủ lương tháng trước.",
         "Nhiều giáo viên chưa nhận đủ lương tháng trước."},
        {"<strong>TP - </strong>Nhiều giáo viên chưa nhận đủ lương tháng trước.",
         "TP - Nhiều giáo viên chưa nhận đủ lương tháng trước."},
    };
    for (const Row& r : rows) {
        INFO(r.lead);
        Article a = extract(page(head, headline + "<p class=\"description\">" + r.lead + "</p><div class=\"fck\">" +
                                           part_one + part_two + "</div>"))
                        .article;
        CHECK(a.description == r.want);
        CHECK(a.body.starts_with(std::string(r.want) + "\n\n"));
    }
}

TEST_CASE("home, section and tag pages are listings; articles with related links are not", "[extract][listing]") {
    auto teaser = [](int i, bool description) {
        std::string n = std::to_string(i);
        return "<div class=\"item\"><h3><a href=\"/xa-hoi/tin-so-" + n + "-1234567" + n +
               ".html\">Tin số " + n + ": đê biển, đường sá và trường học trước mùa mưa</a></h3>" +
               (description ? "<p class=\"sapo\">Tóm tắt của tin số " + n +
                                  ", nói về việc chuẩn bị trước mùa mưa bão ở các xã ven biển của tỉnh.</p>"
                            : std::string()) +
               "</div>";
    };
    std::string section = "<h1>Xã hội</h1><div class=\"list\">";
    for (int i = 0; i < 20; ++i) section += teaser(i, true);
    section += "</div>";
    std::string home = "<div class=\"top\">";
    for (int i = 0; i < 45; ++i) home += teaser(i, i == 0);
    home += "</div>";
    std::string related = "<div class=\"related\"><h3>Tin liên quan</h3>";
    for (int i = 0; i < 12; ++i) related += teaser(i, false);
    related += "</div>";

    CHECK(extract(page("<title>Xã hội - Báo Mẫu</title>", section)).kind == PageKind::listing);
    CHECK(extract(page("<title>Báo Mẫu - Tin tức</title>", home)).kind == PageKind::listing);
    // An article: with metadata, and without (an old layout) but with its running text.
    CHECK(extract(page(head, headline + "<div class=\"fck\">" + part_one + part_two + "</div>" + related)).kind ==
          PageKind::article);
    CHECK(extract(page("<title>Đê biển xuống cấp trước mùa mưa bão</title>",
                       headline + "<div class=\"fck\">" + part_one + part_two + "</div>" + related))
              .kind == PageKind::article);
}
