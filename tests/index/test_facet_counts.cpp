// Facet counts against counts made here from the documents themselves, on
// an index where many matches share the same facet values: the counter
// counts each distinct stored value once and splits it afterwards
// (index/facets.cpp), so every match of a value must still count.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <string>

#include "corpus.h"
#include "index/index.h"

using namespace presswatch;

namespace {

using Counts = std::map<std::string, std::map<std::string, std::size_t>>;

// 90 articles over 3 outlets, 2 months, 4 topic sets, flags, agencies,
// response states with deadlines and tones: few distinct combinations,
// so each is shared by several articles.
std::vector<index::Document> shared_value_corpus(std::int64_t t0) {
    const char* outlets[] = {"vnexpress", "dantri", "baothanhhoa"};
    const std::vector<std::vector<std::string>> topics = {{}, {"kinh-te"}, {"moi-truong", "kinh-te"}, {"giao-thong"}};
    const char* statuses[] = {"", "pending", "sent", "answered"};
    const char* tones[] = {"neutral", "negative", "positive"};
    std::vector<index::Document> docs;
    for (std::int64_t id = 1; id <= 90; ++id) {
        std::int64_t when = id % 2 ? testing::vn_time(2026, 10, 5) : testing::vn_time(2026, 11, 7);
        auto d = testing::doc(id, outlets[id % 3], "Tin tỉnh Thanh Hóa số " + std::to_string(id),
                              "Bản tin về tỉnh Thanh Hóa trong tuần.", when);
        d.topics = topics[static_cast<std::size_t>(id % 4)];
        d.tone = tones[id % 3 == 0 ? (id / 3) % 3 : 0];
        if (id % 5 < 2) {
            d.flagged = true;
            d.agencies = id % 5 ? std::vector<std::string>{"so-nnmt"} : std::vector<std::string>{"so-nnmt", "so-gtvt"};
            d.response_status = statuses[static_cast<std::size_t>(id % 4)];
            if (d.response_status.empty()) d.response_status = "pending";
            d.deadline = t0 + (id % 7 < 3 ? -86400 : 86400);
        }
        docs.push_back(d);
    }
    return docs;
}

// What the facets of the matches among docs must be, counted one by one.
Counts expected(const std::vector<index::Document>& docs, const std::function<bool(const index::Document&)>& match,
                std::int64_t now) {
    Counts c;
    for (const auto& d : docs) {
        if (!match(d)) continue;
        ++c["outlet"][d.outlet];
        std::int64_t when = *d.published;
        ++c["month"][when == testing::vn_time(2026, 10, 5) ? "2026-10" : "2026-11"];
        ++c["flagged"][d.flagged ? "1" : "0"];
        for (const auto& t : d.topics) ++c["topic"][t];
        for (const auto& a : d.agencies) ++c["agency"][a];
        if (!d.response_status.empty()) ++c["status"][d.response_status];
        if (d.deadline && *d.deadline <= now && (d.response_status == "pending" || d.response_status == "sent"))
            ++c["status"]["overdue"];
        ++c["tone"][d.tone];
    }
    return c;
}

Counts counted(const index::SearchResult& r) {
    Counts c;
    for (const auto& [facet, values] : r.facets)
        for (const auto& v : values)
            if (v.count) c[facet][v.value] = v.count;
    return c;
}

}  // namespace

TEST_CASE("facet counts equal the matches counted one by one, when many matches share their values",
          "[index][facets]") {
    const std::int64_t now = testing::vn_time(2026, 12, 1);
    auto docs = shared_value_corpus(now);
    testing::TestIndex idx(docs);
    index::Searcher s(idx.path());
    index::SearchOptions o;
    o.facets = true;
    o.now = now;
    o.limit = 5;  // counts cover all matches, not just the page

    SECTION("a query every article matches") {
        auto r = s.search("thanh hoa", o);
        CHECK(r.total == 90);
        CHECK(counted(r) == expected(docs, [](const auto&) { return true; }, now));
        CHECK(counted(r)["status"]["overdue"] > 1);
    }
    SECTION("with filters") {
        auto r = s.search("thanh hoa outlet:dantri topic:kinh-te", o);
        auto want = expected(
            docs,
            [](const index::Document& d) {
                return d.outlet == "dantri" && std::find(d.topics.begin(), d.topics.end(), "kinh-te") != d.topics.end();
            },
            now);
        CHECK(r.total == want["outlet"]["dantri"]);
        CHECK(counted(r) == want);
    }
    SECTION("with a date range") {
        auto r = s.search("ban tin date:2026-11-01..2026-11-30", o);
        auto want = expected(docs, [](const index::Document& d) { return *d.published == testing::vn_time(2026, 11, 7); },
                             now);
        CHECK(r.total == 45);
        CHECK(counted(r) == want);
    }
}
