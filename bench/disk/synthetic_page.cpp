#include "bench/disk/synthetic_page.h"

#include <cmath>
#include <functional>

#include <fmt/format.h>

#include "text/normalize.h"

namespace presswatch::bench {
namespace {

// A real page is mostly per-site style, script and menus (repetitive:
// a few dozen names used over and over) around head metadata, the
// article, and boxes of links to other articles with their headlines,
// leads and image URLs (varied). These counts were tuned until a 170 KB
// page compressed like the real pages' median (zstd level 3: 35.4 KB
// against 32.4 KB, 1.09 times, so slightly on the pessimistic side).
constexpr int style_rules = 900;
constexpr int script_statements = 900;
constexpr int menu_items = 160;
constexpr int class_names = 60;

std::string hex(std::mt19937_64& rng, int n) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < n; ++i) s += digits[rng() % 16];
    return s;
}

}  // namespace

std::string SyntheticPage::words(std::mt19937_64& rng, int n) {
    // Log-uniform rank: a Zipf law of exponent 1 over the vocabulary.
    std::uniform_real_distribution<double> u(0, 1);
    const double span = std::log(static_cast<double>(vocabulary_.size()) + 1);
    std::string out;
    for (int i = 0; i < n; ++i) {
        auto r = static_cast<std::size_t>(std::exp(u(rng) * span)) - 1;
        if (i) out += ' ';
        out += vocabulary_[std::min(r, vocabulary_.size() - 1)];
    }
    return out;
}

std::string SyntheticPage::slug(std::mt19937_64& rng, int n) {
    return text::ascii_slug(words(rng, n));
}

const std::string& SyntheticPage::boilerplate(const std::string& domain) {
    auto it = boilerplate_.find(domain);
    if (it != boilerplate_.end()) return it->second;
    std::mt19937_64 rng(std::hash<std::string>{}(domain));
    std::string b = "<style>\n";
    static const char* props[] = {"margin", "padding", "color", "font-size", "line-height", "display",
                                  "width", "height", "border", "background", "position", "top"};
    // A site's style and script reuse a few dozen names over and over.
    std::vector<std::string> names;
    for (int i = 0; i < class_names; ++i) names.push_back(slug(rng, 1) + "-" + slug(rng, 1));
    auto name = [&] { return names[rng() % names.size()]; };
    for (int i = 0; i < style_rules; ++i) {
        b += fmt::format(".{} .{}{} {{", name(), name(), i % 3 ? "" : " a:hover");
        for (int p = 0, np = 2 + static_cast<int>(rng() % 4); p < np; ++p)
            b += fmt::format("{}:{}{};", props[rng() % 12], 4 * (rng() % 8), p % 2 ? "px" : "%");
        b += "}\n";
    }
    b += "</style>\n<script>\n";
    for (int i = 0; i < script_statements; ++i) {
        switch (rng() % 4) {
            case 0: b += fmt::format("var {}_{}=\"{}\";", name(), i, name()); break;
            case 1:
                b += fmt::format("function {}{}(e,t){{if(!e)return t;return e.{}({},\"{}\")}}", name(), i,
                                 name(), rng() % 10, name());
                break;
            case 2:
                b += fmt::format("window.{}=window.{}||[];window.{}.push({{id:{},zone:\"{}\"}});", name(),
                                 name(), name(), rng() % 100000, hex(rng, 8));
                break;
            default:
                b += fmt::format("document.querySelectorAll(\".{}\").forEach(function(n){{n.classList.add(\"{}\")}});",
                                 name(), name());
        }
        b += '\n';
    }
    b += "</script>\n<nav class=\"main-menu\"><ul>\n";
    for (int i = 0; i < menu_items; ++i) {
        std::string name = words(rng, 1 + static_cast<int>(rng() % 3));
        b += fmt::format("<li class=\"menu-item\"><a href=\"https://{}/{}.htm\" title=\"{}\">{}</a></li>\n", domain,
                         slug(rng, 2), name, name);
    }
    b += "</ul></nav>\n";
    return boilerplate_.emplace(domain, std::move(b)).first->second;
}

std::string SyntheticPage::page(const Article& a, const std::string& domain, std::int64_t id, std::size_t raw_bytes) {
    std::mt19937_64 rng(static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ull + 17);
    std::string p;
    p.reserve(raw_bytes + 16384);
    p += "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\n";
    p += fmt::format("<title>{}</title>\n<meta name=\"description\" content=\"{}\">\n", a.headline, a.description);
    p += fmt::format("<meta property=\"og:title\" content=\"{}\">\n<meta property=\"og:description\" content=\"{}\">\n",
                     a.headline, a.description);
    p += fmt::format("<meta property=\"og:url\" content=\"{}\">\n<link rel=\"canonical\" href=\"{}\">\n", a.url, a.url);
    p += fmt::format("<meta property=\"og:image\" content=\"https://cdn.{}/{}/{}.jpg\">\n", domain, hex(rng, 8),
                     hex(rng, 32));
    p += fmt::format(
        "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"{}\",\"description\":\"{}\","
        "\"datePublished\":\"{}\",\"author\":{{\"name\":\"{}\"}}}}</script>\n",
        a.headline, a.description, a.published_raw, a.author);
    p += boilerplate(domain);
    p += fmt::format("<article class=\"detail\" data-id=\"{}\"><h1 class=\"title-detail\">{}</h1>\n", id, a.headline);
    p += fmt::format("<span class=\"date\">{}</span><p class=\"sapo\">{}</p>\n", a.published_raw, a.description);
    std::size_t from = 0;
    int paragraph = 0;
    while (from < a.body.size()) {
        std::size_t end = a.body.find("\n\n", from);
        if (end == std::string::npos) end = a.body.size();
        p += "<p class=\"Normal\">" + a.body.substr(from, end - from) + "</p>\n";
        if (++paragraph % 4 == 0)
            p += fmt::format("<figure><img src=\"https://cdn.{}/{}/{}.jpg\" alt=\"{}\" width=\"680\" height=\"{}\">"
                             "<figcaption>{}</figcaption></figure>\n",
                             domain, hex(rng, 8), hex(rng, 32), words(rng, 8), 300 + rng() % 200, words(rng, 12));
        from = end + 2;
    }
    p += fmt::format("<p class=\"author\">{}</p></article>\n", a.author);
    // Related, most-read and section boxes until the page has its size.
    while (p.size() + 600 < raw_bytes) {
        std::string headline = words(rng, 10 + static_cast<int>(rng() % 8));
        std::string link = fmt::format("https://{}/{}-{}.htm", domain, slug(rng, 6), 100000000 + rng() % 900000000);
        p += fmt::format(
            "<article class=\"item-news\" data-offset=\"{}\"><a href=\"{}\" title=\"{}\"><img src=\"https://cdn.{}/"
            "2026/{:02}/{:02}/{}-{}.jpg?w=300&amp;h=180&amp;q=100&amp;dpr=1&amp;fit=crop\" alt=\"{}\" "
            "loading=\"lazy\"></a><h3 class=\"title-news\"><a href=\"{}\">{}</a></h3>"
            "<p class=\"description\">{}</p></article>\n",
            rng() % 100, link, headline, domain, 1 + rng() % 12, 1 + rng() % 28, slug(rng, 3),
            1700000000 + rng() % 100000000, headline, link, headline,
            words(rng, 18 + static_cast<int>(rng() % 12)));
    }
    p += fmt::format("<footer><p>© {} </p></footer></body></html>\n", domain);
    return p;
}

}  // namespace presswatch::bench
