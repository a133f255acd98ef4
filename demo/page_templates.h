#pragma once
// The page templates of the fictional outlets. Each style imitates how one
// kind of real outlet builds its pages (where the date is, how it is
// written, JSON-LD or OpenGraph, where the byline stands, what the menus,
// sidebars and related boxes say), so the extractor and the triage meet the
// same variety as on the real web. Styles are named after the outlet that
// uses them; outlets.toml picks one with `style`.
#include <string>

#include "demo/page_html.h"

namespace presswatch::demo {

struct PageStyle {
    std::string (*article)(const PageContext&, const SiteArticle&);
    std::string (*header)(const PageContext&);  // masthead and menus
    std::string (*footer)(const PageContext&);
};

// nullptr for an unknown name.
const PageStyle* page_style(const std::string& name);

// The outlet's front page: its header, every article newest first, footer.
std::string render_home_page(const PageContext& ctx, const PageStyle& style);

// The styles, one file each (style_<name>.cpp).
extern const PageStyle tinnhanh_style;
extern const PageStyle datviet_style;
extern const PageStyle nhipsong_style;
extern const PageStyle phothi_style;
extern const PageStyle xuthanh_style;
extern const PageStyle songhong_style;

}  // namespace presswatch::demo
