// Báo Phố Thị: OpenGraph only, with og:type "website" and a share link as
// og:url; no machine-readable date on the page, only the visible
// "Nguyên Minh - 07/03/2026   08:52 (GMT+07:00)"; a weather widget that
// names Thanh Hóa on every page.
#include <fmt/format.h>

#include "demo/page_templates.h"

namespace presswatch::demo {

namespace {

std::string header(const PageContext&) {
    return "<div id=\"top\">\n<div class=\"weather-widget\"><span>Thời tiết:</span> "
           "<span class=\"city\">Hà Nội 21&deg;C</span> <span class=\"city\">TP.HCM 31&deg;C</span> "
           "<span class=\"city\">Thanh Hóa 23&deg;C</span> <span class=\"city\">Đà Nẵng 25&deg;C</span></div>\n"
           "<a class=\"logo\" href=\"/\">PHỐ THỊ</a>\n"
           "<ul class=\"nav\"><li><a href=\"/thoi-su/\">Thời sự</a></li><li><a href=\"/kinh-te/\">Kinh tế</a></li>"
           "<li><a href=\"/do-thi/\">Đô thị</a></li><li><a href=\"/phap-luat/\">Pháp luật</a></li>"
           "<li><a href=\"/giai-tri/\">Giải trí</a></li></ul>\n</div>\n";
}

std::string footer(const PageContext&) {
    return "<div id=\"bottom\">\n<p>Báo Phố Thị - Tin tức đô thị (tên hư cấu, bản demo).</p>\n"
           "<p>Liên hệ quảng cáo: 0900 000 000</p>\n</div>\n";
}

// The caption sits in a table cell, with no element of its own.
std::string figure(const SiteArticle& a) {
    if (a.caption.empty()) return {};
    return "<table class=\"picture\"><tr><td class=\"pic\"><img src=\"" + image_path(a) +
           "\"></td></tr>\n<tr><td class=\"pCaption caption\">" + escape_text(a.caption) + "</td></tr></table>\n";
}

std::string article(const PageContext& ctx, const SiteArticle& a) {
    const LocalTime l = ctx.local_of(a);
    std::string head;
    head += "<meta property=\"og:type\" content=\"website\">\n";
    head += "<meta property=\"og:title\" content=\"" + escape_html(a.headline) + "\">\n";
    head += "<meta property=\"og:description\" content=\"" + escape_html(a.lead) + "\">\n";
    head += "<meta property=\"og:url\" content=\"" + escape_html(ctx.url(a) + "?utm_source=share&utm_medium=zalo") +
            "\">\n";

    std::string body = header(ctx);
    body += "<div class=\"main-article\">\n<div class=\"breadcrumbs\"><a href=\"/\">Trang chủ</a> &raquo; " +
            escape_html(a.section) + "</div>\n";
    body += "<h1 class=\"article-title\">" + escape_text(a.headline) + "</h1>\n";
    body += fmt::format("<div class=\"article-meta\">{} - {:02}/{:02}/{}   {:02}:{:02} (GMT+07:00)</div>\n",
                        escape_html(a.author), l.day, l.month, l.year, l.hour, l.minute);
    body += "<div class=\"article-sapo\"><strong>" + escape_text(a.lead) + "</strong></div>\n";
    body += "<div class=\"article-body\">\n" + paragraphs_html(a, {}, figure(a)) + "</div>\n";
    if (!a.related.empty())
        body += "<div class=\"more-news\"><h4>Tin khác</h4>\n" + related_list(ctx, a) + "</div>\n";
    body += "</div>\n" + footer(ctx);
    return html_document(a.headline, head, body);
}

}  // namespace

const PageStyle phothi_style{article, header, footer};

}  // namespace presswatch::demo
