#pragma once
// The steps of extract_article(), each in its own file so it can be read
// and tested alone. Internal to extract/; callers use extract.h.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "extract/dates.h"
#include "extract/html_document.h"
#include "extract/html_meta.h"
#include "extract/jsonld.h"
#include "extract/schema_article.h"

namespace presswatch::extract {

// What every step shares: the parsed page, per-node flags and sums
// computed once in document order (extract_page.cpp).
struct PageModel {
    explicit PageModel(std::string_view html);

    HtmlDocument doc;
    // Per element, for the element itself (its subtree goes with it): 2 hidden
    // from readers (script, style, display:none), 1 boilerplate by tag, role or
    // class hint (navigation, share bars, comments, related boxes), 0 neither.
    std::vector<char> excluded;
    // Per element: bytes of visible text in its subtree (excluded subtrees
    // left out), of that inside links, and the number of commas.
    std::vector<int> text_bytes;
    std::vector<int> link_bytes;
    std::vector<int> commas;
    // Class/id hint of the element itself: -1 boilerplate, +1 content, 0 none.
    std::vector<signed char> hint;

    // The first element in [from, to), document order, not hidden from
    // readers and for which pred(i) holds; -1 when none.
    template <class Pred>
    int find_visible(int from, int to, Pred&& pred) const {
        for (int i = std::max(from, 0); i < to && i < doc.size();) {
            const HtmlNode& h = doc[i];
            if (h.is_text) {
                ++i;
            } else if (excluded[i] == 2) {
                i = h.end;
            } else if (pred(i)) {
                return i;
            } else {
                ++i;
            }
        }
        return -1;
    }

    // Highest exclusion on the path from i to the root (walks the ancestors).
    int exclusion_above(int i) const;

    double link_density(int i) const {
        return text_bytes[i] > 0 ? static_cast<double>(link_bytes[i]) / text_bytes[i] : 0.0;
    }
};

// Class and id hints ("related-news", "article-body"): -1, 0 or +1.
int class_hint(std::string_view class_and_id);

// The visible headline element (h1 and kin matching the metadata title), or -1.
int find_headline(const PageModel& page, const std::vector<std::string>& metadata_titles);

// The lead (sapo) element under the headline, or -1.
int find_lead(const PageModel& page, int headline, int body_root);
// "(Dân trí) - ...", "TT - ...", "(PLO)- ...": a lead opening with the outlet's tag.
bool opens_with_outlet_tag(std::string_view text);

// Body text: paragraphs in reading order, from the content block chosen by
// text and link density, paragraph structure and hints.
struct Body {
    int root = -1;                       // the chosen container, -1 when none
    std::vector<int> roots;              // the container and siblings joined to it
    std::vector<std::string> paragraphs;
    std::vector<int> paragraph_nodes;    // block element each paragraph came from
    std::vector<char> paragraph_emphasis;  // paragraph wholly bold or right-aligned
};
// `marked` is the element the page marks as the article body (microdata
// articleBody), -1 when none: it replaces the chosen container when it
// holds it and is not mostly links (the page says where its body ends).
Body find_body(const PageModel& page, int marked);

// Up to two short blocks right after the body's last container (same
// parent), as paragraphs with their emphasis: where a byline set apart
// from the article's text stands.
Body lines_after_body(const PageModel& page, const Body& body);

// Text of one element as paragraphs (the lead, a byline), boilerplate left out.
std::string element_text(const PageModel& page, int element);

// The publication date shown near the headline or byline, with the text
// it was read from.
struct VisibleDate {
    PageDate date;
    std::string raw;
};
std::optional<VisibleDate> find_visible_date(const PageModel& page, int headline, int body_root,
                                             std::int64_t fetch_time);

// Authors from byline elements near the headline or the body.
struct Byline {
    std::vector<std::string> authors;
    std::string source;  // "Theo X"
    std::string raw;
};
std::optional<Byline> find_byline(const PageModel& page, int headline, const Body& body);
// A byline's text split into people and a "Theo X" source; nullopt when it
// does not look like names.
std::optional<Byline> parse_byline(std::string_view text);
// True when a paragraph can be the author's name alone on the last line.
bool looks_like_name_line(std::string_view text);

// Listing pages (home, section, tag pages) against articles
// (extract_listing.cpp).
struct ListingSigns {
    int page_teasers = 0;  // links with headline-long text on the whole page
    int body_teasers = 0;  // of which inside the chosen text block
    int body_prose = 0;    // bytes of text outside links in that block
};
ListingSigns listing_signs(const PageModel& page, const Body& body);
// A publication date in the metadata (article:published_time, JSON-LD
// datePublished, itemprop): the page describes itself as one article.
bool has_article_metadata(const HtmlMetadata& meta, const SchemaArticle& ld, std::int64_t fetch_time);
// Many teasers and little running text of its own; `dated`: the page shows
// or states a publication date.
bool looks_like_listing(const ListingSigns& signs, bool dated);

}  // namespace presswatch::extract
