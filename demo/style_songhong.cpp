// Báo Sông Hồng: a state outlet. Today's date in the top bar (not the
// article's), JSON-LD with an empty author name, the visible byline before
// the date "07/03/2026, 19:00", the lead in bold, and a "Đọc nhiều" sidebar.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "demo/page_templates.h"
#include "text/dates.h"

namespace presswatch::demo {

namespace {

std::string header(const PageContext& ctx) {
    const LocalTime today = vietnam_local(ctx.now);
    return fmt::format(
        "<div class=\"topbar\"><span class=\"today\">{}, ngày {:02}/{:02}/{}</span></div>\n"
        "<div class=\"masthead\"><a href=\"/\">BÁO SÔNG HỒNG</a></div>\n"
        "<ul class=\"menu\"><li><a href=\"/chinh-tri\">Chính trị</a></li><li><a href=\"/kinh-te\">Kinh tế</a></li>"
        "<li><a href=\"/xa-hoi\">Xã hội</a></li><li><a href=\"/van-hoa\">Văn hóa</a></li>"
        "<li><a href=\"/the-thao\">Thể thao</a></li><li><a href=\"/ban-doc\">Bạn đọc</a></li></ul>\n",
        vietnamese_weekday(today.weekday), today.day, today.month, today.year);
}

std::string footer(const PageContext&) {
    return "<div class=\"footer\">\n<p>BÁO SÔNG HỒNG (tên hư cấu, bản demo) - Tiếng nói của bạn đọc cả nước.</p>\n"
           "</div>\n";
}

std::string figure(const SiteArticle& a) {
    if (a.caption.empty()) return {};
    return "<div class=\"article-photo\"><img src=\"" + image_path(a) + "\" alt=\"" + escape_html(a.headline) +
           "\">\n<p class=\"photo-caption\"><em>" + escape_text(a.caption) + "</em></p></div>\n";
}

std::string article(const PageContext& ctx, const SiteArticle& a) {
    const std::int64_t t = ctx.time_of(a);
    const LocalTime l = vietnam_local(t);
    nlohmann::json ld = {
        {"@context", "https://schema.org"},
        {"@type", "NewsArticle"},
        {"headline", a.headline},
        {"datePublished", text::iso8601(t)},
        {"author", {{"@type", "Person"}, {"name", ""}}},
        {"publisher", {{"@type", "Organization"}, {"name", "Báo Sông Hồng"}}},
    };
    std::string head = "<meta name=\"description\" content=\"" + escape_html(a.lead) + "\">\n" +
                       "<script type=\"application/ld+json\">" + ld.dump() + "</script>\n";

    std::string body = header(ctx);
    body += "<div class=\"row\">\n<div class=\"col-main\">\n<article class=\"article\">\n";
    body += "<div class=\"article__category\">" + escape_html(a.section) + "</div>\n";
    body += "<h1 class=\"article__title\">" + escape_text(a.headline) + "</h1>\n";
    body += "<div class=\"article__meta\"><span class=\"author\">" + escape_text(a.author) + "</span>\n";
    body += fmt::format("<span class=\"time\">{:02}/{:02}/{}, {:02}:{:02}</span></div>\n", l.day, l.month, l.year,
                        l.hour, l.minute);
    body += "<div class=\"article__sapo\"><strong>" + escape_text(a.lead) + "</strong></div>\n";
    body += "<div class=\"article__body\">\n" + paragraphs_html(a, {}, figure(a)) + "</div>\n</article>\n</div>\n";
    if (!a.related.empty())
        body += "<div class=\"col-side\"><div class=\"box-most-read\"><h3>Đọc nhiều</h3>\n" + related_list(ctx, a) +
                "</div></div>\n";
    body += "</div>\n" + footer(ctx);
    return html_document(a.headline, head, body);
}

}  // namespace

const PageStyle songhong_style{article, header, footer};

}  // namespace presswatch::demo
