// The page model every extraction step reads: exclusion flags and text
// sums computed in two linear passes over the flattened document.
#include <algorithm>
#include <array>
#include <cctype>

#include "extract/extract_steps.h"

namespace presswatch::extract {
namespace {

// The word lists are string_views so that their lengths are known when
// compiled: class_hint runs on every element of a page.
// Words in class or id that mark boilerplate. Generic web vocabulary plus the
// Vietnamese CMS words for "related news" (tin liên quan), "see more" (xem
// thêm), "other news" (tin khác); none names a site.
constexpr std::string_view negative_words[] = {
    "comment",   "related",    "relate",     "share",     "sharing",   "social",     "sidebar",
    "side-bar",  "footer",     "menu",       "navbar",    "navigation", "breadcrumb", "banner",
    "advert",    "adsbygoogle", "promo",     "newsletter", "subscribe", "popup",     "modal",
    "cookie",    "widget",     "recommend",  "readmore",  "read-more", "more-news",  "morenews",
    "most-read", "mostread",   "popular",    "trending",  "pagination", "pager",     "sponsor",
    "outbrain",  "taboola",    "disqus",     "masthead",  "toolbar",   "tinlienquan", "lienquan",
    "lien-quan", "xemthem",    "xem-them",   "tinkhac",   "tin-khac",  "tin-moi",    "tinmoi",
    "skip-link",  "caption",    "signup",    "login",     "author-bio", "authorbio",
    "tags",      "tag-list",   "taglist",    "keyword",   "rating",
    "player",     "slideshow",  "gallery-thumb", "subscription", "paywall",
    "donate",    "newsletter", "shopping",   "affiliate", "tool",      "nav-",       "-nav",
    "header-",   "site-header", "topbar",    "top-bar",   "follow",    "box-news",   "list-news",
    "newslist",  "news-list",  "timeline",  "binhluan",  "binh-luan",  "feedback",
    // Boxes set inside an article (fact and note boxes, pull quotes): not
    // its running text, and they must not end it.
    "notebox",   "note-box",   "factbox",    "fact-box",  "pullquote", "pull-quote",
};
// Short words that must stand as a whole token ("ad" but not "header").
constexpr std::string_view negative_tokens[] = {"ad", "ads", "nav", "tag", "meta", "share", "menu", "aside", "relate",
                                        "more", "extra", "widget", "teaser", "promo", "print", "vote", "sr-only",
                                        "note"};
constexpr std::string_view positive_words[] = {"article", "content", "entry", "post", "story", "text", "detail",
                                       "body",    "main",  "blog", "news-content", "cms", "noidung",
                                       "chitiet", "singular", "prose"};
// Positive words strong enough to protect an element whose class also
// carries a negative word ("article-body has-share-bar").
constexpr std::string_view strong_positive_words[] = {"article-body", "articlebody", "article__body", "post-body",
                                              "entry-content", "main-content", "detail-content",
                                              "content-detail", "article-content", "articlecontent", "embed", "tweet",
                                              "story-body"};

bool has_token(std::string_view s, std::string_view w) {
    for (std::size_t pos = s.find(w); pos != std::string_view::npos; pos = s.find(w, pos + 1)) {
        bool left = pos == 0 || !std::isalnum(static_cast<unsigned char>(s[pos - 1]));
        std::size_t e = pos + w.size();
        bool right = e >= s.size() || !std::isalnum(static_cast<unsigned char>(s[e]));
        if (left && right) return true;
    }
    return false;
}

bool hidden_by_attribute(const HtmlDocument& doc, int i) {
    const GumboElement& e = doc[i].node->v.element;
    if (gumbo_get_attribute(&e.attributes, "hidden")) return true;
    if (doc.attr(i, "aria-hidden") == "true") return true;
    std::string_view style = doc.attr(i, "style");
    if (style.empty()) return false;
    std::string s;
    for (char c : style)
        if (c != ' ') s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

bool boilerplate_tag(GumboTag tag) {
    // A form is a comment box, a rating, a newsletter sign-up, never text
    // of the article (a page wrapped whole in one form keeps it: see
    // max_boilerplate_prose_share).
    return tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_HEADER ||
           tag == GUMBO_TAG_FIGCAPTION || tag == GUMBO_TAG_MENU || tag == GUMBO_TAG_FORM;
}

bool boilerplate_role(std::string_view role) {
    return role == "navigation" || role == "complementary" || role == "banner" || role == "contentinfo" ||
           role == "menu" || role == "menubar" || role == "search" || role == "dialog";
}

// Share of the page's non-link text above which a boilerplate-looking
// element is taken for a layout wrapper and kept.
constexpr double max_boilerplate_prose_share = 0.4;

// Inline elements carry words of a sentence: a link styled "relate" inside a
// paragraph is still part of it.
bool is_inline_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_STRONG: case GUMBO_TAG_EM: case GUMBO_TAG_I:
        case GUMBO_TAG_U: case GUMBO_TAG_FONT: case GUMBO_TAG_SMALL: case GUMBO_TAG_SUP: case GUMBO_TAG_SUB:
        case GUMBO_TAG_MARK: case GUMBO_TAG_ABBR: case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_Q:
        case GUMBO_TAG_TIME: case GUMBO_TAG_SPAN:
            return true;
        default:
            return false;
    }
}

// Table rows carry classes that describe their record ("player-2020",
// "odd-row"), not page furniture: a class hint there is no boilerplate sign.
// Cells are still judged (a "caption" cell under a picture), and so is the
// table by its own class.
bool is_table_row(GumboTag t) {
    return t == GUMBO_TAG_TR || t == GUMBO_TAG_TBODY || t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TFOOT;
}

int count_visible_bytes(std::string_view t) {
    int n = 0;
    for (char c : t)
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') ++n;
    return n;
}

}  // namespace

int class_hint(std::string_view s) {
    if (s.size() <= 1) return 0;
    for (std::string_view w : strong_positive_words)
        if (s.find(w) != std::string_view::npos) return 1;
    for (std::string_view w : negative_words)
        if (s.find(w) != std::string_view::npos) return -1;
    for (std::string_view w : negative_tokens)
        if (has_token(s, w)) return -1;
    for (std::string_view w : positive_words)
        if (s.find(w) != std::string_view::npos) return 1;
    return 0;
}

PageModel::PageModel(std::string_view html) : doc(html) {
    const int n = doc.size();
    excluded.assign(static_cast<std::size_t>(n), 0);
    text_bytes.assign(static_cast<std::size_t>(n), 0);
    link_bytes.assign(static_cast<std::size_t>(n), 0);
    commas.assign(static_cast<std::size_t>(n), 0);
    hint.assign(static_cast<std::size_t>(n), 0);
    std::vector<char> in_link(static_cast<std::size_t>(n), 0);
    std::vector<char> soft(static_cast<std::size_t>(n), 0);

    for (int i = 0; i < n; ++i) {
        const HtmlNode& h = doc[i];
        if (h.parent >= 0) in_link[i] = in_link[h.parent];
        if (h.is_text) continue;
        if (h.tag == GUMBO_TAG_A) in_link[i] = 1;
        if (is_invisible_tag(h.tag) || hidden_by_attribute(doc, i)) {
            excluded[i] = 2;
            continue;
        }
        if (h.tag == GUMBO_TAG_HTML || h.tag == GUMBO_TAG_BODY) continue;
        hint[i] = static_cast<signed char>(class_hint(doc.class_and_id(i)));
        soft[i] = boilerplate_tag(h.tag) || boilerplate_role(doc.attr(i, "role")) ||
                  (hint[i] < 0 && h.tag != GUMBO_TAG_ARTICLE && h.tag != GUMBO_TAG_MAIN && !is_inline_tag(h.tag) &&
                   !is_table_row(h.tag));
    }
    // Each text node's own counts, read once for both sums below.
    std::vector<int> own_bytes(static_cast<std::size_t>(n), 0), own_commas(static_cast<std::size_t>(n), 0);
    for (int i = 0; i < n; ++i) {
        if (!doc[i].is_text) continue;
        std::string_view t = doc.text(i);
        own_bytes[i] = count_visible_bytes(t);
        own_commas[i] = static_cast<int>(std::count(t.begin(), t.end(), ','));
    }
    // Sums with only hidden parts left out, then again without boilerplate.
    auto sum = [&]() {
        std::fill(text_bytes.begin(), text_bytes.end(), 0);
        std::fill(link_bytes.begin(), link_bytes.end(), 0);
        std::fill(commas.begin(), commas.end(), 0);
        for (int i = n - 1; i >= 0; --i) {
            const HtmlNode& h = doc[i];
            if (h.is_text) {
                text_bytes[i] = own_bytes[i];
                if (in_link[i]) link_bytes[i] = text_bytes[i];
                commas[i] = own_commas[i];
            }
            if (h.parent >= 0 && !excluded[i]) {
                text_bytes[h.parent] += text_bytes[i];
                link_bytes[h.parent] += link_bytes[i];
                commas[h.parent] += commas[i];
            }
        }
    };
    sum();
    // A "sidebar" or <header> holding most of the page's prose is a layout
    // column that wraps the article, not a box beside it.
    const double page_prose = n > 0 ? text_bytes[0] - link_bytes[0] : 0;
    bool any_soft = false;
    for (int i = 0; i < n; ++i) {
        if (!soft[i] || excluded[i]) continue;
        double prose = text_bytes[i] - link_bytes[i];
        if (prose >= max_boilerplate_prose_share * page_prose && prose > 0) continue;
        excluded[i] = 1;
        any_soft = true;
    }
    if (any_soft) sum();
}

int PageModel::exclusion_above(int i) const {
    int worst = 0;
    for (; i >= 0; i = doc[i].parent) worst = std::max(worst, static_cast<int>(excluded[i]));
    return worst;
}

}  // namespace presswatch::extract
