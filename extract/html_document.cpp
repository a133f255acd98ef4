#include "extract/html_document.h"

#include <cctype>
#include <algorithm>
#include <cstring>

namespace presswatch::extract {

namespace {

// Cuts at a UTF-8 boundary so the parser never sees half a character.
std::string_view cut_utf8(std::string_view s, std::size_t max) {
    if (s.size() <= max) return s;
    std::size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

// Elements that close themselves implicitly (<p>, <li>, <td> left open) or
// never have content: they do not count towards the depth estimate.
bool counts_for_depth(std::string_view name) {
    static constexpr std::string_view skip[] = {"p",     "li",    "td",    "tr",       "th",    "dt",   "dd",
                                                "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rp",
                                                "rt",    "br",    "img",   "meta",     "link",  "input", "hr",
                                                "area",  "base",  "col",   "embed",    "param", "source", "track",
                                                "wbr",   "keygen"};
    for (auto s : skip)
        if (name.size() == s.size() && std::equal(name.begin(), name.end(), s.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == b;
            }))
            return false;
    return true;
}

// A start tag longer than this (attributes included) is not looked into.
constexpr std::size_t max_tag_bytes = 4096;

}  // namespace

std::size_t nesting_safe_length(std::string_view html) {
    std::size_t depth = 0;
    for (std::size_t i = 0; i + 1 < html.size(); ++i) {
        if (html[i] != '<') continue;
        bool closing = html[i + 1] == '/';
        std::size_t j = i + (closing ? 2 : 1);
        std::size_t start = j;
        while (j < html.size() && std::isalnum(static_cast<unsigned char>(html[j]))) ++j;
        if (j == start || !std::isalpha(static_cast<unsigned char>(html[start]))) continue;
        if (!counts_for_depth(html.substr(start, j - start))) continue;
        if (closing) {
            if (depth > 0) --depth;
            continue;
        }
        // "<x/>" closes itself; look a bounded way ahead so "<<<<" stays linear.
        std::size_t close = html.substr(j, max_tag_bytes).find('>');
        if (close != std::string_view::npos && html[j + close - 1] == '/') continue;
        if (++depth > max_nesting_depth) return i;
    }
    return html.size();
}

namespace {

bool iequals_prefix(std::string_view s, std::size_t at, std::string_view lower_prefix) {
    if (at + lower_prefix.size() > s.size()) return false;
    for (std::size_t k = 0; k < lower_prefix.size(); ++k)
        if (std::tolower(static_cast<unsigned char>(s[at + k])) != lower_prefix[k]) return false;
    return true;
}

// Position of "</name" (any case) at or after from, or npos.
std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view name) {
    for (std::size_t i = s.find("</", from); i != std::string_view::npos; i = s.find("</", i + 2))
        if (iequals_prefix(s, i + 2, name)) return i;
    return std::string_view::npos;
}

// The arena's first chunk: a parse of the vn-dev pages took 7 to 12 times
// the parsed (script-stripped) bytes, so most pages fit in one chunk and
// the rest in two.
std::size_t arena_bytes_for(std::size_t html_bytes) { return html_bytes * 10; }

}  // namespace

std::string strip_unread_content(std::string_view html) {
    std::string out;
    out.reserve(html.size() / 2);
    std::size_t i = 0;
    while (i < html.size()) {
        std::size_t lt = html.find('<', i);
        if (lt == std::string_view::npos) {
            out.append(html.substr(i));
            break;
        }
        out.append(html.substr(i, lt - i));
        i = lt;
        if (html.compare(i, 4, "<!--") == 0) {
            std::size_t end = html.find("-->", i + 4);
            i = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        std::string_view name = iequals_prefix(html, i + 1, "script") ? "script"
                                : iequals_prefix(html, i + 1, "style") ? "style"
                                                                       : "";
        std::size_t after = i + 1 + name.size();
        bool raw = !name.empty() && after < html.size() &&
                   (html[after] == '>' || html[after] == ' ' || html[after] == '\t' || html[after] == '\n' ||
                    html[after] == '\r' || html[after] == '/');
        if (!raw) {
            out.push_back('<');
            ++i;
            continue;
        }
        std::size_t tag_end = html.find('>', after);
        if (tag_end == std::string_view::npos) {
            out.append(html.substr(i));
            break;
        }
        std::string_view start_tag = html.substr(i, tag_end + 1 - i);
        out.append(start_tag);
        std::size_t close = find_end_tag(html, tag_end + 1, name);
        if (close == std::string_view::npos) close = html.size();
        if (name == "script" && start_tag.find("ld+json") != std::string_view::npos)
            out.append(html.substr(tag_end + 1, close - tag_end - 1));
        i = close;
    }
    return out;
}

HtmlDocument::HtmlDocument(std::string_view html)
    : source_(strip_unread_content(cut_utf8(html, max_html_bytes))), arena_(arena_bytes_for(source_.size())) {
    source_.resize(nesting_safe_length(source_));
    GumboOptions options = arena_.gumbo_options();
    // Parse errors are of no use here; recording them costs time and memory.
    options.max_errors = 0;
    output_ = gumbo_parse_with_options(&options, source_.data(), source_.size());
    if (!output_ || !output_->root) return;

    // Iterative pre-order walk; `end` is filled when a subtree is left.
    struct Frame {
        const GumboNode* node;
        int index;
        unsigned next_child;
    };
    std::vector<Frame> stack;
    nodes_.reserve(source_.size() / 40 + 16);
    auto push = [&](const GumboNode* n, int parent, int depth) {
        HtmlNode h;
        h.node = n;
        h.parent = parent;
        h.depth = depth;
        h.is_text = n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE;
        h.tag = h.is_text ? GUMBO_TAG_UNKNOWN : n->v.element.tag;
        nodes_.push_back(h);
        int index = static_cast<int>(nodes_.size()) - 1;
        if (h.is_text) {
            nodes_.back().end = index + 1;
        } else {
            stack.push_back({n, index, 0});
        }
    };
    push(output_->root, -1, 0);
    while (!stack.empty()) {
        Frame& f = stack.back();
        const GumboVector& children = f.node->v.element.children;
        if (f.next_child < children.length) {
            const auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
            if (child->type == GUMBO_NODE_COMMENT || child->type == GUMBO_NODE_DOCUMENT) continue;
            int parent = f.index;
            push(child, parent, nodes_[static_cast<std::size_t>(parent)].depth + 1);
        } else {
            nodes_[static_cast<std::size_t>(f.index)].end = static_cast<int>(nodes_.size());
            stack.pop_back();
        }
    }
}

std::string_view HtmlDocument::attr(int i, const char* name) const {
    const HtmlNode& h = (*this)[i];
    if (h.is_text) return {};
    const GumboAttribute* a = gumbo_get_attribute(&h.node->v.element.attributes, name);
    return a ? std::string_view(a->value) : std::string_view();
}

std::string HtmlDocument::class_and_id(int i) const {
    std::string s(attr(i, "class"));
    s.push_back(' ');
    s.append(attr(i, "id"));
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string_view HtmlDocument::text(int i) const {
    const HtmlNode& h = (*this)[i];
    if (!h.is_text) return {};
    return h.node->v.text.text;
}

std::string HtmlDocument::subtree_text(int i, std::size_t max_bytes) const {
    std::string out;
    const int end = (*this)[i].end;
    for (int k = i; k < end && out.size() < max_bytes;) {
        const HtmlNode& h = (*this)[k];
        if (!h.is_text && is_invisible_tag(h.tag)) {
            k = h.end;
            continue;
        }
        if (h.is_text) {
            append_collapsed(out, text(k));
        } else if (is_block_tag(h.tag) || h.tag == GUMBO_TAG_BR) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        }
        ++k;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

int HtmlDocument::find_tag(GumboTag tag, int from) const {
    for (int i = from; i < size(); ++i)
        if (!nodes_[static_cast<std::size_t>(i)].is_text && nodes_[static_cast<std::size_t>(i)].tag == tag) return i;
    return -1;
}

bool is_invisible_tag(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_TITLE:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_OPTION:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_MAP:
            return true;
        default:
            return false;
    }
}

bool is_block_tag(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_HTML:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_LEGEND:
            return true;
        default:
            return false;
    }
}

void append_collapsed(std::string& out, std::string_view t) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(t[i]);
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        // U+00A0 (no-break space) is C2 A0 in UTF-8.
        if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) {
            space = true;
            ++i;
        }
        if (space) {
            if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
}

}  // namespace presswatch::extract
