#pragma once
// A store with a few articles, for the index sync tests.
#include <string>
#include <vector>

#include "config/config.h"
#include "store/store.h"
#include "triage/decision.h"

namespace presswatch::testing {

inline void add_outlets(store::Store& s) {
    std::vector<config::Outlet> outlets(3);
    outlets[0].slug = "vnexpress";
    outlets[0].name = "VnExpress";
    outlets[1].slug = "dantri";
    outlets[1].name = "Dân trí";
    outlets[2].slug = "tuoitre";
    outlets[2].name = "Tuổi Trẻ";
    s.sync_outlets(outlets);
}

// Saves an article as the crawler would; returns its id.
inline std::int64_t save(store::Store& s, const std::string& outlet, int n, const std::string& headline,
                         const std::string& body, bool clipping = true) {
    Article a;
    a.url = "https://" + outlet + ".example/bai-" + std::to_string(n) + ".html";
    a.headline = headline;
    a.body = body;
    a.published = 1'790'000'000 + n * 3600;
    triage::Decision d;
    d.clipping = clipping;
    d.score = clipping ? 2 : 0;
    store::Snapshot snap;
    snap.url = a.url;
    snap.fetched = 1'790'000'000 + n * 3600 + 60;
    snap.body = "<html><body>" + body + "</body></html>";
    return s.save_article(outlet, a, d, snap).id;
}

// Twelve articles across three outlets, half of them about Thanh Hóa.
inline std::vector<std::int64_t> fill(store::Store& s) {
    add_outlets(s);
    static const char* outlets[] = {"vnexpress", "dantri", "tuoitre"};
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 12; ++i) {
        bool th = i % 2 == 0;
        std::string place = th ? (i % 4 == 0 ? "Thanh Hóa" : "Thanh Hoá") : "Nghệ An";
        ids.push_back(save(s, outlets[i % 3], i, "Tin số " + std::to_string(i) + " về " + place,
                           "Bài viết số " + std::to_string(i) + " kể chuyện ở " + place + " trong tuần qua.", th));
    }
    return ids;
}

}  // namespace presswatch::testing
