// Archives in and out: a crawl's clippings exported as WARC and imported
// into another data folder give the same articles; importing twice changes
// nothing; JSON lines of articles import too.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/error.h"
#include "crawl_site.h"
#include "pipeline/archive.h"
#include "pipeline/crawl.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::CrawlSite;
using presswatch::testing::TempDir;

namespace {

std::vector<std::string> articles(const std::filesystem::path& data) {
    store::Database db(data / "presswatch.db", store::Database::Mode::read_only);
    std::vector<std::string> rows;
    auto st = db.prepare("SELECT url, headline, body, clipping FROM article ORDER BY url");
    while (st.step()) rows.push_back(st.text(0) + " | " + st.text(1) + " | " + st.text(2) + " | " + st.text(3));
    return rows;
}

}  // namespace

TEST_CASE("archive: exported WARC imports into an empty folder as the same clippings; twice changes nothing") {
    CrawlSite site(2, 4);
    TempDir cfg_dir, first, second, files;
    auto cfg = site.config(cfg_dir.path());
    std::vector<std::int64_t> ids;
    {
        store::Store st(first.path());
        pipeline::crawl(cfg, st);
        for (const auto& a : st.clippings(0, std::numeric_limits<std::int64_t>::max())) ids.push_back(a.id);
        REQUIRE(!ids.empty());
        for (bool gz : {false, true}) {
            std::ofstream out(files.path() / (gz ? "c.warc.gz" : "c.warc"), std::ios::binary);
            CHECK(pipeline::export_warc(st, ids, out, gz) == ids.size());
        }
    }
    store::Store st(second.path());
    auto in = pipeline::import_files(cfg, st, {files.path() / "c.warc.gz"});
    CHECK(in.new_articles == static_cast<int>(ids.size()));
    CHECK(in.new_clippings == static_cast<int>(ids.size()));
    CHECK(in.indexed == ids.size());
    auto stored = articles(second.path());
    auto original = articles(first.path());
    for (const auto& row : stored) CHECK(std::find(original.begin(), original.end(), row) != original.end());
    auto again = pipeline::import_files(cfg, st, {files.path() / "c.warc"});
    CHECK(again.new_articles == 0);
    CHECK(again.changed_articles == 0);
    CHECK(again.unchanged == static_cast<int>(ids.size()));
    CHECK(articles(second.path()) == stored);
    // The crawler will not fetch imported pages again.
    auto pass = pipeline::crawl(cfg, st);
    CHECK(pass.total.new_articles == static_cast<int>(original.size() - ids.size()));
}

TEST_CASE("archive: JSON lines of articles import; a bad line is an input error naming file and line") {
    CrawlSite site(1, 1);
    TempDir cfg_dir, data, files;
    auto cfg = site.config(cfg_dir.path());
    auto url = site.url(site.slugs()[0], "/tin/tu-json.html");
    std::ofstream(files.path() / "a.jsonl")
        << "{\"url\": \"" + url + "?utm_source=x\", \"headline\": \"Thanh Hóa mở đường mới\", "
           "\"articleBody\": \"Tỉnh Thanh Hóa khởi công tuyến đường ven biển.\\n\\nDự án dài 20 km.\"}\n"
           "\n{\"url\": \"https://khac.vn/x\", \"headline\": \"Khác\", \"articleBody\": \"x\"}\n";
    std::ofstream(files.path() / "bad.jsonl") << "{\"url\": \"" + url + "\", \"headline\": \"x\"}\nkhông phải json\n";
    store::Store st(data.path());
    auto s = pipeline::import_files(cfg, st, {files.path() / "a.jsonl"});
    CHECK(s.new_articles == 1);
    CHECK(s.skipped == 1);  // not on a configured outlet
    REQUIRE(st.article_id_by_url(url));
    CHECK_THROWS_WITH(pipeline::import_files(cfg, st, {files.path() / "bad.jsonl"}), Catch::Contains("bad.jsonl:2"));
    std::ofstream(files.path() / "x.bin") << "\x01\x02 neither";
    CHECK_THROWS_AS(pipeline::import_files(cfg, st, {files.path() / "x.bin"}), InputError);
}
