// Thời Báo Đất Việt: OpenGraph and article:published_time, no JSON-LD. The
// byline stands before the date ("07/03/2026 08:01 GMT+7"), the sapo is an
// <h2>, a "Đọc thêm" box sits inside the article body (as some outlets
// embed it), and the menu has a regional section that links "Thanh Hóa".
#include <fmt/format.h>

#include "demo/page_templates.h"
#include "text/dates.h"

namespace presswatch::demo {

namespace {

std::string header(const PageContext&) {
    return "<div class=\"header\">\n<a class=\"logo\" href=\"/\">Thời Báo Đất Việt</a>\n"
           "<ul class=\"menu-nav\">\n<li><a href=\"/thoi-su.htm\">Thời sự</a></li>\n"
           "<li><a href=\"/kinh-te.htm\">Kinh tế</a></li>\n<li><a href=\"/ban-doc.htm\">Bạn đọc</a></li>\n"
           "<li class=\"has-sub\"><a href=\"/dia-phuong.htm\">Địa phương</a><ul class=\"sub\">"
           "<li><a href=\"/dia-phuong/ha-noi.htm\">Hà Nội</a></li>"
           "<li><a href=\"/dia-phuong/tp-hcm.htm\">TP.HCM</a></li>"
           "<li><a href=\"/dia-phuong/thanh-hoa.htm\">Thanh Hóa</a></li>"
           "<li><a href=\"/dia-phuong/nghe-an.htm\">Nghệ An</a></li>"
           "<li><a href=\"/dia-phuong/da-nang.htm\">Đà Nẵng</a></li>"
           "<li><a href=\"/dia-phuong/can-tho.htm\">Cần Thơ</a></li></ul></li>\n"
           "<li><a href=\"/van-hoa.htm\">Văn hóa</a></li>\n</ul>\n</div>\n";
}

std::string footer(const PageContext&) {
    return "<div class=\"footer\">\n<p>Thời Báo Đất Việt - Cơ quan ngôn luận của Hội Doanh nhân Đất Việt "
           "(tổ chức hư cấu, bản demo).</p>\n<p>Văn phòng đại diện: Hà Nội, TP.HCM, Đà Nẵng, Cần Thơ.</p>\n</div>\n";
}

std::string figure(const SiteArticle& a) {
    if (a.caption.empty()) return {};
    return "<figure class=\"VCSortableInPreviewMode\" type=\"Photo\"><div><img src=\"" + image_path(a) +
           "\" alt=\"" + escape_html(a.headline) + "\"></div>\n<figcaption class=\"PhotoCMS_Caption\"><p>" +
           escape_text(a.caption) + "</p></figcaption></figure>\n";
}

std::string article(const PageContext& ctx, const SiteArticle& a) {
    const std::int64_t t = ctx.time_of(a);
    const LocalTime l = vietnam_local(t);
    std::string head;
    head += "<meta name=\"description\" content=\"" + escape_html(a.lead) + "\">\n";
    head += "<meta name=\"author\" content=\"" + escape_html(a.author) + "\">\n";
    head += "<meta property=\"og:type\" content=\"article\">\n";
    head += "<meta property=\"og:title\" content=\"" + escape_html(a.headline) + "\">\n";
    head += "<meta property=\"og:description\" content=\"" + escape_html(a.lead) + "\">\n";
    head += "<meta property=\"og:url\" content=\"" + escape_html(ctx.url(a)) + "\">\n";
    head += "<meta property=\"og:site_name\" content=\"Thời Báo Đất Việt\">\n";
    head += "<meta property=\"article:published_time\" content=\"" + text::iso8601(t) + "\">\n";
    head += "<meta property=\"article:section\" content=\"" + escape_html(a.section) + "\">\n";

    std::string body = header(ctx);
    body += "<div class=\"detail-container\">\n<div class=\"detail-cate\"><a href=\"#\">" + escape_html(a.section) +
            "</a></div>\n";
    body += "<h1 class=\"detail-title\">" + escape_text(a.headline) + "</h1>\n";
    body += "<div class=\"detail-author-bar\"><a class=\"name\" href=\"#\">" + escape_html(a.author) +
            "</a>\n";
    body += fmt::format("<div class=\"detail-time\">{:02}/{:02}/{} {:02}:{:02} GMT+7</div></div>\n", l.day, l.month,
                        l.year, l.hour, l.minute);
    body += "<h2 class=\"detail-sapo\">" + escape_text(a.lead) + "</h2>\n";
    body += "<div class=\"detail-content\">\n";
    // The "read more" box goes after the second paragraph, inside the body.
    for (size_t i = 0; i < a.paragraphs.size(); ++i) {
        body += "<p>" + escape_text(a.paragraphs[i]) + "</p>\n";
        if (i == 0) body += figure(a);
        if (i == 1 && !a.related.empty())
            body += "<div class=\"VCSortableInPreviewMode\" type=\"RelatedNewsBox\"><div class=\"kbwscwl-relatedbox\">"
                    "<strong>Đọc thêm</strong>\n" +
                    related_list(ctx, a) + "</div></div>\n";
    }
    body += "</div>\n</div>\n" + footer(ctx);
    return html_document(a.headline + " | Thời Báo Đất Việt", head, body);
}

}  // namespace

const PageStyle datviet_style{article, header, footer};

}  // namespace presswatch::demo
