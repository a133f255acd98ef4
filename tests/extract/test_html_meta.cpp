// What a page says about itself in <head>: read_html_metadata() on pages
// written for these tests.
#include <catch2/catch.hpp>

#include <string>

#include "extract/html_document.h"
#include "extract/html_meta.h"

using namespace presswatch::extract;

TEST_CASE("the document's <title> is read, though a reader never sees it as page text", "[extract][meta]") {
    struct Row {
        const char* html;
        const char* title;
    };
    const Row rows[] = {
        {"<html><head><title>Nước thải tràn ra kênh - Báo Ví Dụ</title></head><body><p>x</p></body></html>",
         "Nước thải tràn ra kênh - Báo Ví Dụ"},
        // Line breaks and runs of spaces (also U+00A0) collapse; ends are trimmed.
        {"<head><title>\n   Tin \t mới\xC2\xA0\xC2\xA0 nhất \n</title></head>", "Tin mới nhất"},
        // Entities are decoded once, by the parser.
        {"<head><title>Ch&#237;nh s&#225;ch &amp; ph&aacute;p lu&#7853;t</title></head>", "Chính sách & pháp luật"},
        // <title> is raw text: markup inside it is text.
        {"<head><title>Giá <b>vàng</b></title></head>", "Giá <b>vàng</b>"},
        // The first title counts.
        {"<head><title>Thứ nhất</title><title>Thứ hai</title></head>", "Thứ nhất"},
        // An inline SVG icon's <title> is a tooltip, not the document's title.
        {"<head></head><body><svg><title>Biểu tượng tìm kiếm</title></svg><p>Bài viết</p></body>", ""},
        {"<head><title>Tiêu đề trang</title></head><body><svg><title>Biểu tượng</title></svg></body>",
         "Tiêu đề trang"},
        {"<head><title></title></head>", ""},
        {"<p>Không có tiêu đề</p>", ""},
    };
    for (const Row& r : rows) {
        INFO(r.html);
        HtmlDocument doc(r.html);
        CHECK(read_html_metadata(doc).title == r.title);
    }
}

TEST_CASE("the page text still leaves the <title> out", "[extract][meta]") {
    HtmlDocument doc("<html><head><title>Tiêu đề trang</title></head><body><p>Nội dung bài</p></body></html>");
    CHECK(doc.subtree_text(0) == "Nội dung bài");
}
