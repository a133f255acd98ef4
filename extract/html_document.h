#pragma once
// A parsed HTML page (gumbo) flattened into document order, so every walk
// over it is a loop over an array: deep pages (100,000 nested elements)
// cannot overflow the stack. Owns the GumboOutput. Not copyable; read-only
// after construction, so several threads may read one document.
#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/parse_arena.h"

namespace presswatch::extract {

// Bytes of HTML parsed at most: a page larger than this is cut (news pages
// are under 2 MB; a 50 MB page is an error or an attack, and gumbo needs
// about ten times the input in memory).
constexpr std::size_t max_html_bytes = 4 * 1024 * 1024;

// Open elements at most: gumbo's tree builder takes time quadratic in the
// nesting depth (100,000 nested <div> take 20 s), real pages stay under a
// few hundred, so a page is cut where its estimated depth passes this.
constexpr std::size_t max_nesting_depth = 4000;

// The page with what a reader never sees and extraction never reads taken
// out before parsing: the contents of <script> (except JSON-LD) and <style>,
// and comments. They are half the bytes of a news page, and gumbo spends
// most of its time tokenising them.
std::string strip_unread_content(std::string_view html);

// Length of the prefix of html whose estimated element depth stays within
// max_nesting_depth (html.size() for any real page).
std::size_t nesting_safe_length(std::string_view html);

struct HtmlNode {
    const GumboNode* node = nullptr;
    int parent = -1;  // index of the parent element, -1 for the root
    int end = 0;      // one past the last descendant's index
    int depth = 0;
    GumboTag tag = GUMBO_TAG_UNKNOWN;  // GUMBO_TAG_UNKNOWN for text nodes
    bool is_text = false;              // text, CDATA or whitespace
};

class HtmlDocument {
public:
    explicit HtmlDocument(std::string_view html);
    HtmlDocument(const HtmlDocument&) = delete;
    HtmlDocument& operator=(const HtmlDocument&) = delete;

    // Elements and text nodes in document order; nodes()[i]'s descendants are
    // nodes()[i+1 .. end).
    const std::vector<HtmlNode>& nodes() const { return nodes_; }
    const HtmlNode& operator[](int i) const { return nodes_[static_cast<std::size_t>(i)]; }
    int size() const { return static_cast<int>(nodes_.size()); }

    // Attribute value, or empty.
    std::string_view attr(int i, const char* name) const;
    // "class id" lowercased, for the class and id hints.
    std::string class_and_id(int i) const;
    // Text of a text node (empty for elements).
    std::string_view text(int i) const;
    // Visible text of a subtree with whitespace collapsed, script and style
    // left out; stops after max_bytes.
    std::string subtree_text(int i, std::size_t max_bytes = 1 << 20) const;
    // First element with this tag, or -1.
    int find_tag(GumboTag tag, int from = 0) const;

private:
    std::string source_;  // gumbo points into it; cut to max_html_bytes
    ParseArena arena_;    // every byte gumbo allocated: the tree dies with it
    const GumboOutput* output_ = nullptr;
    std::vector<HtmlNode> nodes_;
};

// Tags whose content a reader never sees as text.
bool is_invisible_tag(GumboTag tag);
// Tags that start a new line of text (block-level in browsers' default CSS).
bool is_block_tag(GumboTag tag);
// Appends t to out collapsing runs of whitespace (incl. U+00A0) to one space.
void append_collapsed(std::string& out, std::string_view t);

}  // namespace presswatch::extract
