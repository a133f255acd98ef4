// End to end, as a new user would: the built `presswatch demo`, then
// `presswatch search` three ways.
#include <array>
#include <ctime>
#include <fstream>
#include <sstream>
#include <filesystem>
#include <cstdio>
#include <regex>
#include <set>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "briefing/docx_part.h"
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
    // The daily list and the example search name outlets as people know
    // them, never by their slugs.
    auto list_at = demo.out.find("Tin về tỉnh trong");
    REQUIRE(list_at != std::string::npos);
    std::string listed = demo.out.substr(list_at, demo.out.find("Thử tiếp:") - list_at);
    for (const char* slug : {"datviet", "songhong", "nhipsong", "phothi", "tinnhanh", "xuthanh"}) {
        INFO(slug);
        CHECK(listed.find(std::string(" ") + slug + " ") == std::string::npos);
    }
    CHECK_THAT(listed, Catch::Contains("Báo Xứ Thanh"));

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

namespace {

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// "2026-12" for now in Vietnam time, months_back months earlier.
std::string vietnam_month(int months_back) {
    std::time_t now = std::time(nullptr) + 7 * 3600;
    std::tm tm = *std::gmtime(&now);
    int m = tm.tm_year * 12 + tm.tm_mon - months_back;
    char out[8];
    std::snprintf(out, sizeof out, "%04d-%02d", 1900 + m / 12, m % 12 + 1);
    return out;
}

// The text with the slug's machine uses (search filters, the sample site's
// host names) taken out: what is left must not name the outlet by slug.
std::string without_machine_uses(std::string s, const std::string& slug) {
    for (const std::string& use : {"outlet:" + slug, slug + ".localhost"})
        for (std::size_t p; (p = s.find(use)) != std::string::npos;) s.erase(p, use.size());
    return s;
}

}  // namespace

TEST_CASE("the demo's data, read later with the default configuration, names its outlets in the briefing and the letters",
          "[e2e]") {
    TempDir dir;
    std::string data = "--data " + quote(dir.path().string());
    REQUIRE(run(data + " demo").code == 0);
    // The demo's articles are of the last 6 days: this month and maybe the last.
    std::string html;
    for (int back : {0, 1}) {
        auto file = dir.path() / ("bao-cao-" + std::to_string(back) + ".html");
        Run r = run(data + " briefing --month " + vietnam_month(back) + " -o " + quote(file.string()));
        INFO(r.out);
        REQUIRE(r.code == 0);
        html += read_file(file);
    }
    CHECK_THAT(html, Catch::Contains("Báo Xứ Thanh"));
    CHECK_THAT(html, Catch::Contains("Báo Tin Nhanh"));
    for (const char* slug : {"xuthanh", "tinnhanh"}) {
        INFO(slug);
        CHECK(without_machine_uses(html, slug).find(slug) == std::string::npos);
    }

    auto letters = dir.path() / "cong-van";
    Run r = run(data + " letters -o " + quote(letters.string()));
    INFO(r.out);
    REQUIRE(r.code == 0);
    std::string text;
    for (const auto& f : std::filesystem::directory_iterator(letters))
        text += presswatch::testing::docx_visible_text(
            presswatch::testing::docx_part(read_file(f.path()), "word/document.xml"));
    CHECK_THAT(text, Catch::Contains("Báo Xứ Thanh"));
    CHECK(text.find("xuthanh") == std::string::npos);
}
