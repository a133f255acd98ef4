// Article page or listing (home page, section or tag page)? A listing is a
// column of teasers: many links with headline-long text, a short description
// under each, no running text of its own and no article metadata. Feeds and
// links sometimes point at one; it must never be stored as an article.
#include <algorithm>

#include "extract/extract_steps.h"

namespace presswatch::extract {
namespace {

// A teaser's headline: a link with this much visible text (bytes, spaces
// left out). Menu entries ("Kinh doanh", "Thời sự") are shorter.
constexpr int min_teaser_link_bytes = 20;
// A listing links this many teasers at least (the smallest real section
// page in vn-dev carries 15).
constexpr int min_listing_teasers = 8;
// Inside the chosen text block, a listing has a teaser for every few
// hundred bytes of description (at least this many teasers); an article's
// paragraphs carry few links with headline-long text (one per this many
// bytes at most). Short real articles with a related list inside their
// container (extraction-dev) carry 7 at 190 bytes each.
constexpr int min_body_teasers = 8;
constexpr int prose_bytes_per_teaser = 300;
// Running text shorter than this is no article body whatever the links.
constexpr int min_article_prose_bytes = 250;
// Without any date on the page, running text shorter than this is a
// featured teaser's description, not an article, on a page with this many
// teasers (a home page; a short undated results page in extraction-dev
// carries 24).
constexpr int max_undated_listing_prose = 1000;
constexpr int min_undated_listing_teasers = 40;

// Links with headline-long text in [from, to), hidden parts left out.
int teaser_links(const PageModel& page, int from, int to) {
    int n = 0;
    for (int i = from; i < to; ++i) {
        const HtmlNode& h = page.doc[i];
        if (h.is_text) continue;
        if (page.excluded[i] == 2) {
            i = h.end - 1;
            continue;
        }
        if (h.tag == GUMBO_TAG_A && page.text_bytes[i] >= min_teaser_link_bytes) {
            ++n;
            i = h.end - 1;
        }
    }
    return n;
}

}  // namespace

bool has_article_metadata(const HtmlMetadata& meta, const SchemaArticle& ld, std::int64_t fetch_time) {
    // A publication date is what makes metadata an article's: og:type
    // "article" alone is set on home pages too, and a "published" meta tag
    // may hold the publisher's page address.
    if (ld.found && parse_machine_date(ld.published, fetch_time)) return true;
    for (const auto& p : meta.published)
        if (parse_machine_date(p, fetch_time)) return true;
    return false;
}

ListingSigns listing_signs(const PageModel& page, const Body& body) {
    ListingSigns s;
    const HtmlDocument& doc = page.doc;
    if (doc.size() == 0) return s;
    s.page_teasers = teaser_links(page, 0, doc.size());
    // The teasers of a listing stand beside the descriptions the scorer
    // joins (a body in chunks), so they are counted over the span from the
    // first chosen element to the end of the last.
    int first = doc.size(), last = 0;
    for (int r : body.roots) {
        first = std::min(first, r);
        last = std::max(last, doc[r].end);
        s.body_prose += page.text_bytes[r] - page.link_bytes[r];
    }
    if (first < last) s.body_teasers = teaser_links(page, first, last);
    return s;
}

bool looks_like_listing(const ListingSigns& s, bool dated) {
    if (s.page_teasers < min_listing_teasers) return false;
    if (s.body_prose < min_article_prose_bytes) return true;
    // A home page's one featured description: no date anywhere, no more
    // text than a short paragraph or two.
    if (!dated && s.body_prose < max_undated_listing_prose && s.page_teasers >= min_undated_listing_teasers)
        return true;
    return s.body_teasers >= min_body_teasers && s.body_teasers * prose_bytes_per_teaser > s.body_prose;
}

}  // namespace presswatch::extract
