// Tables in article bodies: a data table's text stays readable (one row a
// line, cells joined by " | "); layout tables read as their blocks; boxes of
// links and tables outside the article stay out.
#include <catch2/catch.hpp>

#include <string>

#include "extract/extract.h"
#include "article_pages.h"

using presswatch::Article;
using presswatch::extract::ExtractOptions;
using presswatch::extract::extract_article;
using presswatch::test_pages::body_paragraphs;
using presswatch::test_pages::page;

TEST_CASE("data tables inside the article are kept as rows of cells; layout tables and link boxes are not",
          "[extract][tables]") {
    const std::string scores =
        "<table class=\"bang-xep-hang\"><thead><tr><th>Hạng</th><th>Đội</th><th>Điểm</th></tr></thead><tbody>"
        "<tr class=\"player-row odd\"><td>1</td><td>Đông Á Thanh Hóa</td><td>40</td></tr>"
        "<tr class=\"player-row even\"><td>2</td><td>Hà Nội</td><td></td><td>38</td></tr>"
        "</tbody></table>";
    const std::string scores_text = "Hạng | Đội | Điểm\n1 | Đông Á Thanh Hóa | 40\n2 | Hà Nội | 38";
    struct Row {
        const char* what;
        std::string body;
        std::string in_body;      // must appear in articleBody ("" for none)
        std::string not_in_body;  // must not appear ("" for none)
    };
    const Row rows[] = {
        {"a table inside the body container, rows with classes that look like boilerplate",
         "<div class=\"article-body\">" + body_paragraphs + scores + "</div>", "\n\n" + scores_text, ""},
        {"a table next to the body container, under the same parent",
         "<div class=\"main\"><div class=\"article-body\">" + body_paragraphs + "</div>" + scores +
             "<div class=\"share-tools\"><a href=\"#\">Chia sẻ</a></div></div>",
         "\n\n" + scores_text, "Chia sẻ"},
        {"a figure laid out as a table: the picture's caption is not text of the article",
         "<div class=\"article-body\"><table class=\"image\"><tr><td><img src=\"a.jpg\"></td></tr>"
         "<tr><td class=\"caption\">Kênh nước thải ở xã ven biển - Ảnh: N.L</td></tr></table>" +
             body_paragraphs + "</div>",
         "", "Ảnh: N.L"},
        {"a layout table whose cells hold paragraphs reads as those paragraphs",
         "<table class=\"layout\"><tr><td class=\"col-main\">" + body_paragraphs +
             "</td><td class=\"col-side\"><div class=\"sidebar\"><a href=\"/a\">Tin nóng</a></div></td></tr></table>",
         "\n\nTheo lời kể của một hộ dân", " | "},
        {"a table of links (related news) inside the body stays out",
         "<div class=\"article-body\">" + body_paragraphs +
             "<table><tr><td><a href=\"/a\">Thanh Hóa khánh thành cầu mới bắc qua sông</a></td></tr>"
             "<tr><td><a href=\"/b\">Thanh Hóa đẩy mạnh chuyển đổi số năm nay</a></td></tr></table></div>",
         "", "Thanh Hóa"},
        {"a data table in a sidebar, away from the article, stays out",
         "<div class=\"article-body\">" + body_paragraphs + "</div>"
         "<aside class=\"sidebar\"><h3>Giá vàng</h3><table><tr><td>SJC</td><td>90,5</td></tr>"
         "<tr><td>Nhẫn</td><td>88,1</td></tr></table></aside>",
         "", "SJC"},
    };
    for (const Row& r : rows) {
        INFO(r.what);
        std::string html =
            page("<title>Nước thải tràn ra kênh</title>", "<h1>Nước thải tràn ra kênh</h1>" + r.body);
        Article a = extract_article(html, ExtractOptions{});
        INFO(a.body);
        CHECK(a.body.starts_with("Sáng 6/3, người dân"));
        if (!r.in_body.empty()) CHECK(a.body.find(r.in_body) != std::string::npos);
        if (!r.not_in_body.empty()) CHECK(a.body.find(r.not_in_body) == std::string::npos);
    }
}
