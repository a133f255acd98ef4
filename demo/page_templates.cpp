#include "demo/page_templates.h"

#include <fmt/format.h>

namespace presswatch::demo {

const PageStyle* page_style(const std::string& name) {
    if (name == "tinnhanh") return &tinnhanh_style;
    if (name == "datviet") return &datviet_style;
    if (name == "nhipsong") return &nhipsong_style;
    if (name == "phothi") return &phothi_style;
    if (name == "xuthanh") return &xuthanh_style;
    if (name == "songhong") return &songhong_style;
    return nullptr;
}

std::string render_home_page(const PageContext& ctx, const PageStyle& style) {
    std::string body = style.header(ctx);
    body += "<main class=\"home\">\n<h1 class=\"visually-hidden\">" + escape_html(ctx.outlet.name) + "</h1>\n";
    for (const SiteArticle* a : ctx.newest_first()) {
        const LocalTime l = ctx.local_of(*a);
        body += fmt::format(
            "<div class=\"item-news\">\n<h3 class=\"title-news\"><a href=\"{}\">{}</a></h3>\n"
            "<span class=\"cat\">{}</span> <span class=\"time\">{:02}/{:02}/{} {:02}:{:02}</span>\n"
            "<p class=\"description\">{}</p>\n</div>\n",
            escape_html(a->path), escape_text(a->headline), escape_text(a->section), l.day, l.month, l.year,
            l.hour, l.minute, escape_text(a->lead));
    }
    body += "</main>\n" + style.footer(ctx);
    return html_document(ctx.outlet.name + " - Tin tức mới nhất", "", body);
}

}  // namespace presswatch::demo
