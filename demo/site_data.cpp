#include "demo/site_data.h"

#include <cstdio>
#include <map>
#include <set>
#include <span>
#include <stdexcept>

#include "config/embedded.h"
#include "config/toml_reader.h"
#include "demo/shown_dates.h"

namespace presswatch::demo {

std::span<const EmbeddedFile> site_files();

namespace {

using config::TableReader;

// "08:05" -> minutes after midnight.
int read_time_of_day(TableReader& r, const std::string& key) {
    std::string s = r.required_str(key);
    int h = -1, m = -1;
    if (s.size() != 5 || s[2] != ':' || std::sscanf(s.c_str(), "%2d:%2d", &h, &m) != 2 || h < 0 || h > 23 ||
        m < 0 || m > 59)
        r.fail(key, "expected a time of day as HH:MM, like \"08:05\"");
    return h * 60 + m;
}

int read_days_ago(TableReader& r) {
    // A crawl skips items older than max_age_days (7 by default): keep every
    // article well inside it so the demo finds them whatever the day.
    constexpr int max_days_ago = 5;
    auto d = r.integer("days_ago");
    if (!d || *d < 0 || *d > max_days_ago) r.fail("days_ago", "expected a whole number from 0 to 5");
    return static_cast<int>(*d);
}

// Paragraphs are separated by blank lines; lines inside one are joined.
std::vector<std::string> split_paragraphs(const std::string& body) {
    std::vector<std::string> out;
    std::string cur;
    size_t pos = 0;
    while (pos <= body.size()) {
        size_t nl = body.find('\n', pos);
        if (nl == std::string::npos) nl = body.size();
        std::string line = body.substr(pos, nl - pos);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
        size_t first = line.find_first_not_of(' ');
        if (first == std::string::npos) {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            if (!cur.empty()) cur += ' ';
            cur += line.substr(first);
        }
        pos = nl + 1;
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

SiteArticle read_article(TableReader& r) {
    SiteArticle a;
    a.id = r.required_str("id");
    a.path = r.required_str("path");
    if (a.path.front() != '/') r.fail("path", "must start with /");
    a.section = r.required_str("section");
    a.headline = r.required_str("headline");
    a.lead = r.required_str("lead");
    a.author = r.str_or("author", "");
    a.paragraphs = split_paragraphs(r.required_str("body"));
    a.caption = r.str_or("caption", "");
    constexpr size_t min_paragraphs = 4;  // realistic news length
    if (a.paragraphs.size() < min_paragraphs) r.fail("body", "needs at least 4 paragraphs");
    a.related = r.strings("related");
    a.feeds = r.strings("feeds");
    a.days_ago = read_days_ago(r);
    a.minute_of_day = read_time_of_day(r, "time");
    auto about = r.boolean("about_province");
    auto answer = r.boolean("needs_answer");
    if (!about) r.fail("about_province", "is required (true or false)");
    if (!answer) r.fail("needs_answer", "is required (true or false)");
    a.about_province = *about;
    a.needs_answer = *answer;
    if (a.needs_answer && !a.about_province) r.fail("needs_answer", "only a Thanh Hóa article can need an answer");
    a.note = r.required_str("note");
    r.finish();
    return a;
}

GoneArticle read_gone(TableReader& r) {
    GoneArticle g;
    g.path = r.required_str("path");
    g.headline = r.required_str("headline");
    g.days_ago = read_days_ago(r);
    g.minute_of_day = read_time_of_day(r, "time");
    r.finish();
    return g;
}

using Files = std::map<std::string, std::string>;  // name -> bytes

void read_articles(const Files& files, SiteOutlet& o) {
    const std::string name = "articles/" + o.slug + ".toml";
    auto text = files.find(name);
    if (text == files.end()) throw ConfigError("demo/site/" + name + ": missing: every outlet needs its articles file");
    const std::string file = "demo/site/" + name;
    toml::table t = config::parse_toml(text->second, file);
    TableReader r(t, file, "");
    for (auto& ar : r.tables("article")) o.articles.push_back(read_article(ar));
    for (auto& gr : r.tables("gone")) o.gone.push_back(read_gone(gr));
    r.finish();
}

void check_links(const SiteOutlet& o) {
    std::set<std::string> ids, paths, feeds(o.feeds.begin(), o.feeds.end());
    for (const auto& a : o.articles) {
        if (!ids.insert(a.id).second) throw ConfigError("demo/site: article id used twice: " + a.id);
        if (!paths.insert(a.path).second) throw ConfigError("demo/site: " + o.slug + ": path used twice: " + a.path);
    }
    for (const auto& a : o.articles) {
        for (const auto& rel : a.related)
            if (!ids.count(rel)) throw ConfigError("demo/site: " + a.id + ": related id not in " + o.slug + ": " + rel);
        for (const auto& f : a.feeds)
            if (!feeds.count(f)) throw ConfigError("demo/site: " + a.id + ": not a feed of " + o.slug + ": " + f);
    }
}

}  // namespace

std::string_view embedded_site_file(const std::string& name) {
    for (const auto& f : site_files())
        if (f.name == name) return f.bytes;
    throw std::out_of_range("demo/site has no file " + name);
}

std::vector<SiteOutlet> load_site_data() {
    static const std::vector<SiteOutlet> embedded = load_site_data(site_files());
    return embedded;
}

std::vector<SiteOutlet> load_site_data(std::span<const EmbeddedFile> site) {
    Files files;
    for (const auto& f : site) files.emplace(std::string(f.name), std::string(f.bytes));
    const std::string file = "demo/site/outlets.toml";
    auto text = files.find("outlets.toml");
    if (text == files.end()) throw ConfigError(file + ": missing from the site's files");
    toml::table t = config::parse_toml(text->second, file);
    TableReader root(t, file, "");
    std::vector<SiteOutlet> outlets;
    std::set<std::string> article_ids;
    for (auto& r : root.tables("outlet")) {
        SiteOutlet o;
        o.slug = r.required_str("slug");
        config::check_slug(r, "slug", o.slug);
        o.name = r.required_str("name");
        o.kind = r.required_str("kind");
        o.style = r.required_str("style");
        o.feed_format = r.required_str("feed_format");
        if (o.feed_format != "rss" && o.feed_format != "atom") r.fail("feed_format", "expected \"rss\" or \"atom\"");
        o.feed_dates = r.required_str("feed_dates");
        if (!is_feed_date_style(o.feed_dates)) r.fail("feed_dates", "not a style named in demo/shown_dates.h");
        o.feed_summary_html = r.boolean("feed_summary_html").value_or(false);
        o.feeds = r.strings("feeds");
        if (o.feeds.empty()) r.fail("feeds", "every outlet needs at least one feed path");
        o.robots = r.required_str("robots");
        r.finish();
        read_articles(files, o);
        check_links(o);
        for (const auto& a : o.articles)
            if (!article_ids.insert(a.id).second) throw ConfigError("demo/site: article id used twice: " + a.id);
        outlets.push_back(std::move(o));
    }
    root.finish();
    return outlets;
}

}  // namespace presswatch::demo
