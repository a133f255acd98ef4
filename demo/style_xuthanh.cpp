// Báo Xứ Thanh: a local outlet on a WordPress-like theme that spells the
// province "Thanh Hoá" (old tone placement) throughout. article:published_time
// in UTC, the visible date "07-03-2026 - 08:01 AM", the byline as the last
// (plain) line of the body, and "Thanh Hoá" in the menu and the footer.
#include <fmt/format.h>

#include "demo/page_templates.h"
#include "demo/shown_dates.h"

namespace presswatch::demo {

namespace {

std::string header(const PageContext&) {
    return "<header class=\"site-header\">\n<p class=\"site-title\"><a href=\"/\">Báo Xứ Thanh</a></p>\n"
           "<p class=\"site-description\">Tin tức Thanh Hoá mỗi ngày</p>\n"
           "<nav class=\"main-navigation\"><ul id=\"primary-menu\" class=\"menu\">"
           "<li><a href=\"/chuyen-muc/thoi-su/\">Thời sự</a></li>"
           "<li><a href=\"/chuyen-muc/thanh-hoa-24h/\">Thanh Hoá 24h</a></li>"
           "<li><a href=\"/chuyen-muc/kinh-te/\">Kinh tế</a></li>"
           "<li><a href=\"/chuyen-muc/van-hoa/\">Văn hoá</a></li>"
           "<li><a href=\"/chuyen-muc/ban-doc/\">Bạn đọc</a></li></ul></nav>\n</header>\n";
}

std::string footer(const PageContext&) {
    return "<footer class=\"site-footer\">\n<p>Báo Xứ Thanh - Trang tin điện tử của người Thanh Hoá "
           "(tên hư cấu, bản demo).</p>\n<p>Địa chỉ: 5 Trần Phú, phường Hạc Thành, tỉnh Thanh Hoá.</p>\n</footer>\n";
}

std::string figure(const SiteArticle& a) {
    if (a.caption.empty()) return {};
    return "<figure class=\"wp-block-image size-large\"><img src=\"" + image_path(a) +
           "\" alt=\"\" loading=\"lazy\"><figcaption class=\"wp-element-caption\">" + escape_text(a.caption) +
           "</figcaption></figure>\n";
}

std::string article(const PageContext& ctx, const SiteArticle& a) {
    const std::int64_t t = ctx.time_of(a);
    const LocalTime l = vietnam_local(t);
    const int hour12 = l.hour % 12 == 0 ? 12 : l.hour % 12;
    std::string head;
    head += "<meta property=\"og:type\" content=\"article\">\n";
    head += "<meta property=\"og:title\" content=\"" + escape_html(a.headline) + "\">\n";
    head += "<meta property=\"og:description\" content=\"" + escape_html(a.lead) + "\">\n";
    // WordPress writes this in UTC.
    const LocalTime u = vietnam_local(t - 7 * 3600);
    head += fmt::format("<meta property=\"article:published_time\" content=\"{}-{:02}-{:02}T{:02}:{:02}:{:02}+00:00\">\n",
                        u.year, u.month, u.day, u.hour, u.minute, u.second);
    head += "<link rel=\"canonical\" href=\"" + escape_html(ctx.url(a)) + "\">\n";

    std::string body = header(ctx);
    body += "<div id=\"primary\" class=\"content-area\"><main id=\"main\">\n<article class=\"post type-post\">\n";
    body += "<header class=\"entry-header\"><span class=\"cat-links\">" + escape_html(a.section) + "</span>\n";
    body += "<h1 class=\"entry-title\">" + escape_text(a.headline) + "</h1>\n";
    body += fmt::format("<div class=\"entry-meta\"><span class=\"posted-on\">{:02}-{:02}-{} - {:02}:{:02} {}</span></div>\n",
                        l.day, l.month, l.year, hour12, l.minute, l.hour < 12 ? "AM" : "PM");
    body += "</header>\n<div class=\"entry-content\">\n<p><strong>" + escape_text(a.lead) + "</strong></p>\n";
    body += paragraphs_html(a, {}, figure(a));
    if (!a.author.empty()) body += "<p>" + escape_text(a.author) + "</p>\n";
    body += "</div>\n</article>\n";
    if (!a.related.empty())
        body += "<div class=\"related-posts\"><h3 class=\"widget-title\">Bài viết liên quan</h3>\n" +
                related_list(ctx, a) + "</div>\n";
    body += "</main></div>\n" + footer(ctx);
    return html_document(a.headline + " – Báo Xứ Thanh", head, body);
}

}  // namespace

const PageStyle xuthanh_style{article, header, footer};

}  // namespace presswatch::demo
