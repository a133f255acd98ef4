// The web interface in a real browser: Debian's chromium, headless, driven
// by playwright-core (tests/browser/, installed by scripts/install-deps from
// its lock file; nothing is downloaded here). Screenshots go to
// <build>/web-screenshots/ for people to look at.
#include <catch2/catch.hpp>

#include "web_fixture.h"

using namespace presswatch;
using namespace presswatch::testing;

TEST_CASE("in chromium: search in three spellings, an article's mentions, keyboard review, 360 px", "[web][browser]") {
    std::filesystem::path browser_dir = std::filesystem::path(PRESSWATCH_SOURCE_DIR) / "tests" / "browser";
    if (!std::filesystem::exists(browser_dir / "node_modules" / "playwright-core") ||
        !std::filesystem::exists("/usr/bin/chromium")) {
        WARN("skipped: run scripts/install-deps (chromium, nodejs and tests/browser's npm lock file)");
        return;
    }
    DemoCopy data;
    RunningServer server(data.path());
    auto shots = std::filesystem::current_path() / "web-screenshots";
    std::filesystem::create_directories(shots);
    auto r = run_shell("cd " + shell_quote(browser_dir.string()) + " && node browser_test.js http://127.0.0.1:" +
                       std::to_string(server.port()) + " " + shell_quote(shots.string()) + " 2>&1");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("is:new went from"));
}
