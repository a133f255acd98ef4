#pragma once
// The workflow fixture (tests/store/workflow_fixture.h) with decisions made
// and a configuration naming its outlets: what the report tests render.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "config/config.h"
#include "store/workflow.h"
#include "store/workflow_fixture.h"

namespace presswatch::testing {

inline config::Config fixture_config() {
    auto cfg = config::load_config();
    cfg.outlets = fixture_outlets();
    return cfg;
}

// The fixture plus a republication of the pollution story, a clipping of
// October (for the change against the month before), and decisions.
inline std::vector<std::int64_t> seed_report_fixture(store::Store& s) {
    auto ids = seed_fixture(s);
    ids.push_back(save_fixture(
        s, {"tuoitre", "https://tuoitre.localhost/o-nhiem-bai-rac-hoang-hoa.htm",
            "Người dân Hoằng Hóa phản ánh ô nhiễm từ bãi rác tự phát", "Mùi hôi kéo dài.",
            "2026-11-03T15:40:00+07:00", true, {"moi-truong"}, "negative", true, {"so-nnmt"}, ""}));
    ids.push_back(save_fixture(s, {"vnexpress", "https://vnexpress.localhost/mua-lua-4790001.html",
                                   "Thanh Hóa thu hoạch lúa mùa", "Năng suất cao.", "2026-10-20T09:00:00+07:00",
                                   true, {"nong-nghiep"}, "positive", false, {}, ""}));
    store::Workflow wf(s, "lan");
    wf.set_review(ids[0], "relevant");
    wf.set_review(ids[2], "relevant");
    wf.sent(ids[0], {"so-nnmt", "125/SKHCN-TTBC", *text::parse_iso8601("2026-11-04"), {}});
    wf.answered(ids[0], {*text::parse_iso8601("2026-11-15"), "88/SNNMT", "Đã kiểm tra, yêu cầu xã thu dọn bãi rác"});
    wf.sent(ids[2], {"so-xd", "130/SKHCN-TTBC", *text::parse_iso8601("2026-11-11"),
                     *text::parse_iso8601("2026-11-20T17:00:00+07:00")});
    return ids;
}

// An article that names the province only in passing (a weather round-up).
inline std::int64_t save_passing(store::Store& s, const std::string& url, const std::string& headline,
                                 const std::string& published) {
    Article a;
    a.url = url;
    a.headline = headline;
    a.body = "Hà Nội, Hải Phòng mưa to; Thanh Hóa mưa rải rác.";
    a.published = text::parse_iso8601(published);
    triage::Decision d;
    d.mention_level = triage::MentionLevel::passing;
    d.score = 0.2;
    d.mentions.push_back({"Thanh Hóa", "Thanh Hóa", "province", triage::Field::body, 30, 10, "Thanh Hóa mưa", true});
    return s.save_article("vnexpress", a, d, {}).id;
}

inline std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Compares text with a golden file in tests/briefing/golden/; with
// PRESSWATCH_UPDATE_GOLDEN=1 in the environment, rewrites the file instead.
inline std::string golden(const std::string& name, const std::string& actual) {
    auto path = std::filesystem::path(PRESSWATCH_SOURCE_DIR) / "tests" / "briefing" / "golden" / name;
    if (const char* u = std::getenv("PRESSWATCH_UPDATE_GOLDEN"); u && std::string(u) == "1") {
        std::ofstream(path, std::ios::binary) << actual;
    }
    return read_all(path);
}

}  // namespace presswatch::testing
