// The visible headline and the lead (sapo) under it.
#include <algorithm>

#include "extract/extract_steps.h"
#include "text/normalize.h"

namespace presswatch::extract {
namespace {

// A headline is a line, not a paragraph.
constexpr int max_headline_bytes = 600;
constexpr int min_lead_bytes = 30;
constexpr int max_lead_bytes = 2000;
// Elements between the headline and its lead (date lines, share bars):
// further than this and a "summary" box belongs to something else.
constexpr int max_lead_distance = 400;

bool is_heading(GumboTag t) {
    return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3;
}

bool has_any(std::string_view s, std::initializer_list<const char*> words) {
    for (const char* w : words)
        if (s.find(w) != std::string_view::npos) return true;
    return false;
}

// 2 same text, 1 one contains the other (a title with the site name), 0 no.
int title_match(const std::string& candidate, const std::string& meta) {
    if (candidate.empty() || meta.empty()) return 0;
    if (candidate == meta) return 2;
    if (candidate.size() * 2 >= meta.size() && meta.find(candidate) != std::string::npos) return 1;
    if (meta.size() * 2 >= candidate.size() && candidate.find(meta) != std::string::npos) return 1;
    // A short headline in a <title> with a long site name: "About bugs –
    // Vortex Cannon Entertainment". Only at the start: the text after the
    // separator is the site's name, which the page also shows in its logo.
    for (std::string_view sep : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | ", " :: ", " \xC2\xB7 ", " : "}) {
        if (meta.size() > candidate.size() + sep.size() && meta.starts_with(candidate) &&
            std::string_view(meta).substr(candidate.size()).starts_with(sep))
            return 1;
    }
    return 0;
}

}  // namespace

int find_headline(const PageModel& page, const std::vector<std::string>& metadata_titles) {
    const HtmlDocument& doc = page.doc;
    std::vector<std::string> metas;
    for (const auto& m : metadata_titles)
        if (!m.empty()) metas.push_back(text::fold(m));
    int best = -1, best_score = 0, first_h1 = -1;
    for (int i = 0; i < doc.size(); ++i) {
        const HtmlNode& h = doc[i];
        if (h.is_text) continue;
        if (page.excluded[i] == 2) {
            i = h.end - 1;
            continue;
        }
        bool titled = false;
        if (!is_heading(h.tag)) {
            std::string c = doc.class_and_id(i);
            titled = has_any(c, {"title", "headline", "tieude", "tieu-de"});
            if (!titled) continue;
        }
        if (page.text_bytes[i] < 3 || page.text_bytes[i] > max_headline_bytes) continue;
        if (page.exclusion_above(i) == 2) continue;
        std::string t = doc.subtree_text(i, max_headline_bytes * 2);
        if (t.empty()) continue;
        if (h.tag == GUMBO_TAG_H1 && first_h1 < 0 && page.text_bytes[i] >= 10 && page.link_density(i) < 0.9)
            first_h1 = i;
        std::string f = text::fold(t);
        int m = 0;
        for (const auto& meta : metas) m = std::max(m, title_match(f, meta));
        if (m == 0) continue;
        int score = m * 4 + (h.tag == GUMBO_TAG_H1 ? 3 : h.tag == GUMBO_TAG_H2 ? 2 : titled ? 1 : 0);
        if (score > best_score) {
            best = i;
            best_score = score;
        }
    }
    return best >= 0 ? best : first_h1;
}

int find_lead(const PageModel& page, int headline, int body_root) {
    const HtmlDocument& doc = page.doc;
    int from = headline >= 0 ? doc[headline].end : (body_root >= 0 ? std::max(0, body_root - max_lead_distance) : 0);
    int to = std::min(doc.size(), from + max_lead_distance);
    if (body_root >= 0 && body_root > from) to = std::max(to, std::min(doc.size(), body_root + max_lead_distance));
    int lead = page.find_visible(from, to, [&](int i) {
        std::string c = doc.class_and_id(i);
        if (!has_any(c, {"sapo", "lead", "summary", "description", "desc", "intro", "standfirst", "chapeau",
                         "excerpt", "tomtat", "tom-tat", "subtitle", "sub-title", "abstract", "deck"}))
            return false;
        if (has_any(c, {"related", "comment", "author"})) return false;
        int bytes = page.text_bytes[i];
        return bytes >= min_lead_bytes && bytes <= max_lead_bytes;
    });
    if (lead >= 0) return lead;
    // No lead class: a heading under the headline, or a paragraph opening
    // with the outlet's tag ("(Dân trí) -", "TT -"), before the body starts.
    bool body_started = false;
    lead = page.find_visible(from, to, [&](int i) {
        const HtmlNode& h = doc[i];
        int bytes = page.text_bytes[i];
        if (body_started || bytes < min_lead_bytes * 2 || bytes > max_lead_bytes || page.link_density(i) > 0.5)
            return false;
        bool heading = h.tag == GUMBO_TAG_H2 || h.tag == GUMBO_TAG_H3 || h.tag == GUMBO_TAG_H4;
        if (!heading && h.tag != GUMBO_TAG_P && h.tag != GUMBO_TAG_DIV) return false;
        if (heading || opens_with_outlet_tag(doc.subtree_text(i, 256))) return true;
        body_started = h.tag == GUMBO_TAG_P;
        return false;
    });
    return body_started ? -1 : lead;
}

bool opens_with_outlet_tag(std::string_view t) {
    std::size_t i = 0;
    if (t.starts_with("(")) {
        i = t.find(')');
        if (i == std::string_view::npos || i > 40) return false;
        ++i;
    } else {
        while (i < t.size() && ((t[i] >= 'A' && t[i] <= 'Z') || t[i] == '.')) ++i;
        if (i == 0 || i > 8) return false;
    }
    while (i < t.size() && t[i] == ' ') ++i;
    return t.substr(i).starts_with("-") || t.substr(i).starts_with("\xE2\x80\x93");
}

}  // namespace presswatch::extract
