#include "demo/page_html.h"

#include <algorithm>
#include <stdexcept>

namespace presswatch::demo {

const SiteArticle& PageContext::article(const std::string& id) const {
    for (const auto& a : outlet.articles)
        if (a.id == id) return a;
    throw std::out_of_range("no article " + id + " in " + outlet.slug);
}

std::vector<const SiteArticle*> PageContext::newest_first() const {
    std::vector<const SiteArticle*> out;
    for (const auto& a : outlet.articles) out.push_back(&a);
    std::stable_sort(out.begin(), out.end(),
                     [this](const SiteArticle* x, const SiteArticle* y) { return time_of(*x) > time_of(*y); });
    return out;
}

namespace {
std::string escaped(std::string_view s, bool quotes) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += quotes ? "&quot;" : "\""; break;
            case '\'': out += quotes ? "&#39;" : "'"; break;
            default: out += c;
        }
    }
    return out;
}
}  // namespace

std::string escape_html(std::string_view s) { return escaped(s, true); }
std::string escape_text(std::string_view s) { return escaped(s, false); }

std::string paragraphs_html(const SiteArticle& a, std::string_view p_class, std::string_view figure) {
    std::string open = p_class.empty() ? "<p>" : "<p class=\"" + std::string(p_class) + "\">";
    std::string out;
    for (size_t i = 0; i < a.paragraphs.size(); ++i) {
        out += open + escape_text(a.paragraphs[i]) + "</p>\n";
        if (i == 0) out += figure;
    }
    return out;
}

std::string image_path(const SiteArticle& a) { return "/images/" + a.id + ".png"; }

std::string related_list(const PageContext& ctx, const SiteArticle& a) {
    std::string out = "<ul>\n";
    for (const auto& id : a.related) {
        const SiteArticle& r = ctx.article(id);
        out += "<li><a href=\"" + escape_html(r.path) + "\">" + escape_text(r.headline) + "</a></li>\n";
    }
    return out + "</ul>\n";
}

std::string html_document(std::string_view title, std::string_view head_extra, std::string_view body) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    out += escape_html(title);
    out += "</title>\n";
    out += head_extra;
    out += "</head>\n<body>\n";
    out += body;
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace presswatch::demo
