// `presswatch retriage QUERY` selects its articles with the search
// language through the index (fields, dates), re-runs triage on those
// only, reports what changed, and never overrides a person's flag.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "config/config.h"
#include "pipeline/index_sync.h"
#include "store/store.h"
#include "support.h"
#include "text/dates.h"
#include "triage/triage.h"

using namespace presswatch;
using presswatch::testing::TempDir;

namespace {

// A reader's complaint about the province, written for this test.
Article complaint(const std::string& url, const std::string& commune, const std::string& date) {
    Article a;
    a.url = url;
    a.headline = "Người dân xã " + commune + " bức xúc vì bãi rác gây ô nhiễm";
    a.description = "Bãi rác ở xã " + commune + ", tỉnh Thanh Hóa bốc mùi hôi thối nhiều tháng.";
    a.body = "Người dân đã nhiều lần gửi đơn nhưng chưa được giải quyết, đề nghị cơ quan chức năng kiểm tra.";
    a.published = text::parse_iso8601(date);
    return a;
}

// The built-in response.toml with a flag threshold no article reaches.
std::string strict_response_toml() {
    std::string text = *config::builtin_config_file("response.toml");
    auto set = [&](const std::string& key, const std::string& value) {
        auto at = text.find("\n" + key + " = ");
        REQUIRE(at != std::string::npos);
        text.replace(at + 1, text.find('\n', at + 1) - at - 1, key + " = " + value);
    };
    set("threshold", "99");
    set("severity2", "100");
    set("severity3", "101");
    return text;
}

std::set<std::int64_t> flagged_in_store(store::Store& s, const std::vector<std::int64_t>& ids) {
    std::set<std::int64_t> out;
    for (auto id : ids)
        if (s.article(id)->flagged) out.insert(id);
    return out;
}

}  // namespace

TEST_CASE("retriage QUERY uses the search language: only the matching articles change, a person's flag stays") {
    TempDir data, conf;
    std::vector<std::int64_t> ids;  // vnexpress (person flagged it too), vnexpress, tuoitre
    {
        auto cfg = config::load_config(std::filesystem::path{});
        store::Store st(data.path());
        st.sync_outlets(cfg.outlets);
        triage::Triager t(cfg);
        struct Row {
            const char* outlet;
            Article a;
        };
        std::vector<Row> rows = {
            {"vnexpress", complaint("https://vnexpress.net/bai-rac-hoang-tien-4800201.html", "Hoằng Tiến",
                                    "2026-10-05T09:00:00+07:00")},
            {"vnexpress", complaint("https://vnexpress.net/bai-rac-quang-ninh-4800202.html", "Quảng Ninh",
                                    "2026-10-06T09:00:00+07:00")},
            {"tuoitre", complaint("https://tuoitre.vn/bai-rac-nga-son-2026100709.htm", "Nga Sơn",
                                  "2026-10-07T09:00:00+07:00")},
        };
        for (const auto& r : rows) {
            auto d = t.decide(r.a, 0);
            REQUIRE(d.flag.needed);
            ids.push_back(st.save_article(r.outlet, r.a, d, store::Snapshot{}).id);
        }
        // A person confirmed the first flag: retriage must not clear it.
        st.db().prepare("UPDATE flag SET source = 'user', user_reason = 'đã xác minh' WHERE article_id = ?1")
            .bind(1, ids[0]).run();
        pipeline::sync_index(st);
    }
    std::ofstream(conf.path() / "response.toml") << strict_response_toml();
    std::string base = "--data '" + data.path().string() + "' --config '" + conf.path().string() + "' ";

    struct Step {
        std::string query;
        std::string report;                // part of what retriage says
        std::set<std::int64_t> flagged;    // flagged in the store afterwards
    };
    std::vector<Step> steps = {
        {"'outlet:tuoitre date:2026-10-01..2026-10-06'", "Đã phân loại lại 0 bài, 0 bài thay đổi", {ids[0], ids[1], ids[2]}},
        {"'outlet:vnexpress'", "Đã phân loại lại 2 bài, 2 bài thay đổi", {ids[0], ids[2]}},
        {"'date:2026-10-07' 'bãi rác'", "Đã phân loại lại 1 bài, 1 bài thay đổi", {ids[0]}},
        {"'outlet:vnexpress'", "Đã phân loại lại 2 bài, 0 bài thay đổi", {ids[0]}},
    };
    for (const auto& s : steps) {
        INFO("retriage " << s.query);
        auto r = presswatch::testing::run_presswatch(base + "retriage " + s.query);
        INFO(r.out);
        CHECK(r.code == 0);
        CHECK_THAT(r.out, Catch::Contains(s.report));
        store::Store st(data.path());
        CHECK(flagged_in_store(st, ids) == s.flagged);
    }

    // The index follows: is:flagged finds only the person's flag now.
    auto found = presswatch::testing::run_presswatch(base + "search --json --all is:flagged");
    INFO(found.out);
    REQUIRE(found.code == 0);
    auto j = nlohmann::json::parse(found.out.substr(found.out.find('{')));
    REQUIRE(j["hits"].size() == 1);
    CHECK(j["hits"][0]["id"] == ids[0]);

    // A bad query is refused as in search, with the column, exit 2.
    auto bad = presswatch::testing::run_presswatch(base + "retriage 'colour:red'");
    CHECK(bad.code == 2);
    CHECK_THAT(bad.out, Catch::Contains("cột 1: không có trường 'colour:'"));
}
