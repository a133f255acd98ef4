// The crawler against the built-in sample site (demo/): what `presswatch
// demo` runs, checked from the crawler's side.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "demo/sample_site.h"
#include "pipeline/crawl.h"
#include "support.h"

using namespace presswatch;

TEST_CASE("crawl: the sample site's outlets crawl with no error but their deliberate 404, and a second pass changes nothing") {
    demo::SampleSite site;
    site.start();
    auto cfg = config::load_config();
    cfg.outlets = site.outlets();
    cfg.settings.min_interval_ms = 0;
    testing::TempDir data;
    store::Store st(data.path());
    std::vector<std::string> problems;
    pipeline::CrawlOptions opt;
    opt.since = 0;  // the sample articles' dates are fixed; take them all
    opt.on_event = [&](const pipeline::CrawlEvent& e) {
        if (e.level != "info") problems.push_back(e.url + ": " + e.message);
    };
    auto first = pipeline::crawl(cfg, st, opt);
    INFO(fmt::format("{}", fmt::join(problems, "\n")));
    // The site keeps one removed article (404) on purpose: nothing else fails.
    CHECK(first.total.errors == static_cast<int>(problems.size()));
    for (const auto& p : problems) CHECK_THAT(p, Catch::EndsWith("HTTP 404"));
    CHECK(first.outlets.size() >= 6);
    for (const auto& o : first.outlets) {
        INFO(o.slug);
        CHECK(o.new_articles >= 8);
    }
    CHECK(first.total.new_clippings > 0);
    auto second = pipeline::crawl(cfg, st, opt);
    CHECK(second.total.fetched == 0);
    CHECK(second.total.new_articles == 0);
    CHECK(second.total.changed_articles == 0);
}
