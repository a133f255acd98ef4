#pragma once
// A store holding a few invented clippings, for the workflow and report
// tests. Texts are written for these tests.
#include <string>
#include <vector>

#include "store/store.h"
#include "text/dates.h"

namespace presswatch::testing {

inline std::vector<config::Outlet> fixture_outlets() {
    std::vector<config::Outlet> out(3);
    out[0].slug = "vnexpress";
    out[0].name = "VnExpress";
    out[1].slug = "tuoitre";
    out[1].name = "Tuổi Trẻ";
    out[2].slug = "baothanhhoa";
    out[2].name = "Báo Thanh Hóa";
    out[2].kind = "local";
    for (auto& o : out) o.domains = {o.slug + ".localhost"};
    return out;
}

struct FixtureArticle {
    std::string outlet, url, headline, lead;
    std::string published;  // ISO 8601
    bool clipping = true;
    std::vector<std::string> topics;
    std::string tone = "neutral";
    bool flag = false;
    std::vector<std::string> agencies;
    std::string deadline;   // ISO 8601 or empty
};

inline std::int64_t save_fixture(store::Store& s, const FixtureArticle& f) {
    Article a;
    a.url = f.url;
    a.headline = f.headline;
    a.description = f.lead;
    a.body = f.lead + "\n\nNội dung bài viết thử nghiệm về tỉnh Thanh Hóa.";
    a.published = text::parse_iso8601(f.published);
    triage::Decision d;
    d.clipping = f.clipping;
    d.score = f.clipping ? 3.0 : 0.2;
    d.tone = f.tone;
    for (const auto& t : f.topics) d.topics.push_back({t, 1.0, {}});
    d.flag.needed = f.flag;
    d.flag.severity = f.flag ? 2 : 0;
    d.flag.agencies = f.agencies;
    if (!f.deadline.empty()) d.flag.deadline = text::parse_iso8601(f.deadline);
    d.reasons = {"nhắc đến Thanh Hóa trong tiêu đề"};
    store::Snapshot snap;
    snap.url = f.url;
    snap.fetched = a.published.value_or(0) + 600;
    snap.body = "<html><body><h1>" + f.headline + "</h1></body></html>";
    return s.save_article(f.outlet, a, d, snap).id;
}

// Three clippings and one non-clipping, November 2026.
inline std::vector<std::int64_t> seed_fixture(store::Store& s) {
    s.sync_outlets(fixture_outlets());
    std::vector<FixtureArticle> rows = {
        {"vnexpress", "https://vnexpress.localhost/o-nhiem-song-ma-4800001.html",
         "Người dân Hoằng Hóa phản ánh ô nhiễm từ bãi rác", "Bãi rác tự phát bốc mùi nhiều tháng.",
         "2026-11-03T08:15:00+07:00", true, {"moi-truong"}, "negative", true, {"so-nnmt", "ubnd-xa-hoang-hoa"},
         "2026-11-18T17:00:00+07:00"},
        {"tuoitre", "https://tuoitre.localhost/le-hoi-sam-son-2026.htm", "Sầm Sơn đón khách dịp lễ hội biển",
         "Lượng khách tăng mạnh so với năm trước.", "2026-11-05T10:00:00+07:00", true, {"du-lich"}, "positive",
         false, {}, ""},
        {"baothanhhoa", "https://baothanhhoa.localhost/cham-giai-phong-mat-bang-2.html",
         "Chậm giải phóng mặt bằng dự án đường ven biển", "Nhiều hộ dân chưa nhận tiền bồi thường.",
         "2026-11-10T07:30:00+07:00", true, {"dat-dai", "giao-thong"}, "negative", true, {"so-xd"}, ""},
        {"vnexpress", "https://vnexpress.localhost/thoi-tiet-ha-noi-4800002.html", "Hà Nội trở lạnh",
         "Không khí lạnh tràn về.", "2026-11-11T06:00:00+07:00", false, {}, "neutral", false, {}, ""},
    };
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) ids.push_back(save_fixture(s, r));
    return ids;
}

}  // namespace presswatch::testing
