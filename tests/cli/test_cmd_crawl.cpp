// `presswatch crawl` as people see it: on a terminal a live progress line
// and the per-outlet summary; elsewhere plain log lines and the summary.
#include <catch2/catch.hpp>

#include "pipeline/crawl_site.h"
#include "pty_session.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::CrawlSite;
using presswatch::testing::PtySession;
using presswatch::testing::TempDir;

namespace {

// The progress line's own marks: it is redrawn in place with \r and
// "erase to end of line".
const std::string redraw = "\r\033[K";

}  // namespace

TEST_CASE("crawl on a terminal shows a live progress line, then the summary per outlet") {
    // Article pages answer slowly, so that the crawl outlives the progress
    // line's 250 ms interval several times.
    CrawlSite site(2, 4, 150);
    TempDir cfg_dir, data;
    site.write_config(cfg_dir.path());
    PtySession pty({PRESSWATCH_BINARY, "--config", cfg_dir.path().string(), "--data", data.path().string(), "crawl"});
    REQUIRE(pty.wait_for(redraw + "báo 0/2 · đã tải"));
    REQUIRE(pty.wait_for("trang/s"));
    // The summary, after the progress line is cleared: a row per outlet and the total.
    REQUIRE(pty.wait_for("Tin về tỉnh", 30000));
    REQUIRE(pty.wait_for("Báo bao1"));
    REQUIRE(pty.wait_for("Báo bao2"));
    REQUIRE(pty.wait_for("Tổng"));
    REQUIRE(pty.wait_for("bài được lập chỉ mục"));
    CHECK(pty.wait_exit() == 0);
    const auto& out = pty.output();
    // Redrawn more than once, and always in place: no progress line stays
    // behind on a line of its own.
    std::size_t drawn = 0;
    for (auto at = out.find(redraw + "báo "); at != std::string::npos; at = out.find(redraw + "báo ", at + 1)) ++drawn;
    CHECK(drawn >= 2);
    // The last line drawn: two robots.txt, two feeds, eight articles, nothing left.
    CHECK(out.find("đã tải 12 · đang chờ 0") != std::string::npos);
    CHECK(out.find("trang/s\n") == std::string::npos);
    CHECK(out.find("trang/s\r\n") == std::string::npos);
    // Progress replaces the info log lines on a terminal.
    CHECK(out.find(" info ") == std::string::npos);
}

TEST_CASE("crawl without a terminal writes plain log lines and the summary, no progress line") {
    CrawlSite site(2, 3);
    TempDir cfg_dir, data;
    site.write_config(cfg_dir.path());
    auto r = presswatch::testing::run_presswatch("--config " + cfg_dir.path().string() + " --data " +
                                                 data.path().string() + " crawl </dev/null");
    CHECK(r.code == 0);
    CHECK(r.out.find(" info bao1 ") != std::string::npos);  // "time level outlet url message"
    CHECK(r.out.find("feed listed 3 links") != std::string::npos);
    CHECK(r.out.find("Báo bao2") != std::string::npos);
    CHECK(r.out.find("Tổng") != std::string::npos);
    CHECK(r.out.find('\r') == std::string::npos);
    CHECK(r.out.find("\033[") == std::string::npos);
    CHECK(r.out.find("trang/s") == std::string::npos);
}
