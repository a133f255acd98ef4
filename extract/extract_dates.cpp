// The publication date a reader sees: in a date/time element or line near
// the headline, never the "today is ..." bar at the top of the page.
#include <algorithm>

#include "extract/extract_steps.h"

namespace presswatch::extract {
namespace {

// How far (in nodes of the flattened page) a date line may stand from the
// headline: article headers put it within a few dozen nodes, before or
// after; a date further up is a site banner.
constexpr int max_nodes_before_headline = 60;
constexpr int max_nodes_after_headline = 800;
// An unmarked date line above the headline only this close (a "today is"
// banner stands further up, in the site header).
constexpr int max_plain_nodes_before_headline = 25;
// A date line is short; a long text holding a date is a sentence of the body.
constexpr std::size_t max_date_line_bytes = 160;
constexpr std::size_t max_plain_date_line_bytes = 60;

bool date_hint(std::string_view c) {
    for (const char* w : {"date", "time", "publish", "posted", "ngay", "thoigian", "thoi-gian", "byline",
                          "meta", "info", "author", "source"})
        if (c.find(w) != std::string_view::npos) return true;
    return false;
}

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Candidate {
    VisibleDate date;
    int distance = 0;
    bool hinted = false;
};

}  // namespace

std::optional<VisibleDate> find_visible_date(const PageModel& page, int headline, int body_root,
                                             std::int64_t fetch_time) {
    const HtmlDocument& doc = page.doc;
    int anchor = headline >= 0 ? headline : body_root;
    if (anchor < 0) return std::nullopt;
    const int from = std::max(0, anchor - max_nodes_before_headline);
    const int anchor_end = headline >= 0 ? doc[headline].end : anchor;
    const int to = std::min(doc.size(), anchor_end + max_nodes_after_headline);

    std::optional<Candidate> best;
    auto consider = [&](Candidate c) {
        // Hinted lines first, then a date with a time over a bare date, then
        // the nearest to the headline.
        auto rank = [](const Candidate& x) {
            return (x.hinted ? 0 : 2000000) + (x.date.date.has_time ? 0 : 1000000) + x.distance;
        };
        if (!best || rank(c) < rank(*best)) best = std::move(c);
    };
    std::vector<int> hinted_until;  // ends of hinted elements we are inside
    for (int i = from; i < to; ++i) {
        while (!hinted_until.empty() && i >= hinted_until.back()) hinted_until.pop_back();
        const HtmlNode& h = doc[i];
        const bool before = i < anchor;
        const int distance = before ? anchor - i : std::max(0, i - anchor_end);
        if (!h.is_text) {
            if (page.excluded[i] == 2) {
                i = h.end - 1;
                continue;
            }
            if (h.tag == GUMBO_TAG_TIME) {
                std::string_view dt = doc.attr(i, "datetime");
                if (auto d = parse_machine_date(dt, fetch_time)) {
                    if (!d->utc_label) {
                        consider({{*d, std::string(dt)}, distance, true});
                        hinted_until.push_back(h.end);
                        continue;
                    }
                }
            }
            if (date_hint(doc.class_and_id(i)) || h.tag == GUMBO_TAG_TIME) {
                if (!hinted_until.empty()) continue;  // the outer hinted element reads this text
                std::string t = doc.subtree_text(i, max_date_line_bytes * 2);
                if (t.size() > max_date_line_bytes || !has_digit(t)) continue;
                if (auto d = parse_visible_date(t, fetch_time)) {
                    consider({{*d, t}, distance, true});
                    hinted_until.push_back(h.end);
                }
            }
            continue;
        }
        if ((before && distance > max_plain_nodes_before_headline) || !hinted_until.empty()) continue;
        std::string_view t = doc.text(i);
        if (t.size() > max_plain_date_line_bytes * 2 || !has_digit(t)) continue;
        std::string line;
        append_collapsed(line, t);
        if (line.size() > max_plain_date_line_bytes) continue;
        if (auto d = parse_visible_date(line, fetch_time)) consider({{*d, line}, distance, false});
    }
    if (!best) return std::nullopt;
    return best->date;
}

}  // namespace presswatch::extract
