#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "config/config.h"
#include "core/error.h"
#include "support.h"

using namespace presswatch;

namespace {
void write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p) << text; }
}  // namespace

TEST_CASE("the built-in triage tables load with every slug of the conventions", "[config][triage]") {
    auto cfg = config::load_config(std::filesystem::path{});
    const char* topics[] = {"chinh-tri", "kinh-te",  "dat-dai", "moi-truong", "nong-nghiep", "giao-thong",
                            "y-te",      "giao-duc", "van-hoa", "du-lich",    "the-thao",    "lao-dong",
                            "an-ninh",   "tai-nan",  "bao-chi", "khoa-hoc",   "doanh-nghiep"};
    for (const char* t : topics) {
        CAPTURE(t);
        CHECK(std::any_of(cfg.triage.topics.begin(), cfg.triage.topics.end(), [&](auto& x) { return x.slug == t; }));
    }
    const char* agencies[] = {"ubnd-tinh", "so-nnmt", "so-xd", "so-tc",   "so-ct",     "so-yt",   "so-gddt", "so-vhttdl",
                              "so-nv",     "so-khcn", "so-tp", "so-dttg", "cong-an", "thanh-tra", "bql-kkt"};
    for (const char* a : agencies) {
        CAPTURE(a);
        CHECK(cfg.triage.agency(a) != nullptr);
    }
    CHECK_FALSE(cfg.triage.response.deadlines.empty());
    CHECK_FALSE(cfg.triage.response.holidays.empty());
    bool hoang_tien = false;
    for (const auto& p : cfg.province.names)
        if (p.name == "Hoằng Tiến") hoang_tien = p.agency == "ubnd-xa-hoang-tien";
    CHECK(hoang_tien);
}

TEST_CASE("triage configuration errors name file, line and key", "[config][triage]") {
    struct Row {
        const char* file;
        const char* text;
        const char* expected;  // part of the message
    };
    const Row rows[] = {
        {"topics.toml", "[[topic]]\nslug = \"x\"\nname = \"X\"\nphrases = { \"a\" = \"heavy\" }\n", "topics.toml:4"},
        {"topics.toml", "[[topic]]\nslug = \"Bad Slug\"\nname = \"X\"\nphrases = { \"a\" = 1 }\n", "slug"},
        {"response.toml", "[[deadline]]\nclock = \"weeks\"\nduration = 3\n", "clock"},
        {"response.toml", "[[deadline]]\nclock = \"hours\"\nduration = 0\n", "duration"},
        {"response.toml", "holidays = [\"2026-13-01\"]\n", "holidays"},
        {"response.toml", "[[signal]]\nname = \"x\"\nkind = \"up\"\nphrases = [\"a\"]\n", "kind"},
        {"response.toml", "[[signal]]\nname = \"x\"\nphrases = [\"a\"]\nfields = [\"title\"]\n", "is not a field"},
        {"response.toml", "[[signal]]\nname = \"x\"\nphrases = [\"a\"]\ntone = \"happy\"\n", "is not a tone"},
        {"agencies.toml", "[[agency]]\nslug = \"so-x\"\nname = \"X\"\nkind = \"department\"\ntopics = [\"nope\"]\n",
         "agencies.toml:1"},
        {"province.toml", "name = \"Thanh Hóa\"\n[scoring]\nheadline = -1\n", "headline"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.file, r.text);
        testing::TempDir dir;
        write(dir.path() / r.file, r.text);
        try {
            config::load_config(dir.path());
            FAIL("no error for a bad " << r.file);
        } catch (const ConfigError& e) {
            CHECK_THAT(e.what(), Catch::Contains(r.expected));
        }
    }
}
