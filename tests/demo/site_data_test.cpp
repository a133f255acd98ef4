// The sample site's data files are read strictly: a mistake in them is
// reported with file, line and key, never served silently.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/error.h"
#include "demo/site_data.h"

using presswatch::ConfigError;
using presswatch::EmbeddedFile;
using presswatch::demo::load_site_data;

namespace {

const std::string outlets_toml = R"(
[[outlet]]
slug = "thu"
name = "Báo Thử"
kind = "central"
style = "tinnhanh"
feed_format = "rss"
feed_dates = "rfc822"
feeds = ["/rss.xml", "/rss/xa-hoi.rss"]
robots = "User-agent: *\n"
)";

std::string article(const std::string& id, const std::string& extra = "") {
    return "[[article]]\nid = \"" + id + "\"\npath = \"/" + id +
           ".html\"\nsection = \"Xã hội\"\ndays_ago = 1\ntime = \"08:05\"\n"
           "headline = \"Tiêu đề\"\nlead = \"Sapo\"\nauthor = \"Tác giả\"\n"
           "about_province = true\nneeds_answer = false\nnote = \"n\"\n" +
           extra + "body = \"\"\"\nMột.\n\nHai.\n\nBa.\n\nBốn.\n\"\"\"\n";
}

std::vector<presswatch::demo::SiteOutlet> load(const std::string& outlets, const std::string& articles) {
    const EmbeddedFile files[] = {{"outlets.toml", outlets}, {"articles/thu.toml", articles}};
    return load_site_data(files);
}

}  // namespace

TEST_CASE("a well-formed site loads with paragraphs split on blank lines") {
    auto site = load(outlets_toml, article("a1") + article("a2", "related = [\"a1\"]\nfeeds = [\"/rss/xa-hoi.rss\"]\n"));
    REQUIRE(site.size() == 1);
    REQUIRE(site[0].articles.size() == 2);
    CHECK(site[0].articles[0].paragraphs == std::vector<std::string>{"Một.", "Hai.", "Ba.", "Bốn."});
    CHECK(site[0].articles[0].minute_of_day == 8 * 60 + 5);
    CHECK(site[0].articles[1].related == std::vector<std::string>{"a1"});
}

TEST_CASE("mistakes in the site's files name the file, the line and the key") {
    struct Row {
        std::string outlets, articles, message;
    };
    const std::string good = article("a1");
    const Row rows[] = {
        {outlets_toml + "colour = \"red\"\n", good, "demo/site/outlets.toml:11: outlet[0].colour: unknown key"},
        {outlets_toml, good + "colour = \"red\"\n", "demo/site/articles/thu.toml:22: article[0].colour: unknown key"},
        {outlets_toml, article("a1", "days_ago = 9\n"), "days_ago"},
        {outlets_toml, article("a1", "related = [\"zz\"]\n"), "related id not in thu: zz"},
        {outlets_toml, article("a1", "feeds = [\"/khong-co.rss\"]\n"), "not a feed of thu: /khong-co.rss"},
        {outlets_toml, article("a1") + article("a1"), "article id used twice: a1"},
        {outlets_toml, article("a1").replace(article("a1").find("08:05"), 5, "8h05"), "time: expected a time of day as HH:MM"},
        {outlets_toml, article("a1").replace(article("a1").find("needs_answer = false"), 20, "needs_answer = true")
                           .replace(article("a1").find("about_province = true"), 21, "about_province = false"),
         "only a Thanh Hóa article can need an answer"},
        {outlets_toml, article("a1").replace(article("a1").find("\n\nBốn."), 7, ""), "body: needs at least 4 paragraphs"},
        {std::string(outlets_toml).replace(outlets_toml.find("rfc822"), 6, "rfc9999"), good, "feed_dates"},
        {std::string(outlets_toml).replace(outlets_toml.find("\"rss\""), 5, "\"json\""), good, "feed_format"},
        {outlets_toml, "[[article]\n", "demo/site/articles/thu.toml:1"},
    };
    for (const auto& r : rows) {
        INFO(r.message);
        try {
            load(r.outlets, r.articles);
            FAIL("no error for: " << r.message);
        } catch (const ConfigError& e) {
            CHECK_THAT(e.what(), Catch::Matchers::Contains(r.message));
        }
    }
}

TEST_CASE("an outlet without its articles file is an error naming the file") {
    const EmbeddedFile files[] = {{"outlets.toml", outlets_toml}};
    CHECK_THROWS_WITH(load_site_data(files), Catch::Matchers::Contains("demo/site/articles/thu.toml: missing"));
}
