#include <catch2/catch.hpp>

#include "briefing/month_report.h"
#include "briefing/render.h"
#include "core/error.h"
#include "report_fixture.h"
#include "support.h"
#include "text/dates.h"

using namespace presswatch;
using presswatch::testing::TempDir;

namespace {

const std::int64_t as_of = *text::parse_iso8601("2026-11-25T12:00:00+07:00");

}  // namespace

TEST_CASE("the monthly briefing's JSON matches the golden file") {
    TempDir dir;
    store::Store s(dir.path());
    presswatch::testing::seed_report_fixture(s);
    auto r = briefing::build_month_report(s, presswatch::testing::fixture_config(), "2026-11", as_of);
    std::string json = briefing::report_json(r).dump(2) + "\n";
    CHECK(json == presswatch::testing::golden("briefing-2026-11.json", json));
}

TEST_CASE("the monthly briefing's CSV matches the golden file") {
    TempDir dir;
    store::Store s(dir.path());
    presswatch::testing::seed_report_fixture(s);
    auto r = briefing::build_month_report(s, presswatch::testing::fixture_config(), "2026-11", as_of);
    std::string csv = briefing::report_csv(r);
    CHECK(csv == presswatch::testing::golden("briefing-2026-11.csv", csv));
}

TEST_CASE("the counting rule decides which clippings a report counts") {
    TempDir dir;
    store::Store s(dir.path());
    auto ids = presswatch::testing::seed_report_fixture(s);
    store::Workflow(s, "lan").set_review(ids[1], "not-relevant");
    auto cfg = presswatch::testing::fixture_config();
    struct Row {
        std::string rule;
        double min_score;
        std::int64_t clippings;
    };
    // November: ids 0, 1, 2, 4 are clippings; 0 and 2 relevant, 1 not relevant, 4 unreviewed (score 3).
    for (const auto& row : std::vector<Row>{{"relevant", 1.0, 2}, {"relevant+unreviewed", 1.0, 3},
                                            {"relevant+unreviewed", 5.0, 2}}) {
        INFO(row.rule << " " << row.min_score);
        cfg.briefing.report.counting = row.rule;
        cfg.briefing.report.unreviewed_min_score = row.min_score;
        auto r = briefing::build_month_report(s, cfg, "2026-11", as_of);
        CHECK(r.clippings == row.clippings);
        CHECK(briefing::report_csv(r).find(r.rule.describe()) != std::string::npos);
    }
}

TEST_CASE("republications of one story count once and make a main story") {
    TempDir dir;
    store::Store s(dir.path());
    presswatch::testing::seed_report_fixture(s);
    auto r = briefing::build_month_report(s, presswatch::testing::fixture_config(), "2026-11", as_of);
    CHECK(r.clippings == 4);
    CHECK(r.stories == 3);
    REQUIRE(r.main_stories.size() == 1);
    CHECK(r.main_stories[0].outlets == std::vector<std::string>{"VnExpress", "Tuổi Trẻ"});
    CHECK(r.previous_clippings == 1);
}

TEST_CASE("a month that is not YYYY-MM is refused") {
    for (const char* bad : {"2026-13", "11/2026", "2026-1", "", "2026-11-01"}) {
        INFO(bad);
        CHECK_THROWS_AS(briefing::month_period(bad), InputError);
    }
    auto p = briefing::month_period("2026-12");
    CHECK(text::iso8601(p.from) == "2026-12-01T00:00:00+07:00");
    CHECK(text::iso8601(p.to) == "2027-01-01T00:00:00+07:00");
    CHECK(briefing::previous_month(briefing::month_period("2026-01")).label == "2025-12");
}

TEST_CASE("the briefing counts passing mentions apart from the clippings") {
    TempDir dir;
    store::Store s(dir.path());
    presswatch::testing::seed_report_fixture(s);
    auto cfg = presswatch::testing::fixture_config();
    auto before = briefing::build_month_report(s, cfg, "2026-11", as_of);
    auto nov = presswatch::testing::save_passing(s, "https://vnexpress.localhost/mua-11.html", "Mưa lớn ở miền Bắc",
                                                 "2026-11-12T08:00:00+07:00");
    presswatch::testing::save_passing(s, "https://vnexpress.localhost/mua-11b.html", "Rét đậm ở miền Bắc",
                                      "2026-11-13T08:00:00+07:00");
    presswatch::testing::save_passing(s, "https://vnexpress.localhost/mua-10.html", "Nắng nóng ở miền Bắc",
                                      "2026-10-12T08:00:00+07:00");
    auto r = briefing::build_month_report(s, cfg, "2026-11", as_of);
    CHECK(r.clippings == before.clippings);
    CHECK(r.passing == 2);
    CHECK(r.previous_passing == 1);
    CHECK(briefing::report_json(r)["totals"]["passing"] == 2);
    CHECK(briefing::report_csv(r).find("total,passing,Bài nhắc qua đến tỉnh,2,1") != std::string::npos);
    // Marked not relevant, it is no longer counted.
    store::Workflow(s, "lan").set_review(nov, "not-relevant");
    CHECK(briefing::build_month_report(s, cfg, "2026-11", as_of).passing == 1);
}
