// The sample site's home pages are listings and its article pages articles:
// the crawler keeps home pages only as sources of links.
#include <catch2/catch.hpp>

#include <string>

#include "extract/extract.h"
#include "demo/sample_site.h"
#include "demo/site_data.h"
#include "site_client.h"

using namespace presswatch::demo::testing;
using presswatch::extract::PageKind;

TEST_CASE("the sample site's home pages are listings, its article pages articles") {
    SampleSite site;
    site.start();
    for (const auto& o : presswatch::demo::load_site_data()) {
        const std::string origin = origin_of(site, o.slug);
        presswatch::extract::ExtractOptions opt;
        opt.url = origin + "/";
        INFO(o.slug);
        CHECK(presswatch::extract::extract_page(fetch_ok(site, origin + "/"), opt).kind == PageKind::listing);
        for (const auto& a : o.articles) {
            INFO(a.path);
            opt.url = origin + a.path;
            CHECK(presswatch::extract::extract_page(fetch_ok(site, origin + a.path), opt).kind == PageKind::article);
        }
    }
}
