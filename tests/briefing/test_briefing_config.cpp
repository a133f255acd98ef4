#include <catch2/catch.hpp>

#include <fstream>

#include "config/config.h"
#include "core/error.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::TempDir;

TEST_CASE("briefing.toml's built-in defaults load") {
    auto cfg = config::load_config();
    CHECK(cfg.briefing.sender.body == "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    CHECK(cfg.briefing.letters.answer_days == 10);
    CHECK(cfg.briefing.letters.answer_clock == "working-days");
    CHECK(cfg.briefing.report.counting == "relevant+unreviewed");
    CHECK(cfg.briefing.digest.smtp_url.empty());
}

TEST_CASE("a wrong briefing.toml is refused naming file, line and key") {
    struct Row {
        std::string toml, message;
    };
    std::vector<Row> rows = {
        {"[digest]\nsmtp_url = \"http://mail\"\n", "briefing.toml:2: digest.smtp_url: \"http://mail\" is not an SMTP address"},
        {"[digest]\nto = [\"lanh dao\"]\n", "briefing.toml:2: digest.to: \"lanh dao\" is not an e-mail address"},
        {"[report]\ncounting = \"all\"\n", "briefing.toml:2: report.counting: must be \"relevant\" or \"relevant+unreviewed\""},
        {"[letters]\nanswer_days = 0\n", "briefing.toml:2: letters.answer_days: must be between 1 and 365"},
        {"[letters]\nanswer_clock = \"weeks\"\n", "briefing.toml:2: letters.answer_clock: \"weeks\" is not a clock"},
        {"[sender]\nsigner = \"A\"\n", "briefing.toml:2: sender.signer"},
        {"[sender]\nbody = \"\"\n", "sender.body: must name the issuing body"},
    };
    for (const auto& r : rows) {
        INFO(r.toml);
        TempDir dir;
        std::ofstream(dir.path() / "briefing.toml") << r.toml;
        CHECK_THROWS_AS(config::load_config(dir.path()), ConfigError);
        CHECK_THROWS_WITH(config::load_config(dir.path()), Catch::Contains(r.message));
    }
    TempDir dir;
    std::ofstream(dir.path() / "briefing.toml")
        << "[digest]\nsmtp_url = \"smtp://127.0.0.1:2525\"\nfrom = \"a@b.example\"\nto = [\"c@d.example\"]\n"
           "[report]\ncounting = \"relevant\"\n";
    auto cfg = config::load_config(dir.path());
    CHECK(cfg.briefing.digest.to == std::vector<std::string>{"c@d.example"});
    CHECK(cfg.briefing.report.counting == "relevant");
}
