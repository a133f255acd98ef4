#include <catch2/catch.hpp>

#include "core/error.h"
#include "crawler/gzip.h"
#include "crawler/warc.h"

using namespace presswatch;
using namespace presswatch::crawler;

namespace {

std::string response_record(const std::string& url, const std::string& http, const std::string& version = "WARC/1.0") {
    return version + "\r\nWARC-Type: response\r\nWARC-Target-URI: " + url +
           "\r\nWARC-Date: 2026-03-07T01:15:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
           "Content-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

}  // namespace

TEST_CASE("warc: response records of WARC 1.0 and 1.1, plain, chunked and gzip-encoded bodies") {
    std::string chunked_body = "5\r\n<p>Th\r\n6\r\nanh H\xC3\r\n4\r\n\xB3" "a</\r\n2\r\np>\r\n0\r\n\r\n";
    std::string gz = gzip_member("<p>nén</p>");
    std::string file =
        "WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\ninfo\r\n\r\n" +
        response_record("http://x.vn/a", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>a</p>") +
        response_record("<http://x.vn/b>", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked_body, "WARC/1.1") +
        response_record("http://x.vn/c", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + gz) +
        response_record("http://x.vn/d", "HTTP/1.1 404 Not Found\r\n\r\n");
    for (bool compressed : {false, true}) {
        INFO("gzip per record: " << compressed);
        std::string data = file;
        if (compressed) {
            // Each record its own gzip member, as .warc.gz files are.
            data.clear();
            std::size_t pos = 0;
            while (pos < file.size()) {
                auto next = file.find("WARC/1.", pos + 1);
                if (next == std::string::npos) next = file.size();
                data += gzip_member(file.substr(pos, next - pos));
                pos = next;
            }
        }
        std::vector<HttpResponse> got;
        int records = 0;
        read_warc(data, [&](const WarcRecord& r) {
            records++;
            if (auto h = http_response(r, 1 << 20)) got.push_back(*h);
        });
        CHECK(records == 5);
        REQUIRE(got.size() == 4);
        CHECK(got[0].url == "http://x.vn/a");
        CHECK(got[0].status == 200);
        CHECK(got[0].body == "<p>a</p>");
        CHECK(got[0].content_type == "text/html; charset=utf-8");
        CHECK(got[0].date == 1772846100);
        CHECK(got[1].url == "http://x.vn/b");
        CHECK(got[1].body == "<p>Thanh Hóa</p>");
        CHECK(got[2].body == "<p>nén</p>");
        CHECK(got[3].status == 404);
    }
}

TEST_CASE("warc: what is not WARC, or is cut short, is an input error naming the byte") {
    CHECK_THROWS_AS(read_warc("<html></html>", [](const WarcRecord&) {}), InputError);
    auto cut = response_record("http://x.vn/a", "HTTP/1.1 200 OK\r\n\r\n<p>a</p>");
    cut.resize(cut.size() - 10);
    CHECK_THROWS_WITH(read_warc(cut, [](const WarcRecord&) {}), Catch::Contains("cut short"));
    CHECK_THROWS_WITH(read_warc("WARC/1.0\r\nWARC-Type: response\r\n\r\n", [](const WarcRecord&) {}),
                      Catch::Contains("Content-Length"));
}

TEST_CASE("warc: written records read back, with stable record ids") {
    auto rec = warc_record("response", "seed", {{"WARC-Target-URI", "http://x.vn/a"}, {"WARC-Date", warc_date(0)}},
                           "HTTP/1.1 200 OK\r\n\r\nbody");
    CHECK(rec == warc_record("response", "seed", {{"WARC-Target-URI", "http://x.vn/a"}, {"WARC-Date", warc_date(0)}},
                             "HTTP/1.1 200 OK\r\n\r\nbody"));
    CHECK(rec.find("WARC-Record-ID: <urn:uuid:") != std::string::npos);
    int n = 0;
    read_warc(rec, [&](const WarcRecord& r) {
        n++;
        CHECK(r.version == "WARC/1.1");
        CHECK(r.header("warc-date") == "1970-01-01T00:00:00Z");
        auto h = http_response(r, 100);
        REQUIRE(h);
        CHECK(h->body == "body");
    });
    CHECK(n == 1);
}
