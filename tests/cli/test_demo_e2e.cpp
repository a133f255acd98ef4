// End to end, as a new user would: the built `presswatch demo`, then
// `presswatch search` three ways.
#include <array>
#include <cstdio>
#include <regex>
#include <set>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "support.h"

using presswatch::testing::TempDir;

namespace {

using Run = presswatch::testing::CommandResult;

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

Run run(const std::string& args) { return presswatch::testing::run_presswatch(args); }

// The article ids a `search --json` printed, one JSON object per line.
std::set<long> ids(const std::string& json_lines) {
    std::set<long> out;
    std::regex id_re(R"re("id":\s*(\d+))re");
    for (std::sregex_iterator it(json_lines.begin(), json_lines.end(), id_re), end; it != end; ++it)
        out.insert(std::stol((*it)[1]));
    return out;
}

}  // namespace

TEST_CASE("demo crawls the sample site and the three spellings of the province find the same clippings", "[e2e]") {
    TempDir dir;
    std::string data = "--data " + quote(dir.path().string());
    Run demo = run(data + " demo");
    INFO(demo.out);
    REQUIRE(demo.code == 0);
    CHECK_THAT(demo.out, Catch::Contains("Thanh H"));

    // The hint it prints works as printed, from the folder it was run in
    // (here the binary is not on PATH: the hint names its path).
    auto hint_at = demo.out.find("Thử tiếp:\n  ");
    REQUIRE(hint_at != std::string::npos);
    hint_at += std::string("Thử tiếp:\n  ").size();
    std::string hint = demo.out.substr(hint_at, demo.out.find('\n', hint_at) - hint_at);
    INFO(hint);
    CHECK(hint.rfind("presswatch ", 0) == std::string::npos);
    Run hinted = presswatch::testing::run_shell(hint + " 2>&1");
    CHECK(hinted.code == 0);
    CHECK_THAT(hinted.out, Catch::Contains("Thanh H"));

    Run plain = run(data + " search --json --limit 200 " + quote("thanh hoa"));
    Run new_style = run(data + " search --json --limit 200 " + quote("Thanh Hoá"));
    Run upper = run(data + " search --json --limit 200 " + quote("THANH HÓA"));
    INFO(plain.out);
    REQUIRE(plain.code == 0);
    REQUIRE(new_style.code == 0);
    REQUIRE(upper.code == 0);
    auto found = ids(plain.out);
    CHECK(found.size() >= 5);
    CHECK(ids(new_style.out) == found);
    CHECK(ids(upper.out) == found);

    SECTION("running the demo again changes nothing") {
        Run before = run(data + " stats --json");
        Run again = run(data + " demo");
        INFO(again.out);
        REQUIRE(again.code == 0);
        Run after = run(data + " stats --json");
        CHECK(after.out == before.out);
    }
}

TEST_CASE("a bad query exits 2 with a message, a bad option too", "[e2e]") {
    TempDir dir;
    Run r = run("--data " + quote(dir.path().string()) + " search --nonsense x");
    CHECK(r.code == 2);
    Run v = run("--version");
    CHECK(v.code == 0);
    CHECK_THAT(v.out, Catch::Contains("presswatch"));
}
