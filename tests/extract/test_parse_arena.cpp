// gumbo parsing into ParseArena (extract/parse_arena.h): the tree must be
// the one gumbo builds with malloc, whatever the page's size.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "extract/html_document.h"
#include "extract/parse_arena.h"

using namespace presswatch::extract;

namespace {

// One line per node in document order: the tag or text, with attributes.
void describe(const GumboNode* n, std::vector<std::string>& out) {
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
        std::string line = gumbo_normalized_tagname(n->v.element.tag);
        const GumboVector& attrs = n->v.element.attributes;
        for (unsigned i = 0; i < attrs.length; ++i) {
            const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
            line += fmt::format(" {}=\"{}\"", a->name, a->value);
        }
        out.push_back(line);
        for (unsigned i = 0; i < n->v.element.children.length; ++i)
            describe(static_cast<const GumboNode*>(n->v.element.children.data[i]), out);
    } else if (n->type != GUMBO_NODE_COMMENT && n->type != GUMBO_NODE_DOCUMENT) {
        out.push_back(std::string("#text ") + n->v.text.text);
    }
}

// A page of about `bytes`, with many small nodes, entities, attributes, and
// one text node longer than an arena chunk.
std::string page(std::size_t bytes) {
    std::string html = "<!doctype html><html><head><title>Trang th&#7917;</title></head><body><main>";
    for (int k = 0; html.size() < bytes; ++k)
        html += fmt::format("<div class=\"khoi k{}\" data-n=\"{}\"><p>Đoạn {} có <b>chữ đậm</b> &amp; <a href=\"/bai-{}\">liên "
                            "kết</a><br>và &nbsp;khoảng&nbsp;trắng<table><tr><td>ô {}</table></div>",
                            k, k, k, k, k);
    html += "<p>" + std::string(300 * 1024, 'x') + "</p></main></body></html>";
    return html;
}

}  // namespace

TEST_CASE("a page parsed into the arena has the tree gumbo builds with malloc", "[extract][arena]") {
    for (std::size_t bytes : {std::size_t{0}, std::size_t{2000}, std::size_t{900 * 1024}}) {
        INFO(bytes);
        const std::string html = page(bytes);
        const std::string parsed = strip_unread_content(html);
        GumboOptions options = kGumboDefaultOptions;
        options.max_errors = 0;
        GumboOutput* own = gumbo_parse_with_options(&options, parsed.data(), parsed.size());
        std::vector<std::string> want;
        describe(own->root, want);
        gumbo_destroy_output(&options, own);

        HtmlDocument doc(html);
        std::vector<std::string> got;
        describe(doc[0].node, got);
        REQUIRE(got.size() == want.size());
        CHECK(got == want);
        CHECK(doc.size() > 3);
    }
}

TEST_CASE("arena allocations are aligned, distinct and large ones fit", "[extract][arena]") {
    ParseArena arena(1);  // the smallest first chunk, so that chunks change often
    std::vector<std::pair<unsigned char*, std::size_t>> blocks;
    for (std::size_t k = 0; k < 2000; ++k) {
        std::size_t n = k % 97 == 0 ? 100'000 + k : 1 + k % 300;
        auto* p = static_cast<unsigned char*>(arena.allocate(n));
        REQUIRE(reinterpret_cast<std::uintptr_t>(p) % alignof(std::max_align_t) == 0);
        std::memset(p, static_cast<int>(k & 0xFF), n);
        blocks.emplace_back(p, n);
    }
    // Every block still holds its own byte: none overlapped another.
    for (std::size_t k = 0; k < blocks.size(); ++k) {
        auto [p, n] = blocks[k];
        INFO(k);
        CHECK(p[0] == (k & 0xFF));
        CHECK(p[n - 1] == (k & 0xFF));
    }
    CHECK(arena.reserved() >= 21 * 100'000);
}
