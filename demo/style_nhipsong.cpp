// Báo Nhịp Sống Việt: JSON-LD whose headline keeps HTML entities (&quot;),
// as some CMSs double-escape it; the byline before the date
// "Thứ bảy, 07/03/2026 - 08:07"; related news in a sidebar; a footer naming
// the regional office in Thanh Hóa, on every page.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "demo/page_templates.h"
#include "text/dates.h"

namespace presswatch::demo {

namespace {

std::string header(const PageContext&) {
    return "<header id=\"header\">\n<div class=\"brand\"><a href=\"/\">Nhịp Sống Việt</a></div>\n"
           "<nav><a href=\"/xa-hoi.htm\">Xã hội</a> | <a href=\"/kinh-doanh.htm\">Kinh doanh</a> | "
           "<a href=\"/doi-song.htm\">Đời sống</a> | <a href=\"/bat-dong-san.htm\">Bất động sản</a> | "
           "<a href=\"/the-thao.htm\">Thể thao</a> | <a href=\"/nhip-song-tre.htm\">Nhịp sống trẻ</a></nav>\n"
           "</header>\n";
}

std::string footer(const PageContext&) {
    return "<footer id=\"footer\">\n<p>Báo điện tử Nhịp Sống Việt (tên hư cấu, bản demo).</p>\n"
           "<p>Tòa soạn: 18 phố Hàng Chuối, Hà Nội.</p>\n"
           "<p>Văn phòng đại diện khu vực Bắc Trung Bộ: 27 đại lộ Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa.</p>\n"
           "<p>Văn phòng đại diện khu vực Tây Nguyên: 9 Phan Bội Châu, Buôn Ma Thuột, Đắk Lắk.</p>\n"
           "</footer>\n";
}

std::string figure(const SiteArticle& a) {
    if (a.caption.empty()) return {};
    return "<figure class=\"image align-center\"><img src=\"" + image_path(a) + "\" alt=\"\">\n<figcaption>" +
           escape_text(a.caption) + "</figcaption></figure>\n";
}

std::string article(const PageContext& ctx, const SiteArticle& a) {
    const std::int64_t t = ctx.time_of(a);
    const LocalTime l = vietnam_local(t);
    nlohmann::json ld = {
        {"@context", "http://schema.org"},
        {"@type", "NewsArticle"},
        // The CMS stores headlines HTML-escaped and puts them here as is.
        {"headline", escape_html(a.headline)},
        {"description", a.lead},
        {"url", ctx.url(a)},
        {"datePublished", text::iso8601(t)},
        {"author", {{"@type", "Person"}, {"name", a.author}}},
        {"publisher", {{"@type", "Organization"}, {"name", "Nhịp Sống Việt"}}},
    };
    std::string head = "<meta property=\"og:title\" content=\"" + escape_html(a.headline) + "\">\n" +
                       "<meta property=\"og:description\" content=\"" + escape_html(a.lead) + "\">\n" +
                       "<script type=\"application/ld+json\">\n" + ld.dump(2) + "\n</script>\n";

    std::string body = header(ctx);
    body += "<div class=\"singular-container\">\n<main>\n";
    body += "<h1 class=\"title-page detail\">" + escape_text(a.headline) + "</h1>\n";
    body += "<div class=\"author-wrap\"><div class=\"author-name\"><b>" + escape_text(a.author) + "</b></div>\n";
    body += fmt::format("<time class=\"author-time\" datetime=\"{}\">{}, {:02}/{:02}/{} - {:02}:{:02}</time></div>\n",
                        text::iso8601(t), vietnamese_weekday(l.weekday), l.day, l.month, l.year, l.hour, l.minute);
    body += "<h2 class=\"singular-sapo\">" + escape_text(a.lead) + "</h2>\n";
    body += "<div class=\"singular-content\">\n" + paragraphs_html(a, {}, figure(a)) + "</div>\n</main>\n";
    if (!a.related.empty())
        body += "<aside class=\"sidebar\"><div class=\"article-related\"><h3>Tin cùng chuyên mục</h3>\n" +
                related_list(ctx, a) + "</div></aside>\n";
    body += "</div>\n" + footer(ctx);
    return html_document(a.headline + " | Báo Nhịp Sống Việt", head, body);
}

}  // namespace

const PageStyle nhipsong_style{article, header, footer};

}  // namespace presswatch::demo
