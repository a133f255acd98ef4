// What a browser is sent: gzip when it says it accepts gzip (pages,
// styles, scripts and JSON are text that shrinks 3-5 times: the search
// page's weight, docs/benchmarks.md "Web"), the plain bytes when it does
// not. httplib compresses only when built with CPPHTTPLIB_ZLIB_SUPPORT
// (Debian's pkg-config file for cpp-httplib defines it).
#include <catch2/catch.hpp>

#include "web_fixture.h"

using namespace presswatch::testing;

TEST_CASE("a client that accepts gzip gets gzip bodies of pages, styles, scripts and the API; one that does not "
          "gets them plain",
          "[web]") {
    RunningServer server(demo_data());
    for (std::string path : {"/search?q=thanh+ho%C3%A1", "/static/style.css", "/static/app.js",
                             "/api/v1/search?q=thanh+ho%C3%A1&facets=1"}) {
        INFO(path);
        auto raw = server.client();
        raw.set_decompress(false);
        auto gz = raw.Get(path, {{"Accept-Encoding", "gzip"}});
        REQUIRE(gz);
        REQUIRE(gz->status == 200);
        CHECK(gz->get_header_value("Content-Encoding") == "gzip");
        REQUIRE(gz->body.size() > 2);
        CHECK(static_cast<unsigned char>(gz->body[0]) == 0x1f);  // gzip's magic bytes
        CHECK(static_cast<unsigned char>(gz->body[1]) == 0x8b);

        auto plain = server.client().Get(path);  // no Accept-Encoding
        REQUIRE(plain);
        REQUIRE(plain->status == 200);
        CHECK_FALSE(plain->has_header("Content-Encoding"));
        CHECK(static_cast<unsigned char>(plain->body[0]) != 0x1f);
        CHECK(gz->body.size() < plain->body.size());

        // The same bytes once decoded (httplib's client decodes gzip).
        auto decoded = server.client().Get(path, {{"Accept-Encoding", "gzip"}});
        REQUIRE(decoded);
        if (path.rfind("/search", 0) != 0)  // a page carries per-request tokens
            CHECK(decoded->body == plain->body);
        else
            CHECK(decoded->body.size() > gz->body.size() * 2);
    }
}
