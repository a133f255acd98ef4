#pragma once
// RSS 2.0 and Atom 1.0 feeds of the sample site, with dates written in the
// outlet's style (shown_dates.h feed_date()).
#include <cstdint>
#include <string>
#include <vector>

namespace presswatch::demo {

struct FeedItem {
    std::string url;
    std::string title;
    std::string summary;
    std::string image;       // absolute photo URL, may be empty
    std::int64_t published = 0;
};

struct FeedInfo {
    std::string title;       // the outlet's name
    std::string site_url;    // "http://slug.localhost:PORT/"
    std::string feed_url;    // the feed's own URL
    std::string date_style;  // see feed_date()
    // RSS only: the description opens with the linked photo, as HTML in
    // CDATA ("<a href><img></a></br>lead"), as some large outlets write it.
    bool summary_html = false;
};

std::string rss_feed(const FeedInfo& info, const std::vector<FeedItem>& items);
std::string atom_feed(const FeedInfo& info, const std::vector<FeedItem>& items);

}  // namespace presswatch::demo
