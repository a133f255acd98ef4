#include "demo/feed_writer.h"

#include <algorithm>

#include "demo/page_html.h"
#include "demo/shown_dates.h"

namespace presswatch::demo {

std::string rss_feed(const FeedInfo& info, const std::vector<FeedItem>& items) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n";
    out += "<title>" + escape_html(info.title) + "</title>\n";
    out += "<link>" + escape_html(info.site_url) + "</link>\n";
    out += "<atom:link href=\"" + escape_html(info.feed_url) + "\" rel=\"self\" type=\"application/rss+xml\"/>\n";
    out += "<description>" + escape_html(info.title) + " - tin mới nhất</description>\n<language>vi</language>\n";
    for (const auto& it : items) {
        out += "<item>\n<title>" + escape_html(it.title) + "</title>\n";
        out += "<link>" + escape_html(it.url) + "</link>\n";
        out += "<guid isPermaLink=\"true\">" + escape_html(it.url) + "</guid>\n";
        std::string photo;
        if (info.summary_html && !it.image.empty())
            photo = "<a href=\"" + escape_html(it.url) + "\"><img src=\"" + escape_html(it.image) + "\" ></a></br>";
        out += "<description><![CDATA[" + photo + it.summary + "]]></description>\n";
        out += "<pubDate>" + feed_date(info.date_style, it.published) + "</pubDate>\n</item>\n";
    }
    return out + "</channel>\n</rss>\n";
}

std::string atom_feed(const FeedInfo& info, const std::vector<FeedItem>& items) {
    std::int64_t updated = 0;
    for (const auto& it : items) updated = std::max(updated, it.published);
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                      "xml:lang=\"vi\">\n";
    out += "<title>" + escape_html(info.title) + "</title>\n";
    out += "<link rel=\"alternate\" href=\"" + escape_html(info.site_url) + "\"/>\n";
    out += "<link rel=\"self\" href=\"" + escape_html(info.feed_url) + "\"/>\n";
    out += "<id>" + escape_html(info.site_url) + "</id>\n";
    out += "<updated>" + feed_date(info.date_style, updated) + "</updated>\n";
    for (const auto& it : items) {
        out += "<entry>\n<title type=\"text\">" + escape_html(it.title) + "</title>\n";
        out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + escape_html(it.url) + "\"/>\n";
        out += "<id>" + escape_html(it.url) + "</id>\n";
        out += "<published>" + feed_date(info.date_style, it.published) + "</published>\n";
        out += "<updated>" + feed_date(info.date_style, it.published) + "</updated>\n";
        out += "<summary type=\"text\">" + escape_html(it.summary) + "</summary>\n</entry>\n";
    }
    return out + "</feed>\n";
}

}  // namespace presswatch::demo
