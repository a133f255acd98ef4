#include <fstream>

#include <catch2/catch.hpp>

#include "config/config.h"
#include "core/error.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::TempDir;

namespace {

void write(const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p) << text;
}

std::string load_error(const std::filesystem::path& dir) {
    try {
        config::load_config(dir);
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("the built-in configuration loads with at least 20 central outlets", "[config]") {
    auto cfg = config::load_config();
    int central = 0;
    for (const auto& o : cfg.outlets) central += o.kind == "central";
    CHECK(central >= 20);
    CHECK(cfg.province.name == "Thanh Hóa");
    REQUIRE(cfg.outlet_by_slug("vnexpress") != nullptr);
    CHECK(cfg.outlet_by_slug("vnexpress")->feeds.front() == "https://vnexpress.net/rss/tin-moi-nhat.rss");
    CHECK(cfg.origins.at("sources.toml") == "built-in");
}

TEST_CASE("hosts map to outlets ignoring port and accepting subdomains", "[config]") {
    auto cfg = config::load_config();
    REQUIRE(cfg.outlet_for_host("vnexpress.net") != nullptr);
    CHECK(cfg.outlet_for_host("VNExpress.net:8080")->slug == "vnexpress");
    CHECK(cfg.outlet_for_host("www.vietnamplus.vn")->slug == "vietnamplus");
    CHECK(cfg.outlet_for_host("notvnexpress.net") == nullptr);
    CHECK(cfg.outlet_for_host("example.org") == nullptr);
}

TEST_CASE("a file in --config replaces only the built-in file of the same name", "[config]") {
    TempDir dir;
    write(dir.path() / "sources.toml", R"([[outlet]]
slug = "tinnhanh"
name = "Báo Tin Nhanh"
domains = ["tinnhanh.localhost"]
feeds = ["http://tinnhanh.localhost:8080/rss.xml"]
)");
    auto cfg = config::load_config(dir.path());
    REQUIRE(cfg.outlets.size() == 1);
    CHECK(cfg.outlets[0].kind == "central");
    CHECK(cfg.origins.at("sources.toml") == (dir.path() / "sources.toml").string());
    CHECK(cfg.origins.at("presswatch.toml") == "built-in");
}

TEST_CASE("configuration errors name the file, the line and the key", "[config]") {
    struct Row {
        std::string file, text, expected;
    };
    std::vector<Row> rows = {
        {"presswatch.toml", "[crawl]\nconcurrency = \"many\"\n", "presswatch.toml:2: crawl.concurrency: expected a whole number"},
        {"presswatch.toml", "\n\n[crawl]\nconcurency = 4\n", "presswatch.toml:4: crawl.concurency: unknown key"},
        {"presswatch.toml", "[crawl]\nconcurrency = 0\n", "presswatch.toml:2: crawl.concurrency: must be at least 1"},
        {"sources.toml", "[[outlet]]\nslug = \"a\"\nname = \"A\"\ndomains = [\"a.vn\"]\nfeeds = [\"ftp://a.vn/x\"]\n",
         "sources.toml:5: outlet[0].feeds: \"ftp://a.vn/x\" is not an http(s) URL"},
        {"sources.toml", "[[outlet]]\nslug = \"a\"\nname = \"A\"\ndomains = [\"a.vn\"]\ninclude = [\"([a-z\"]\n",
         "sources.toml:5: outlet[0].include: \"([a-z\" is not a valid regular expression"},
        {"sources.toml", "[[outlet]]\nslug = \"Báo A\"\nname = \"A\"\ndomains = [\"a.vn\"]\n",
         "sources.toml:2: outlet[0].slug: \"Báo A\" must be lower-case ASCII"},
        {"sources.toml", "[[outlet]]\nslug = \"a\"\nname = \"A\"\ndomains = [\"a.vn\"]\nkind = \"regional\"\n",
         "sources.toml:5: outlet[0].kind: must be \"central\" or \"local\""},
        {"sources.toml", "[[outlet]]\nslug = \"a\"\nname = \"A\"\ndomains = [\"a.vn\"]\n[[outlet]]\nslug = \"a\"\nname = \"B\"\ndomains = [\"b.vn\"]\n",
         "sources.toml:6: outlet[1].slug: \"a\" is defined twice"},
        {"sources.toml", "[[outlet]]\nslug = \"a\"\nname = \"A\"\n", "outlet[0].domains: list at least one host"},
        {"sources.toml", "[[outlet]\nslug = 1\n", "sources.toml:1:"},
    };
    for (const auto& row : rows) {
        TempDir dir;
        write(dir.path() / row.file, row.text);
        INFO(row.text);
        std::string err = load_error(dir.path());
        CHECK_THAT(err, Catch::Contains(row.expected));
        CHECK_THAT(err, Catch::Contains((dir.path() / row.file).string()));
    }
}

TEST_CASE("a missing configuration folder is a clear error", "[config]") {
    CHECK_THROWS_WITH(config::load_config("/nonexistent/presswatch-config"),
                      Catch::Contains("does not exist"));
}
