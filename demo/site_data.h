#pragma once
// The sample site's content as written in demo/site/*.toml (compiled into
// the binary): the fictional outlets, their articles, and the truth each
// article carries for the end-to-end tests (docs/demo.md lists it).
//
// load_site_data() reads the files strictly (an unknown key, a missing
// field, a related id or feed that does not exist is an error) and throws
// ConfigError naming file, line and key; for the embedded files that is a
// bug in the site's data, caught by the demo tests.
#include <span>
#include <string_view>
#include <string>
#include <vector>

#include "config/embedded.h"

namespace presswatch::demo {

struct SiteArticle {
    std::string id;                       // unique in the site, e.g. "tn03"
    std::string path;                     // URL path on the outlet's host
    std::string section;                  // as the outlet names it
    std::string headline;
    std::string lead;                     // sapo, without the outlet's prefix
    std::string author;
    std::vector<std::string> paragraphs;  // body, blank-line separated in the file
    std::string caption;                  // photo caption; empty: no photo
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
    bool feed_summary_html = false;       // RSS descriptions open with the photo (FeedInfo)
    std::vector<std::string> feeds;       // feed paths; the first lists every article
    std::string robots;                   // robots.txt body
    std::vector<SiteArticle> articles;
    std::vector<GoneArticle> gone;
};

// The bytes of a file of the embedded site ("images/placeholder.png");
// throws std::out_of_range for a name it does not hold.
std::string_view embedded_site_file(const std::string& name);

// The site compiled into the binary (demo/site/), read once.
std::vector<SiteOutlet> load_site_data();
// The same from other files, named as under demo/site/ ("outlets.toml",
// "articles/<slug>.toml").
std::vector<SiteOutlet> load_site_data(std::span<const EmbeddedFile> files);

}  // namespace presswatch::demo
