// Compacting the index in place (index/compaction.h) on real Xapian
// databases: every document kept, searches answer exactly as before, and a
// process killed at any step leaves a usable index.
#include <catch2/catch.hpp>

#include <csignal>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

#include "corpus.h"
#include "index/compaction.h"
#include "index/index.h"

using namespace presswatch;
namespace fs = std::filesystem;

namespace {

// The news corpus and a few hundred more articles, committed a few at a
// time as the crawler's keeper does, so that the B-trees have the partly
// empty blocks compaction removes.
void fill(const fs::path& dir) {
    index::Writer w(dir);
    for (const auto& d : testing::news_corpus()) w.put(d);
    w.commit();
    static const char* words[] = {"Thanh Hóa", "cảng", "Nghi Sơn", "mưa lũ", "học sinh", "bệnh viện",
                                  "giá lúa", "đường sắt", "du lịch", "Sầm Sơn", "xăng dầu", "nông dân"};
    for (int i = 0; i < 400; ++i) {
        std::string body;
        for (int k = 0; k < 40; ++k) body += std::string(words[(i * 7 + k * 3) % 12]) + " tuần " + std::to_string(k % 9) + ". ";
        w.put(testing::doc(1000 + i, i % 2 ? "dantri" : "vnexpress",
                           std::string("Tin ") + words[i % 12] + " số " + std::to_string(i), body,
                           testing::vn_time(2026, 1 + i % 12, 1 + i % 28)));
        if (i % 5 == 4) w.commit();
    }
    w.commit();
}

const char* const queries[] = {"thanh hoa", "\"Nghi Sơn\"", "cảng", "mưa lũ", "sông Mã", "outlet:dantri giá lúa",
                               "học sinh -du", "date:2026-03", "Sầm Sơn"};

// Every query's hits (ids, weights, snippets), in both sort orders, with
// facets: what a reader sees.
std::vector<std::string> answers(const fs::path& dir) {
    index::Searcher s(dir);
    std::vector<std::string> out;
    for (const char* q : queries)
        for (auto sort : {index::SortOrder::relevance, index::SortOrder::date}) {
            index::SearchOptions o;
            o.limit = 50;
            o.sort = sort;
            o.facets = true;
            o.text = [](std::int64_t id) { return "Bài " + std::to_string(id) + " về Thanh Hóa và cảng Nghi Sơn."; };
            auto r = s.search(q, o);
            std::string line = std::string(q) + " total=" + std::to_string(r.total) + ":";
            for (const auto& h : r.hits) line += " " + std::to_string(h.id) + "/" + std::to_string(h.weight) + "/" + h.snippet;
            for (const auto& [facet, counts] : r.facets)
                for (const auto& c : counts) line += " " + facet + "=" + c.value + ":" + std::to_string(c.count);
            out.push_back(line);
        }
    return out;
}

fs::path scratch(const fs::path& dir) { return dir.string() + ".compact"; }

// Runs compact_index in a child that SIGKILLs itself after `step`.
bool killed_compaction(const fs::path& dir, index::CompactStep step) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        index::compact_index(dir, [&](index::CompactStep done) {
            if (done == step) kill(getpid(), SIGKILL);
        });
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

}  // namespace

TEST_CASE("compaction keeps every document and every search answer, and makes the index smaller",
          "[index][compaction]") {
    testing::TempDir dir;
    fill(dir.path());
    auto fingerprints = index::Searcher(dir.path()).fingerprints();
    auto before = answers(dir.path());
    REQUIRE(fingerprints.size() == testing::news_corpus().size() + 400);
    CHECK_FALSE(index::last_compaction(dir.path()));
    CHECK(index::compaction_due(dir.path(), {0.05, 1.0, 0}));

    auto r = index::compact_index(dir.path());
    CHECK(r.documents == static_cast<std::int64_t>(fingerprints.size()));
    CHECK(r.bytes_after < r.bytes_before);
    CHECK_FALSE(fs::exists(scratch(dir.path())));
    CHECK(index::Searcher(dir.path()).fingerprints() == fingerprints);
    CHECK(answers(dir.path()) == before);
    REQUIRE(index::last_compaction(dir.path()));
    CHECK(index::last_compaction(dir.path())->bytes == r.bytes_after);
    CHECK(index::last_compaction(dir.path())->documents == r.documents);
    CHECK_FALSE(index::compaction_due(dir.path(), {0.05, 1.0, 0}));

    // Still a writable index of the same schema: a new article is found.
    {
        index::Writer w(dir.path());
        w.put(testing::doc(5000, "tuoitre", "Khánh thành cầu Hàm Rồng mới", "Cầu mới bắc qua sông Mã.",
                           testing::vn_time(2026, 12, 1)));
        w.commit();
    }
    index::Searcher s(dir.path());
    auto hits = s.search("Hàm Rồng", {}).hits;
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].id == 5000);
}

namespace {

void add_articles(const fs::path& dir, int first, int n) {
    index::Writer w(dir);
    for (int i = first; i < first + n; ++i) {
        w.put(testing::doc(9000 + i, "dantri", "Tin thêm số " + std::to_string(i),
                           "Nội dung mới số " + std::to_string(i) + " về huyện Nga Sơn và Hà Trung.",
                           testing::vn_time(2026, 12, 2)));
        if (i % 5 == 4) w.commit();
    }
    w.commit();
}

}  // namespace

TEST_CASE("compaction is due again once the index holds the given share more documents", "[index][compaction]") {
    testing::TempDir dir;
    fill(dir.path());
    auto r = index::compact_index(dir.path());
    const index::CompactionPolicy ten_percent{0.10, 100.0, 0};
    CHECK_FALSE(index::compaction_due(dir.path(), ten_percent));
    // Fewer new documents than the share: not yet, although the compacted
    // blocks split and the folder grows.
    const int share = static_cast<int>(r.documents / 10);
    add_articles(dir.path(), 0, share - 2);
    CHECK(index::index_bytes(dir.path()) > r.bytes_after);
    CHECK_FALSE(index::compaction_due(dir.path(), ten_percent));
    add_articles(dir.path(), share - 2, 3);
    CHECK(index::compaction_due(dir.path(), ten_percent));
    // Below the minimum size: never.
    CHECK_FALSE(index::compaction_due(dir.path(), {0.10, 100.0, index::index_bytes(dir.path()) + 1}));
}

TEST_CASE("compaction is due when the folder has grown by the given share without new documents",
          "[index][compaction]") {
    testing::TempDir dir;
    fill(dir.path());
    auto r = index::compact_index(dir.path());
    const index::CompactionPolicy size_only{100.0, 0.2, 0};
    CHECK_FALSE(index::compaction_due(dir.path(), size_only));
    {
        // Every document put again, as after a change to what the index holds.
        index::Writer w(dir.path());
        auto corpus = testing::news_corpus();
        for (int round = 0; round < 3; ++round)
            for (const auto& d : corpus) {
                w.put(d);
                w.commit();
            }
    }
    REQUIRE(index::Searcher(dir.path()).doc_count() == r.documents);
    REQUIRE(index::index_bytes(dir.path()) >= r.bytes_after * 1.2);
    CHECK(index::compaction_due(dir.path(), size_only));
}

TEST_CASE("compaction refuses while another writer holds the index, and changes nothing", "[index][compaction]") {
    testing::TempDir dir;
    fill(dir.path());
    auto before = index::index_bytes(dir.path());
    index::Writer other(dir.path());
    CHECK_THROWS_WITH(index::compact_index(dir.path()), Catch::Contains("being written by another presswatch process"));
    CHECK(index::index_bytes(dir.path()) == before);
    CHECK_FALSE(fs::exists(scratch(dir.path())));
}

TEST_CASE("a compaction killed at any step leaves a usable index with every document", "[index][compaction][crash]") {
    using S = index::CompactStep;
    for (S step : {S::started, S::copied, S::exchanged, S::removed}) {
        DYNAMIC_SECTION("killed after step " << static_cast<int>(step)) {
            testing::TempDir dir;
            fill(dir.path());
            auto fingerprints = index::Searcher(dir.path()).fingerprints();
            auto before = answers(dir.path());
            REQUIRE(killed_compaction(dir.path(), step));
            CHECK(index::Searcher(dir.path()).fingerprints() == fingerprints);
            CHECK(answers(dir.path()) == before);
            // The next compaction clears what the killed one left and works.
            auto r = index::compact_index(dir.path());
            CHECK(r.documents == static_cast<std::int64_t>(fingerprints.size()));
            CHECK_FALSE(fs::exists(scratch(dir.path())));
            CHECK(answers(dir.path()) == before);
        }
    }
}

TEST_CASE("a half-written copy left by a killed compaction is removed by the next one", "[index][compaction][crash]") {
    testing::TempDir dir;
    fill(dir.path());
    fs::create_directories(scratch(dir.path()));
    std::ofstream(scratch(dir.path()) / "postlist.glass") << "half a table";
    auto r = index::compact_index(dir.path());
    CHECK(r.bytes_after < r.bytes_before);
    CHECK_FALSE(fs::exists(scratch(dir.path())));
    CHECK(index::Searcher(dir.path()).doc_count() == r.documents);
}
