// Article extraction over pages written for these tests: one rule a row.
#include <catch2/catch.hpp>

#include <string>

#include "core/error.h"
#include "extract/article_json.h"
#include "extract/extract.h"
#include "extract/html_selector.h"
#include "text/dates.h"
#include "article_pages.h"

using presswatch::Article;
using presswatch::extract::ExtractOptions;
using presswatch::extract::extract_article;
using presswatch::text::iso8601;
using presswatch::text::parse_iso8601;
using presswatch::test_pages::body_paragraphs;
using presswatch::test_pages::page;

namespace {

const std::int64_t fetch = *parse_iso8601("2026-03-07T10:00:00+07:00");

Article extract(const std::string& html) {
    ExtractOptions o;
    o.url = "https://bao.example/thoi-su/bai-viet-123.html";
    o.fetch_time = fetch;
    return extract_article(html, o);
}

const std::string site_chrome_top =
    "<div class=\"top-bar\">Thứ bảy, 07/03/2026</div>"
    "<nav class=\"main-menu\"><a href=\"/\">Trang chủ</a> <a href=\"/thoi-su\">Thời sự</a> "
    "<a href=\"/thanh-hoa\">Thanh Hóa</a></nav>";
const std::string site_chrome_bottom =
    "<footer><p>Cơ quan chủ quản: Báo Ví Dụ. Giấy phép số 123/GP-BTTTT. Địa chỉ: 1 Đường Mẫu, Hà Nội.</p></footer>";

}  // namespace

TEST_CASE("the visible headline wins over metadata, entities are decoded once, also double-escaped ones",
          "[extract]") {
    std::string head =
        "<title>Nước thải tràn ra kênh - Báo Ví Dụ</title>"
        "<meta property=\"og:title\" content=\"Tiêu đề chia sẻ khác hẳn\">"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\"},"
        "{\"@type\":\"NewsArticle\",\"headline\":\"N&amp;#432;&amp;#7899;c th&amp;#7843;i tr&amp;#224;n ra k&amp;#234;nh\","
        "\"datePublished\":\"2026-03-07T08:47:00+07:00\",\"author\":[{\"@type\":\"Person\",\"name\":\"L&#234; Ho&#224;i\"}]}]}"
        "</script>";
    std::string body = site_chrome_top + "<article><h1>Nước thải tràn ra kênh</h1>"
                       "<div class=\"article-body\">" + body_paragraphs + "<p class=\"author\">Lê Hoài</p></div></article>" +
                       site_chrome_bottom;
    Article a = extract(page(head, body));
    CHECK(a.headline == "Nước thải tràn ra kênh");
    CHECK(a.author == "Lê Hoài");
    REQUIRE(a.published);
    CHECK(iso8601(*a.published) == "2026-03-07T08:47:00+07:00");
    CHECK(a.body.find("Trang chủ") == std::string::npos);
    CHECK(a.body.find("Cơ quan chủ quản") == std::string::npos);
    CHECK(a.body.starts_with("Sáng 6/3, người dân"));
}

TEST_CASE("related-news boxes, share bars and comments leave the body; headings and tables stay", "[extract]") {
    std::string body =
        site_chrome_top +
        "<h1>Kiểm tra cơ sở chăn nuôi xả thải</h1>"
        "<div class=\"detail-content\">" + body_paragraphs +
        "<div class=\"share-tools\"><a href=\"#\">Chia sẻ</a> <a href=\"#\">Facebook</a></div>"
        "<h2>Dân mong xử lý dứt điểm</h2>"
        "<p>Nhiều hộ dân cho rằng việc kiểm tra cần làm thường xuyên, không chỉ khi báo chí lên tiếng, để tránh "
        "tình trạng tái diễn.</p>"
        "<table><tr><td>Hộ bị ảnh hưởng</td><td>42</td></tr><tr><td>Diện tích kênh</td><td>3 km</td></tr></table>"
        "<div class=\"box-tinlienquan\"><h3>Tin liên quan</h3><ul>"
        "<li><a href=\"/a\">Thanh Hóa: khánh thành cầu mới bắc qua sông lớn</a></li>"
        "<li><a href=\"/b\">Thanh Hóa đẩy mạnh chuyển đổi số trong năm nay</a></li></ul></div>"
        "</div>"
        "<div id=\"comments\"><p>Bạn đọc Thanh Hóa: bài viết rất hay, mong cơ quan chức năng sớm vào cuộc "
        "xử lý.</p></div>" +
        site_chrome_bottom;
    Article a = extract(page("<title>Kiểm tra cơ sở chăn nuôi xả thải</title>", body));
    CHECK(a.body.find("Thanh Hóa") == std::string::npos);
    CHECK(a.body.find("Chia sẻ") == std::string::npos);
    CHECK(a.body.find("\n\nDân mong xử lý dứt điểm\n\n") != std::string::npos);
    CHECK(a.body.ends_with("\n\nHộ bị ảnh hưởng | 42\nDiện tích kênh | 3 km"));
}

TEST_CASE("<br><br> separates paragraphs; a single <br> does not glue words", "[extract]") {
    std::string body =
        "<h1>Tâm sự của một người cha</h1><div class=\"content\"><p class=\"Normal\">"
        "Tôi năm nay ba mươi tuổi, đã lập gia đình được năm năm và có một con nhỏ rất ngoan.<br><br>"
        "Sau nhiều lần suy nghĩ, tôi quyết định viết thư này để xin lời khuyên của mọi người.<br>"
        "Mong được mọi người chia sẻ, góp ý chân thành, cảm ơn rất nhiều vì đã đọc thư.</p></div>";
    Article a = extract(page("<title>Tâm sự của một người cha</title>", body));
    CHECK(a.body ==
          "Tôi năm nay ba mươi tuổi, đã lập gia đình được năm năm và có một con nhỏ rất ngoan.\n\n"
          "Sau nhiều lần suy nghĩ, tôi quyết định viết thư này để xin lời khuyên của mọi người.\n"
          "Mong được mọi người chia sẻ, góp ý chân thành, cảm ơn rất nhiều vì đã đọc thư.");
}

TEST_CASE("a name alone on the last line is the author and leaves the body; 'Theo X' is the source",
          "[extract]") {
    struct Row {
        const char* last_lines;
        const char* author;
        const char* source;
    };
    const Row rows[] = {
        {"<p style=\"text-align:right\"><strong>Minh Châu (tổng hợp)</strong></p>", "Minh Châu", ""},
        {"<p><b>HOÀNG AN - THU TRANG</b></p>", "HOÀNG AN - THU TRANG", ""},
        {"<p><strong>Ngọc Lan</strong></p><p>Theo Thông tấn xã Mẫu</p>", "Ngọc Lan", "Thông tấn xã Mẫu"},
    };
    for (const Row& r : rows) {
        INFO(r.last_lines);
        std::string body = "<h1>Nước thải tràn ra kênh</h1><div class=\"article-body\">" + body_paragraphs +
                           r.last_lines + "</div>";
        Article a = extract(page("<title>Nước thải tràn ra kênh</title>", body));
        CHECK(a.author == r.author);
        CHECK(a.source_organization == r.source);
        CHECK(a.body.ends_with("để có biện pháp xử lý dứt điểm."));
    }
}

TEST_CASE("the lead under the headline becomes the description and the body's first paragraph", "[extract]") {
    std::string body = "<h1>Nước thải tràn ra kênh</h1>"
                       "<h2 class=\"sapo\">(Báo Mẫu) - Người dân phản ánh nước thải chảy ra kênh suốt nhiều tuần, "
                       "chính quyền xã đã vào cuộc kiểm tra.</h2>"
                       "<div class=\"article-body\">" + body_paragraphs + "</div>";
    Article a = extract(page("<title>Nước thải tràn ra kênh</title>", body));
    CHECK(a.description.starts_with("(Báo Mẫu) - Người dân phản ánh"));
    CHECK(a.body.starts_with(a.description + "\n\nSáng 6/3"));
}

TEST_CASE("decomposed letters come out NFC, zero-width characters and stray U+FEFF are removed", "[extract]") {
    // "Thanh Hóa" with o + U+0301, and a U+FEFF and U+200B inside a paragraph.
    std::string body = "<h1>Tin Thanh Ho\xCC\x81" "a</h1><div class=\"article-body\">" + body_paragraphs +
                       "<p>Nước thải ở Thanh Ho\xCC\x81" "a \xEF\xBB\xBF" "đã được xử\xE2\x80\x8B lý xong sau nhiều "
                       "ngày đoàn kiểm tra làm việc.</p></div>";
    Article a = extract(page("<title>Tin</title>", body));
    CHECK(a.headline == "Tin Thanh Hóa");
    CHECK(a.body.find("Nước thải ở Thanh Hóa đã được xử lý xong") != std::string::npos);
}

TEST_CASE("dates: the visible one wins over local time labelled Z, metadata over other gaps; a today banner is not the date",
          "[extract]") {
    struct Row {
        const char* meta;
        const char* visible;
        const char* expected;
    };
    const Row rows[] = {
        // Local 08:47 labelled Z (15:47 in Vietnam): the page shows 08:47.
        {"<meta property=\"article:published_time\" content=\"2026-03-06T08:47:00Z\">",
         "<span class=\"date\">Thứ sáu, 6/3/2026, 08:47 (GMT+7)</span>", "2026-03-06T08:47:00+07:00"},
        // Metadata with seconds, visible to the minute: the metadata's value.
        {"<meta property=\"article:published_time\" content=\"2026-03-06T08:47:31+07:00\">",
         "<span class=\"date\">06/03/2026 08:47</span>", "2026-03-06T08:47:31+07:00"},
        // Off by minutes, not by a zone: the line is an update; the metadata stands.
        {"<meta property=\"article:published_time\" content=\"2026-03-06T08:47:00+07:00\">",
         "<span class=\"date\">Cập nhật 06/03/2026 11:20</span>", "2026-03-06T08:47:00+07:00"},
        // No metadata; the top bar shows today, the article line yesterday.
        {"", "<div class=\"meta\">Hoài Thu - 06/03/2026 21:15</div>", "2026-03-06T21:15:00+07:00"},
        // Date-only metadata, the time is on the page.
        {"<meta itemprop=\"datePublished\" content=\"2026-03-05\">", "<span>05/03/2026 - 10:03</span>",
         "2026-03-05T10:03:00+07:00"},
        // Relative time against the fetch time.
        {"", "<span class=\"time\">2 giờ trước</span>", "2026-03-07T08:00:00+07:00"},
    };
    for (const Row& r : rows) {
        INFO(r.visible);
        std::string body = site_chrome_top + "<h1>Nước thải tràn ra kênh</h1>" + r.visible +
                           "<div class=\"article-body\">" + body_paragraphs + "</div>";
        Article a = extract(page(std::string("<title>Nước thải tràn ra kênh</title>") + r.meta, body));
        REQUIRE(a.published);
        CHECK(iso8601(*a.published) == r.expected);
    }
}

TEST_CASE("metadata authors count only when shown; publishers and 'Theo X' are not authors", "[extract]") {
    std::string head =
        "<title>Nước thải tràn ra kênh | Báo Ví Dụ</title><meta name=\"author\" content=\"Báo Ví Dụ\">"
        "<meta property=\"og:site_name\" content=\"Báo Ví Dụ\">"
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Nước thải tràn ra kênh\","
        "\"author\":[{\"@type\":\"Person\",\"name\":\"Công ty Phần mềm CMS\"},{\"@type\":\"Person\",\"name\":\"Theo TTXVN\"}]}"
        "</script>";
    std::string body = "<h1>Nước thải tràn ra kênh</h1><div class=\"article-body\">" + body_paragraphs + "</div>" +
                       "<footer>Báo Ví Dụ</footer>";
    Article a = extract(page(head, body));
    CHECK(a.author.empty());
    CHECK(a.source_organization == "TTXVN");
}

TEST_CASE("the <title> names the site: its suffix is a publisher, not an author; a short headline matches it",
          "[extract]") {
    struct Row {
        const char* what;
        std::string head, body;
        const char* headline;
        const char* author;
    };
    const Row rows[] = {
        {"the site's name in the title suffix and the footer, given as the author",
         "<title>Nước thải tràn ra kênh - Tạp Chí Ven Biển</title>"
         "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\","
         "\"name\":\"Tạp Chí Ven Biển\"}}</script>",
         "<h1>Nước thải tràn ra kênh</h1><div class=\"article-body\">" + body_paragraphs +
             "</div><footer>Tạp Chí Ven Biển</footer>",
         "Nước thải tràn ra kênh", ""},
        {"a headline too short to stand alone, recognised as the start of the title",
         "<title>Mưa lớn | Báo Ví Dụ</title>",
         "<h1>Mưa lớn</h1><div class=\"article-body\">" + body_paragraphs + "</div>", "Mưa lớn", ""},
    };
    for (const Row& r : rows) {
        INFO(r.what);
        Article a = extract(page(r.head, r.body));
        CHECK(a.headline == r.headline);
        CHECK(a.author == r.author);
    }
}

TEST_CASE("pages without an article give an empty body, never a crash or a hang", "[extract][robustness]") {
    std::string nested;
    for (int i = 0; i < 100000; ++i) nested += "<div>";
    nested += "chữ";
    std::string garbage;
    for (int i = 0; i < 200000; ++i) garbage.push_back(static_cast<char>((i * 7919) % 256));
    std::string huge_text = "<p>" + std::string(50u * 1024 * 1024, 'a') + "</p>";
    std::string invalid_utf8 = "<h1>Ti\xC3\xAAu \xFF\xFE \xC3</h1><p>\xE1\xBA</p>";
    const std::string inputs[] = {"", "<html></html>", nested, garbage, huge_text, invalid_utf8,
                                  "<h1>Chỉ có tiêu đề</h1>", "<p><b><i><a>unclosed"};
    for (const auto& in : inputs) {
        Article a = extract(in);
        CHECK(a.body.size() < 5u * 1024 * 1024);
    }
    CHECK(extract("").body.empty());
    CHECK(extract(page("<title>Trang chủ</title>", "<nav><a href=\"/\">Trang chủ</a></nav>")).body.empty());
}

TEST_CASE("article JSON uses schema.org names, null where empty, and reads back", "[extract][json]") {
    Article a;
    a.url = "https://bao.example/a.html";
    a.headline = "Tiêu đề";
    a.body = "Đoạn một.\n\nĐoạn hai.";
    a.published = *parse_iso8601("2026-03-07T08:47:00+07:00");
    nlohmann::json j = presswatch::article_to_json(a);
    CHECK(j["headline"] == "Tiêu đề");
    CHECK(j["datePublished"] == "2026-03-07T08:47:00+07:00");
    CHECK(j["author"].is_null());
    CHECK(j["description"].is_null());
    CHECK(j["dateModified"].is_null());
    CHECK(j["keywords"].is_null());
    Article back = presswatch::article_from_json(j);
    CHECK(back.headline == a.headline);
    CHECK(back.body == a.body);
    CHECK(back.published == a.published);
    CHECK_THROWS_AS(presswatch::article_from_json(nlohmann::json{{"headline", 3}}), presswatch::InputError);
}

TEST_CASE("an outlet's selectors are used only where the generic result fails", "[extract][selectors]") {
    presswatch::config::Outlet outlet;
    outlet.slug = "vidu";
    outlet.selectors = {{"body", "div#noi-dung .doan"},
                        {"date", "[data-role=ngay-dang]"},
                        {"author", "span.ky-ten"},
                        {"headline", "h1"}};
    ExtractOptions o;
    o.fetch_time = fetch;
    o.outlet = &outlet;
    // Body paragraphs too short for the generic scorer, spread in spans.
    std::string thin = "<title>Tin ngắn</title><div id=\"noi-dung\"><div class=\"doan\"><span>Mưa lớn.</span>"
                       "<span>Nước dâng.</span><span>Dân sơ tán.</span></div></div>"
                       "<em data-role=\"ngay-dang\">06/03/2026 07:15</em><span class=\"ky-ten\">Trần Bình</span>";
    Article a = extract_article(thin, o);
    CHECK(a.body.find("Mưa lớn.Nước dâng.Dân sơ tán.") != std::string::npos);
    REQUIRE(a.published);
    CHECK(iso8601(*a.published) == "2026-03-06T07:15:00+07:00");
    CHECK(a.author == "Trần Bình");
    // A page the generic path reads well keeps the generic result.
    std::string good = "<h1>Nước thải tràn ra kênh</h1><div class=\"article-body\">" + body_paragraphs +
                       "</div><div id=\"noi-dung\"><div class=\"doan\">Hộp khác.</div></div>";
    CHECK(extract_article(good, o).body.starts_with("Sáng 6/3"));
    // A selector outside the subset is ignored, not fatal.
    outlet.selectors = {{"body", "div > p:first-child"}};
    CHECK_NOTHROW(extract_article(thin, o));
    CHECK_THROWS_AS(presswatch::extract::HtmlSelector("div > p"), presswatch::InputError);
}
