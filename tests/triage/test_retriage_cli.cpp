// `presswatch explain` and `presswatch retriage` against a real store: the
// binary is run as a user would, on a SQLite file made by the Store.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>

#include "config/config.h"
#include "store/store.h"
#include "support.h"
#include "text/dates.h"
#include "triage/triage.h"

using namespace presswatch;

namespace {

struct Run {
    int status;
    std::string out;
};

Run run(const std::string& args) {
    auto r = presswatch::testing::run_presswatch(args);
    return {r.code, r.out};
}

Article complaint() {
    Article a;
    a.url = "https://example.vn/ban-doc/bai-rac.html";
    a.headline = "Người dân xã Hoằng Tiến bức xúc vì bãi rác gây ô nhiễm";
    a.description = "Bãi rác ở xã Hoằng Tiến, tỉnh Thanh Hóa bốc mùi hôi thối nhiều tháng.";
    a.body = "Người dân đã nhiều lần gửi đơn nhưng chưa được giải quyết, đề nghị cơ quan chức năng kiểm tra.";
    a.published = text::parse_iso8601("2026-10-05T09:00:00+07:00");
    return a;
}

}  // namespace

TEST_CASE("explain prints the rules that fired; retriage reports changes and keeps a person's tags and flag",
          "[triage][cli]") {
    testing::TempDir data, conf;
    std::int64_t id = 0;
    {
        auto cfg = config::load_config(std::filesystem::path{});
        store::Store st(data.path());
        st.sync_outlets(cfg.outlets);
        triage::Triager t(cfg);
        auto d = t.decide(complaint(), 0);
        REQUIRE(d.flag.needed);
        id = st.save_article(cfg.outlets.front().slug, complaint(), d, store::Snapshot{}).id;
        // A person added a topic by hand.
        st.db().prepare("INSERT INTO tag(article_id, topic, score, source) VALUES (?1, 'y-te', 0, 'user')").bind(1, id).run();
    }
    std::string base = "--data " + data.path().string();

    auto explained = run(base + " explain " + std::to_string(id));
    CHECK(explained.status == 0);
    CHECK_THAT(explained.out, Catch::Contains("Tin về tỉnh: CÓ"));
    CHECK_THAT(explained.out, Catch::Contains("Hoằng Tiến"));
    CHECK_THAT(explained.out, Catch::Contains("moi-truong"));
    CHECK_THAT(explained.out, Catch::Contains("ubnd-xa-hoang-tien"));

    CHECK(run(base + " explain 999999").status == 2);

    // Same configuration: nothing changes.
    auto same = run(base + " retriage");
    CHECK(same.status == 0);
    CHECK_THAT(same.out, Catch::Contains("0 bài thay đổi"));

    // A stricter flag threshold: the flag goes, the person's tag stays.
    auto response = config::builtin_config_file("response.toml");
    REQUIRE(response);
    std::string text = *response;
    auto at = text.find("\nthreshold = ");
    REQUIRE(at != std::string::npos);
    text.replace(at + 1, text.find('\n', at + 1) - at - 1, "threshold = 99");
    text.replace(text.find("\nseverity2 = "), 1, "\n");
    std::ofstream(conf.path() / "response.toml") << text;
    // severity2/3 must stay above the threshold.
    {
        std::ifstream in(conf.path() / "response.toml");
        std::string all((std::istreambuf_iterator<char>(in)), {});
        auto s2 = all.find("\nseverity2 = ");
        all.replace(s2 + 1, all.find('\n', s2 + 1) - s2 - 1, "severity2 = 100");
        auto s3 = all.find("\nseverity3 = ");
        all.replace(s3 + 1, all.find('\n', s3 + 1) - s3 - 1, "severity3 = 101");
        std::ofstream(conf.path() / "response.toml") << all;
    }
    auto changed = run(base + " --config " + conf.path().string() + " retriage");
    CHECK(changed.status == 0);
    CHECK_THAT(changed.out, Catch::Contains("1 bài thay đổi"));

    store::Store st(data.path());
    auto a = st.article(id);
    REQUIRE(a);
    CHECK_FALSE(a->flagged);
    CHECK(std::find(a->topics.begin(), a->topics.end(), "y-te") != a->topics.end());
}
