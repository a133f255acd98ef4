// Microdata (itemscope/itemprop) articles: read_microdata() on its own, then
// extract_article() cross-checking what it says against the visible page.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/html_document.h"
#include "extract/microdata.h"
#include "text/dates.h"
#include "article_pages.h"

using namespace presswatch;
using namespace presswatch::extract;

namespace {

using test_pages::body_paragraphs;

std::string page(const std::string& body) { return test_pages::page("<title>Bài viết</title>", body); }

struct Expected {
    std::string type, headline, description, published, modified, section, publisher;
    std::vector<std::string> authors, keywords;
    bool has_body = false;
};

}  // namespace

TEST_CASE("microdata: the article item's own properties, nested items' names, values by element kind",
          "[extract][microdata]") {
    struct Row {
        const char* what;
        std::string html;
        Expected want;
    };
    const Row rows[] = {
        {"NewsArticle with a nested Person author and meta/time values",
         "<article itemscope itemtype=\"https://schema.org/NewsArticle\">"
         "<h1 itemprop=\"headline\">Nước thải tràn ra kênh</h1>"
         "<meta itemprop=\"description\" content=\"Người dân phản ánh nước thải.\">"
         "<meta itemprop=\"datePublished\" content=\"2026-03-06T08:47:00+07:00\">"
         "<time itemprop=\"dateModified\" datetime=\"2026-03-06T10:05:00+07:00\">10:05</time>"
         "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">"
         "<a itemprop=\"url\" href=\"/tac-gia/le-hoai\"><span itemprop=\"name\">Lê Hoài</span></a></span>"
         "<div itemprop=\"articleBody\">" + body_paragraphs + "</div>"
         "<meta itemprop=\"articleSection\" content=\"Môi trường\">"
         "</article>",
         {"NewsArticle", "Nước thải tràn ra kênh", "Người dân phản ánh nước thải.", "2026-03-06T08:47:00+07:00",
          "2026-03-06T10:05:00+07:00", "Môi trường", "", {"Lê Hoài"}, {}, true}},
        {"an author link's value is its text; two authors; keywords as a list of links",
         "<div itemscope itemtype=\"http://schema.org/BlogPosting\">"
         "<h2 itemprop=\"name\">Ghi chép từ vùng biển</h2>"
         "<a itemprop=\"author\" href=\"/tac-gia/minh-an\">Minh An</a>, "
         "<a itemprop=\"author creator\" href=\"/tac-gia/thu-ha\">Thu Hà</a>"
         "<div itemprop=\"keywords\"><a href=\"/t/1\">môi trường</a><a href=\"/t/2\">nước thải</a></div>"
         "</div>",
         {"BlogPosting", "Ghi chép từ vùng biển", "", "", "", "", "", {"Minh An", "Thu Hà"},
          {"môi trường", "nước thải"}, false}},
        {"an Organization author is a publisher, not a writer; the publisher's name is not the headline",
         "<div itemscope itemtype=\"https://schema.org/Article\">"
         "<div itemprop=\"author\" itemscope itemtype=\"https://schema.org/Organization\">"
         "<span itemprop=\"name\">Báo Ví Dụ</span></div>"
         "<div itemprop=\"publisher\" itemscope itemtype=\"https://schema.org/NewsMediaOrganization\">"
         "<meta itemprop=\"name\" content=\"Báo Ví Dụ\"></div>"
         "<meta itemprop=\"keywords\" content=\"giao thông; cầu mới, Thanh Hóa\">"
         "</div>",
         {"Article", "", "", "", "", "", "Báo Ví Dụ", {}, {"giao thông", "cầu mới", "Thanh Hóa"}, false}},
        {"a related-news teaser's small item does not stand for the page's article",
         "<div itemscope itemtype=\"https://schema.org/NewsArticle\">"
         "<h1 itemprop=\"headline\">Bài chính</h1>"
         "<meta itemprop=\"datePublished\" content=\"2026-03-06T08:47:00+07:00\">"
         "<div itemprop=\"articleBody\">" + body_paragraphs + "</div></div>"
         "<aside><div itemscope itemtype=\"https://schema.org/NewsArticle\">"
         "<a itemprop=\"headline\" href=\"/khac\">Bài khác</a>"
         "<meta itemprop=\"datePublished\" content=\"2020-01-01\"></div></aside>",
         {"NewsArticle", "Bài chính", "", "2026-03-06T08:47:00+07:00", "", "", "", {}, {}, true}},
        {"properties of a nested item (an image) are not the article's; a double-escaped meta value is decoded",
         "<div itemscope itemtype=\"https://schema.org/ReportageNewsArticle\">"
         "<div itemprop=\"image\" itemscope itemtype=\"https://schema.org/ImageObject\">"
         "<span itemprop=\"name\">Ảnh minh họa</span><meta itemprop=\"datePublished\" content=\"2019-05-05\"></div>"
         "<h1 itemprop=\"headline\">Phóng sự dài kỳ</h1>"
         "<span itemprop=\"author\">Trần Bình</span>"
         "<meta itemprop=\"author\" content=\"Ho&amp;#224;ng An\">"
         "</div>",
         {"ReportageNewsArticle", "Phóng sự dài kỳ", "", "", "", "", "",
          {"Trần Bình", "Hoàng An"}, {}, false}},
        {"no article item: nothing found (a Product is not an article)",
         "<div itemscope itemtype=\"https://schema.org/Product\"><span itemprop=\"name\">Máy cày</span></div>",
         {}},
    };
    for (const Row& r : rows) {
        INFO(r.what);
        HtmlDocument doc(page(r.html));
        SchemaArticle a = read_microdata(doc);
        CHECK(a.found == !r.want.type.empty());
        CHECK(a.type == r.want.type);
        CHECK(a.headline == r.want.headline);
        CHECK(a.description == r.want.description);
        CHECK(a.published == r.want.published);
        CHECK(a.modified == r.want.modified);
        CHECK(a.section == r.want.section);
        CHECK(a.publisher == r.want.publisher);
        CHECK(a.authors == r.want.authors);
        CHECK(a.keywords == r.want.keywords);
        CHECK((a.body_element >= 0) == r.want.has_body);
        if (a.body_element >= 0) CHECK(doc.subtree_text(a.body_element).starts_with("Sáng 6/3, người dân"));
    }
}

TEST_CASE("microdata is cross-checked against the visible page like JSON-LD", "[extract][microdata]") {
    const std::int64_t fetch = *text::parse_iso8601("2026-03-07T10:00:00+07:00");
    struct Row {
        const char* what;
        std::string html;
        const char* headline;
        const char* author;
        const char* published;
        const char* modified;
    };
    const std::string open = "<article itemscope itemtype=\"https://schema.org/NewsArticle\">";
    const Row rows[] = {
        {"headline, author (nested Person), dates and body from microdata",
         open + "<h1 itemprop=\"headline\">Nước thải tràn ra kênh</h1>"
                "<p class=\"info\"><span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">"
                "<span itemprop=\"name\">Lê Hoài</span></span></p>"
                "<meta itemprop=\"datePublished\" content=\"2026-03-06T08:47:31+07:00\">"
                "<meta itemprop=\"dateModified\" content=\"2026-03-06T11:00:00+07:00\">"
                "<div itemprop=\"articleBody\">" + body_paragraphs + "</div></article>",
         "Nước thải tràn ra kênh", "Lê Hoài", "2026-03-06T08:47:31+07:00", "2026-03-06T11:00:00+07:00"},
        {"the visible headline wins over a microdata headline that differs",
         open + "<meta itemprop=\"headline\" content=\"Tiêu đề tối ưu tìm kiếm khác hẳn\">"
                "<h1>Nước thải tràn ra kênh</h1><div itemprop=\"articleBody\">" + body_paragraphs + "</div></article>",
         "Nước thải tràn ra kênh", "", "", ""},
        {"a microdata author the page never shows is not taken",
         open + "<h1 itemprop=\"headline\">Nước thải tràn ra kênh</h1>"
                "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">"
                "<meta itemprop=\"name\" content=\"Quản Trị Viên Hệ Thống\"></span>"
                "<div itemprop=\"articleBody\">" + body_paragraphs + "</div></article>",
         "Nước thải tràn ra kênh", "", "", ""},
        {"local time labelled Z in microdata: the visible time wins",
         open + "<h1 itemprop=\"headline\">Nước thải tràn ra kênh</h1>"
                "<span class=\"date\">Thứ sáu, 6/3/2026, 08:47 (GMT+7)</span>"
                "<meta itemprop=\"datePublished\" content=\"2026-03-06T08:47:00Z\">"
                "<div itemprop=\"articleBody\">" + body_paragraphs + "</div></article>",
         "Nước thải tràn ra kênh", "", "2026-03-06T08:47:00+07:00", ""},
        {"a date on a teaser's item elsewhere on the page is not the article's",
         open + "<h1 itemprop=\"headline\">Nước thải tràn ra kênh</h1>"
                "<meta itemprop=\"datePublished\" content=\"2026-03-06T08:47:00+07:00\">"
                "<div itemprop=\"articleBody\">" + body_paragraphs + "</div></article>"
                "<div class=\"box-news\" itemscope itemtype=\"https://schema.org/NewsArticle\">"
                "<a itemprop=\"headline\" href=\"/cu\">Tin cũ</a>"
                "<meta itemprop=\"datePublished\" content=\"2025-01-02T07:00:00+07:00\"></div>",
         "Nước thải tràn ra kênh", "", "2026-03-06T08:47:00+07:00", ""},
    };
    for (const Row& r : rows) {
        INFO(r.what);
        ExtractOptions o;
        o.fetch_time = fetch;
        Article a = extract_article(page(r.html), o);
        CHECK(a.headline == r.headline);
        CHECK(a.author == r.author);
        CHECK((a.published ? text::iso8601(*a.published) : "") == r.published);
        CHECK((a.modified ? text::iso8601(*a.modified) : "") == r.modified);
        CHECK(a.body.starts_with("Sáng 6/3, người dân"));
        CHECK(a.body.ends_with("để có biện pháp xử lý dứt điểm."));
    }
}

TEST_CASE("the marked articleBody brings back the part of a body the scorer left out", "[extract][microdata]") {
    // An introduction in its own block, then the steps as a list: the list
    // scores too low to be joined; the page's articleBody mark holds both.
    const std::string intro =
        "<div class=\"intro\">"
        "<p>Mùa mưa bão sắp đến, chính quyền các xã ven biển khuyến cáo người dân chuẩn bị sẵn lương thực, "
        "nước uống, đèn pin và thuốc men cho ít nhất ba ngày.</p>"
        "<p>Theo ban chỉ huy phòng chống thiên tai, năm nay dự báo có nhiều cơn bão mạnh, mưa lớn kéo dài, "
        "nguy cơ ngập lụt cao ở vùng trũng thấp, ven sông và cửa biển.</p>"
        "<p>Người dân cần theo dõi bản tin thời tiết, giữ liên lạc với trưởng thôn, không ra khơi khi có "
        "lệnh cấm biển, và gia cố nhà cửa trước khi bão vào.</p>"
        "<p>Những hộ ở nhà tạm, nhà yếu, cần chủ động sơ tán đến nơi an toàn, mang theo giấy tờ quan trọng, "
        "tiền mặt và vật dụng cần thiết cho gia đình.</p></div>";
    const std::string steps =
        "<ol><li>Chằng chống mái nhà bằng bao cát và dây thép trước khi gió mạnh.</li>"
        "<li>Cắt tỉa cành cây gần nhà để tránh cây đổ gây thiệt hại.</li>"
        "<li>Kiểm tra đường điện, ngắt cầu dao khi nước bắt đầu vào nhà.</li></ol>";
    std::string html = "<h1>Chuẩn bị cho mùa mưa bão</h1><div itemscope itemtype=\"https://schema.org/Article\">"
                       "<div itemprop=\"articleBody\">" + intro + steps + "</div></div>";
    Article a = extract_article(page(html), ExtractOptions{});
    CHECK(a.body.starts_with("Mùa mưa bão sắp đến"));
    CHECK(a.body.ends_with("ngắt cầu dao khi nước bắt đầu vào nhà."));
}
