// Báo Tin Nhanh: a large central news site. JSON-LD NewsArticle in the head,
// the date above the headline as "Thứ bảy, 7/3/2026, 08:05 (GMT+7)", a lead
// opening with "(Tin Nhanh) -", the byline as the last bold line of the
// body, a "Tin liên quan" box below the article and today's date in the top
// bar (not the article's).
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "demo/page_templates.h"
#include "text/dates.h"

namespace presswatch::demo {

namespace {

std::string header(const PageContext& ctx) {
    const LocalTime today = vietnam_local(ctx.now);
    return fmt::format(
        "<header class=\"section top-header\">\n"
        "<div class=\"top-bar\"><span class=\"time-now\">{}, {}/{}/{}</span></div>\n"
        "<a class=\"logo\" href=\"/\" title=\"Báo Tin Nhanh\">Tin Nhanh</a>\n"
        "<nav class=\"main-nav\"><ul>\n"
        "<li><a href=\"/thoi-su\">Thời sự</a></li><li><a href=\"/goc-nhin\">Góc nhìn</a></li>"
        "<li><a href=\"/the-gioi\">Thế giới</a></li><li><a href=\"/kinh-doanh\">Kinh doanh</a></li>"
        "<li><a href=\"/phap-luat\">Pháp luật</a></li><li><a href=\"/giao-duc\">Giáo dục</a></li>"
        "<li><a href=\"/suc-khoe\">Sức khỏe</a></li><li><a href=\"/du-lich\">Du lịch</a></li>\n"
        "</ul></nav>\n</header>\n",
        vietnamese_weekday(today.weekday), today.day, today.month, today.year);
}

std::string footer(const PageContext&) {
    return "<footer class=\"footer\">\n<p>Báo Tin Nhanh - Tin nhanh mỗi ngày, mọi lúc mọi nơi.</p>\n"
           "<p>Cơ quan chủ quản: Công ty Truyền thông Tin Nhanh. Giấy phép số 999/GP-BTTTT (bản demo, hư cấu).</p>\n"
           "<p>&copy; Tin Nhanh. All rights reserved.</p>\n</footer>\n";
}

// A photo as a captioned table, the way an older CMS lays it out.
std::string figure(const SiteArticle& a) {
    if (a.caption.empty()) return {};
    return "<table class=\"tplCaption\" align=\"center\"><tr><td><img src=\"" + image_path(a) + "\" alt=\"" +
           escape_html(a.caption) + "\"></td></tr>\n<tr><td><p class=\"Image\">" + escape_text(a.caption) +
           "</p></td></tr></table>\n";
}

std::string article(const PageContext& ctx, const SiteArticle& a) {
    const std::int64_t t = ctx.time_of(a);
    const LocalTime l = vietnam_local(t);
    nlohmann::json ld = {
        {"@context", "https://schema.org"},
        {"@type", "NewsArticle"},
        {"mainEntityOfPage", {{"@type", "WebPage"}, {"@id", ctx.url(a)}}},
        {"headline", a.headline},
        {"description", a.lead},
        {"datePublished", text::iso8601(t)},
        {"dateModified", text::iso8601(std::min(t + 15 * 60, ctx.now))},  // never ahead of now
        {"author", {{"@type", "Person"}, {"name", a.author}}},
        {"publisher", {{"@type", "Organization"}, {"name", "Báo Tin Nhanh"}}},
    };
    std::string head = "<meta name=\"description\" content=\"" + escape_html(a.lead) + "\">\n" +
                       "<link rel=\"canonical\" href=\"" + escape_html(ctx.url(a)) + "\">\n" +
                       "<script type=\"application/ld+json\">" + ld.dump() + "</script>\n";

    std::string body = header(ctx);
    body += "<section class=\"section page-detail\">\n<div class=\"container\">\n";
    body += "<ul class=\"breadcrumb\"><li><a href=\"/\">Tin Nhanh</a></li><li><a href=\"#\">" +
            escape_html(a.section) + "</a></li></ul>\n";
    body += fmt::format("<span class=\"date\">{}, {}/{}/{}, {:02}:{:02} (GMT+7)</span>\n",
                        vietnamese_weekday(l.weekday), l.day, l.month, l.year, l.hour, l.minute);
    body += "<h1 class=\"title-detail\">" + escape_text(a.headline) + "</h1>\n";
    body += "<p class=\"description\">(Tin Nhanh) - " + escape_text(a.lead) + "</p>\n";
    body += "<article class=\"fck_detail\">\n" + paragraphs_html(a, "Normal", figure(a));
    if (!a.author.empty())
        body += "<p class=\"Normal\" style=\"text-align:right;\"><strong>" + escape_html(a.author) +
                "</strong></p>\n";
    body += "</article>\n";
    if (!a.related.empty())
        body += "<div class=\"box-tinlienquan\">\n<h3 class=\"title-box\">Tin liên quan</h3>\n" +
                related_list(ctx, a) + "</div>\n";
    body += "</div>\n</section>\n" + footer(ctx);
    return html_document(a.headline + " - Báo Tin Nhanh", head, body);
}

}  // namespace

const PageStyle tinnhanh_style{article, header, footer};

}  // namespace presswatch::demo
