#pragma once
// The sample site's content as written in demo/site/*.toml (compiled into
// the binary): the fictional outlets, their articles, and the truth each
// article carries for the end-to-end tests (docs/demo.md lists it).
//
// load_site_data() reads the embedded files strictly (an unknown key is an
// error) and throws ConfigError naming file, line and key; it is a bug in
// the site's data, caught by the demo tests.
#include <string>
#include <vector>

namespace presswatch::demo {

struct SiteArticle {
    std::string id;                       // unique in the site, e.g. "tn03"
    std::string path;                     // URL path on the outlet's host
    std::string section;                  // as the outlet names it
    std::string headline;
    std::string lead;                     // sapo, without the outlet's prefix
    std::string author;
    std::vector<std::string> paragraphs;  // body, blank-line separated in the file
    std::vector<std::string> related;     // ids of same-outlet articles for the related box
    std::vector<std::string> feeds;       // section feeds listing it besides the outlet's first
    int days_ago = 0;                     // published this many days before the site starts
    int minute_of_day = 0;                // local time (UTC+7) of publication
    // Expected truth, for docs/demo.md and the end-to-end assertions.
    bool about_province = false;          // a Thanh Hóa clipping
    bool needs_answer = false;            // reports a problem an agency must answer
    std::string note;                     // what makes it easy or hard
};

// Listed in a feed but no longer served: the crawl must record a 404.
struct GoneArticle {
    std::string path;
    std::string headline;
    int days_ago = 0;
    int minute_of_day = 0;
};

struct SiteOutlet {
    std::string slug;
    std::string name;
    std::string kind;                     // central | local
    std::string style;                    // page template, see page_templates.h
    std::string feed_format;              // rss | atom
    std::string feed_dates;               // how feed dates are written, see feed_writer.h
    std::vector<std::string> feeds;       // feed paths; the first lists every article
    std::string robots;                   // robots.txt body
    std::vector<SiteArticle> articles;
    std::vector<GoneArticle> gone;
};

std::vector<SiteOutlet> load_site_data();

}  // namespace presswatch::demo
