#include <catch2/catch.hpp>

#include "crawler/url.h"

using presswatch::crawler::canonical_url;
using presswatch::crawler::resolve_url;

TEST_CASE("canonical_url normalises case, ports, fragments, encoding and tracking parameters") {
    struct Row {
        const char* in;
        const char* out;
    };
    const Row rows[] = {
        {"HTTPS://VnExpress.NET/thoi-su", "https://vnexpress.net/thoi-su"},
        {"http://vnexpress.net:80/a", "http://vnexpress.net/a"},
        {"https://vnexpress.net:443/a", "https://vnexpress.net/a"},
        {"http://vnexpress.localhost:8080/a", "http://vnexpress.localhost:8080/a"},
        {"https://vnexpress.net", "https://vnexpress.net/"},
        {"https://vnexpress.net/a#binh-luan", "https://vnexpress.net/a"},
        {"https://vnexpress.net/a/./b/../c", "https://vnexpress.net/a/c"},
        {"https://vnexpress.net/%7euser/%c3%a1", "https://vnexpress.net/~user/%C3%A1"},
        {"https://vnexpress.net/a?utm_source=fb&id=5&utm_medium=social", "https://vnexpress.net/a?id=5"},
        {"https://vnexpress.net/a?fbclid=IwAR0x", "https://vnexpress.net/a"},
        {"https://vnexpress.net/a?zarsrc=30&gclid=1&p=2", "https://vnexpress.net/a?p=2"},
        {"https://vnexpress.net/a?UTM_Campaign=x", "https://vnexpress.net/a"},
        {"  https://vnexpress.net/a  ", "https://vnexpress.net/a"},
        {"https://vnexpress.net/thanh hóa", "https://vnexpress.net/thanh%20h%C3%B3a"},
        {"https://vnexpress.net/a?x=1&&y=2", "https://vnexpress.net/a?x=1&y=2"},
    };
    for (const auto& r : rows) {
        INFO(r.in);
        auto got = canonical_url(r.in);
        REQUIRE(got);
        CHECK(*got == r.out);
    }
}

TEST_CASE("canonical_url refuses what is not an absolute http(s) URL") {
    for (const char* bad : {"", "javascript:void(0)", "mailto:a@b.vn", "ftp://x.vn/a", "/relative/path", "not a url"}) {
        INFO(bad);
        CHECK_FALSE(canonical_url(bad));
    }
}

TEST_CASE("canonical_url drops configured extra tracking parameters") {
    CHECK(*canonical_url("https://dantri.com.vn/a.htm?ref=home&id=1", {"ref"}) == "https://dantri.com.vn/a.htm?id=1");
    CHECK(*canonical_url("https://dantri.com.vn/a.htm?src_x=1&id=1", {"src_*"}) == "https://dantri.com.vn/a.htm?id=1");
}

TEST_CASE("two URLs differing only in tracking parameters have the same canonical form") {
    CHECK(*canonical_url("https://tuoitre.vn/a-123.htm?utm_source=zalo&zarsrc=1") ==
          *canonical_url("https://TUOITRE.vn/a-123.htm#comments"));
}

TEST_CASE("resolve_url resolves relative links against the page") {
    struct Row {
        const char* base;
        const char* ref;
        const char* out;
    };
    const Row rows[] = {
        {"https://vnexpress.net/rss/thoi-su.rss", "/tin-1.html", "https://vnexpress.net/tin-1.html"},
        {"https://vnexpress.net/rss/thoi-su.rss", "tin-2.html", "https://vnexpress.net/rss/tin-2.html"},
        {"https://vnexpress.net/a/b", "../c", "https://vnexpress.net/c"},
        {"https://vnexpress.net/a", "//cdn.vnexpress.net/x", "https://cdn.vnexpress.net/x"},
        {"http://a.localhost:9000/feed", "/p?id=1", "http://a.localhost:9000/p?id=1"},
        {"https://vnexpress.net/a", "https://tuoitre.vn/b", "https://tuoitre.vn/b"},
    };
    for (const auto& r : rows) {
        INFO(r.base << " + " << r.ref);
        auto got = resolve_url(r.base, r.ref);
        REQUIRE(got);
        CHECK(*got == r.out);
    }
    CHECK_FALSE(resolve_url("https://vnexpress.net/a", "javascript:alert(1)"));
    CHECK_FALSE(resolve_url("https://vnexpress.net/a", "mailto:x@y.vn"));
}

TEST_CASE("host keys: politeness keys on host and port, domain matching ignores the port") {
    using namespace presswatch::crawler;
    CHECK(url_host_port("http://a.localhost:8080/x") == "a.localhost:8080");
    CHECK(url_host_port("https://VnExpress.net/x") == "vnexpress.net:443");
    CHECK(url_host_port("http://vnexpress.net/x") == "vnexpress.net:80");
    CHECK(url_host("http://A.localhost:8080/x") == "a.localhost");
    CHECK(url_origin("http://a.localhost:8080/x?y") == "http://a.localhost:8080");
    CHECK(url_path_query("http://a.localhost:8080/x/y?z=1#f") == "/x/y?z=1");
    CHECK(host_in_domains("vnexpress.net", {"vnexpress.net"}));
    CHECK(host_in_domains("e.vnexpress.net:8080", {"vnexpress.net"}));
    CHECK(host_in_domains("vnexpress.localhost:41234", {"vnexpress.localhost"}));
    CHECK_FALSE(host_in_domains("notvnexpress.net", {"vnexpress.net"}));
    CHECK_FALSE(host_in_domains("tuoitre.vn", {"vnexpress.net"}));
}
