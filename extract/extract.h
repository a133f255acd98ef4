#pragma once
// Article extraction from one HTML page (gumbo). Generic: no list of known
// sites; an outlet's optional selectors are used only when the generic
// result fails a sanity check. Never throws on bad HTML; never recurses
// on the DOM (deep pages cannot overflow the stack). Thread-safe.
#include <cstdint>
#include <string>
#include <string_view>

#include "config/config.h"
#include "core/article.h"

namespace presswatch::extract {

struct ExtractOptions {
    std::string url;                         // where the page was fetched (for relative links, fallback URL)
    std::int64_t fetch_time = 0;             // Unix seconds; relative dates count from here (0: now)
    const config::Outlet* outlet = nullptr;  // for the optional selectors
};

// What kind of page it is: an article, or a listing (home page, section or
// tag page: many teasers, little running text, no article metadata), which
// is a source of links and never an article of its own.
enum class PageKind { article, listing };

struct ExtractedPage {
    Article article;  // for a listing: what the page holds all the same
    PageKind kind = PageKind::article;
};

ExtractedPage extract_page(std::string_view html, const ExtractOptions& options);
// extract_page(...).article.
Article extract_article(std::string_view html, const ExtractOptions& options);

}  // namespace presswatch::extract
