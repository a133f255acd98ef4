// The extractor over the real Vietnamese pages of ../shared/data/vn-dev
// (skipped with a message where that folder is absent, as in a user's clone).
// Each page's headline and date must be right; author and body boundaries
// are measured by bench_extract against their >= 90% targets.
#include <catch2/catch.hpp>

#include "bench/extract/vn_dev_check.h"
#include "crawler/extract.h"
#include "support.h"

using namespace presswatch;

TEST_CASE("vn-dev article pages: headline and publication minute as the page shows them", "[extract][vn-dev]") {
    auto dir = testing::shared_data_dir() / "vn-dev" / "html";
    auto pages = vn_dev::article_pages(dir);
    if (pages.empty()) {
        WARN("SKIPPED: " << dir.string() << " not found");
        return;
    }
    int body_ok = 0;
    for (auto& [path, want] : pages) {
        INFO(path.filename().string());
        crawler::ExtractOptions o;
        o.url = vn_dev::text_field(want, "url");
        Article a = crawler::extract_article(vn_dev::read_file(path), o);
        vn_dev::Check c = vn_dev::check(path.filename().string(), a, want);
        CHECK(c.got_headline == c.want_headline);
        CHECK(c.got_date == c.want_date);
        body_ok += c.first_sentence && c.last_sentence;
    }
    CHECK(body_ok * 10 >= static_cast<int>(pages.size()) * 9);
}

TEST_CASE("vn-dev home and section pages are listings, article pages are articles", "[extract][vn-dev][listing]") {
    auto dir = testing::shared_data_dir() / "vn-dev" / "html";
    auto pages = vn_dev::pages_of_kind(dir, "");
    if (pages.empty()) {
        WARN("SKIPPED: " << dir.string() << " not found");
        return;
    }
    int listings = 0;
    for (auto& [path, want] : pages) {
        INFO(path.filename().string());
        const bool article = vn_dev::text_field(want, "page_type") == "article";
        listings += !article;
        crawler::ExtractOptions o;
        o.url = vn_dev::text_field(want, "url");
        auto kind = crawler::extract_page(vn_dev::read_file(path), o).kind;
        CHECK(kind == (article ? crawler::PageKind::article : crawler::PageKind::listing));
    }
    CHECK(listings > 0);
}
