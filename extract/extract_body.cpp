// Body detection: score blocks of text by length, commas and link density,
// give each block's score to its ancestors, take the best container and the
// siblings that belong with it (readability's idea, run over the flattened
// page without recursion), then write its text out as paragraphs.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "extract/extract_steps.h"

namespace presswatch::extract {
namespace {

// A block with less visible text than this is a label, not a paragraph.
constexpr int min_paragraph_bytes = 25;
// Lists and boxes inside the body whose text is mostly links are related-news
// boxes; up to this size (a long list of links is still boilerplate).
constexpr double max_body_link_density = 0.5;
// Plain (non-link) text that makes a link-heavy paragraph still a paragraph.
constexpr int min_plain_sentence_bytes = 150;
// Siblings of the best container scoring at least this share of its score
// are part of the article (bodies split over several divs).
constexpr double sibling_score_share = 0.2;
// The marked articleBody replaces the scored container inside it when it
// holds this many times its text.
constexpr double marked_body_text_share = 1.25;
// How far up from the best container chunks of a split body are looked for.
constexpr int max_chunk_levels = 3;

bool is_heading(GumboTag t) {
    return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 ||
           t == GUMBO_TAG_H6;
}

double tag_base_score(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_DIV: return 5;
        case GUMBO_TAG_ARTICLE: return 10;
        case GUMBO_TAG_SECTION: return 3;
        case GUMBO_TAG_MAIN: return 3;
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_BLOCKQUOTE: return 3;
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_FORM: return -3;
        case GUMBO_TAG_TH: return -5;
        default: return is_heading(t) ? -5 : 0;
    }
}

// Class hints move a container by up to 25 points (readability's weight),
// scaled down for small containers: a "content" div holding a title line
// must not outweigh the body.
double hint_weight(const PageModel& page, int c) {
    constexpr double full_weight_bytes = 500;
    return 25.0 * page.hint[c] * std::min(1.0, page.text_bytes[c] / full_weight_bytes);
}

bool is_bold_tag(GumboTag t) { return t == GUMBO_TAG_B || t == GUMBO_TAG_STRONG; }

// Inline elements a page sets a label in (a dateline, a place stamp).
bool is_label_tag(GumboTag t) {
    return t == GUMBO_TAG_SPAN || t == GUMBO_TAG_B || t == GUMBO_TAG_STRONG || t == GUMBO_TAG_EM ||
           t == GUMBO_TAG_I || t == GUMBO_TAG_FONT || t == GUMBO_TAG_SMALL || t == GUMBO_TAG_A;
}
// A label is a word or a few (a place name), not a single letter: a drop
// cap ("<span>T</span>he") continues its word.
constexpr int min_label_bytes = 2;
constexpr int max_label_bytes = 60;

bool right_aligned(const HtmlDocument& doc, int i) {
    if (doc.attr(i, "align") == "right") return true;
    std::string_view style = doc.attr(i, "style");
    if (style.find("right") != std::string_view::npos && style.find("text-align") != std::string_view::npos)
        return true;
    std::string c = doc.class_and_id(i);
    return c.find("right") != std::string::npos || c.find("author") != std::string::npos;
}

// Collects paragraphs: block starts and ends, <br><br>, table rows.
class ParagraphSink {
public:
    explicit ParagraphSink(Body& out) : out_(out) {}

    void text(std::string_view t, int block, bool bold) {
        if (pending_cell_ && has_words(t)) {
            // A cell after another in the same row: " | " between them;
            // empty cells leave nothing.
            pending_cell_ = false;
            if (!cur_.empty() && !pending_line_) {
                while (!cur_.empty() && cur_.back() == ' ') cur_.pop_back();
                if (!cur_.empty() && cur_.back() != '\n') cur_ += " | ";
            }
        }
        if (pending_line_ && !cur_.empty()) cur_.push_back('\n');
        pending_line_ = false;
        std::size_t before = cur_.size();
        append_collapsed(cur_, t);
        if (cur_.size() == before) return;
        if (cur_node_ < 0) cur_node_ = block;
        bool has_letters = false;
        for (char c : t)
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') has_letters = true;
        if (has_letters) all_bold_ = all_bold_ && bold;
    }
    // A data table's row starts a new line; its cells are joined by " | ".
    void row() {
        pending_cell_ = false;
        if (!cur_.empty()) pending_line_ = true;
    }
    void cell() { pending_cell_ = true; }
    void space() {
        if (!cur_.empty() && cur_.back() != ' ' && cur_.back() != '\n') cur_.push_back(' ');
    }
    bool at_paragraph_start() const { return cur_.find_first_not_of(" \n") == std::string::npos; }
    // A label set in its own element and glued to the text after it
    // ("<span class=location-stamp>Thanh Hóa</span>Nhiều giáo viên..."):
    // the page shows the two apart (the outlet's CSS adds the gap), so the
    // text gets the dateline dash the printed paper uses.
    void separate_label(std::string_view next) {
        if (cur_.empty() || next.empty()) return;
        if (ends_with_letter(cur_) && starts_with_upper(next)) cur_ += " - ";
    }
    void line_break() {
        if (pending_line_) {
            paragraph_break();
        } else if (!cur_.empty()) {
            pending_line_ = true;
        }
    }
    void paragraph_break(bool right = false) {
        std::size_t a = 0, b = cur_.size();
        while (a < b && (cur_[a] == ' ' || cur_[a] == '\n')) ++a;
        while (b > a && (cur_[b - 1] == ' ' || cur_[b - 1] == '\n')) --b;
        if (b > a) {
            std::string p = cur_.substr(a, b - a);
            // " \n" left by a space before a line break
            std::string clean;
            clean.reserve(p.size());
            for (std::size_t i = 0; i < p.size(); ++i) {
                if (p[i] == ' ' && i + 1 < p.size() && p[i + 1] == '\n') continue;
                if (p[i] == ' ' && !clean.empty() && clean.back() == '\n') continue;
                clean.push_back(p[i]);
            }
            out_.paragraphs.push_back(std::move(clean));
            out_.paragraph_nodes.push_back(cur_node_);
            out_.paragraph_emphasis.push_back(all_bold_ || right);
        }
        cur_.clear();
        cur_node_ = -1;
        all_bold_ = true;
        pending_line_ = false;
        pending_cell_ = false;
    }

private:
    Body& out_;
    std::string cur_;
    int cur_node_ = -1;
    bool all_bold_ = true;
    bool pending_line_ = false;
    bool pending_cell_ = false;

    static bool ends_with_letter(const std::string& s) {
        int32_t i = static_cast<int32_t>(s.size());
        UChar32 c;
        U8_PREV(s.data(), 0, i, c);
        return c > 0 && u_isalpha(c);
    }
    static bool starts_with_upper(std::string_view t) {
        int32_t i = 0;
        UChar32 c;
        U8_NEXT(t.data(), i, static_cast<int32_t>(t.size()), c);
        return c > 0 && u_isupper(c);
    }
    static bool has_words(std::string_view t) {
        for (char c : t)
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') return true;
        return false;
    }
};

bool is_row_group(GumboTag t) {
    return t == GUMBO_TAG_TBODY || t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TFOOT;
}

// A data table holds text in its cells; a layout table holds blocks
// (paragraphs, lists, other tables) and is read as those blocks.
bool is_data_table(const PageModel& page, int table) {
    const HtmlDocument& doc = page.doc;
    for (int k = table + 1; k < doc[table].end;) {
        const HtmlNode& h = doc[k];
        if (h.is_text) {
            ++k;
        } else if (page.excluded[k]) {
            k = h.end;
        } else if (is_block_tag(h.tag) && h.tag != GUMBO_TAG_TR && h.tag != GUMBO_TAG_TD && h.tag != GUMBO_TAG_TH &&
                   h.tag != GUMBO_TAG_CAPTION && !is_row_group(h.tag)) {
            return false;
        } else {
            ++k;
        }
    }
    return true;
}

bool skip_inside_body(const PageModel& page, int k, bool captions) {
    const HtmlNode& h = page.doc[k];
    // A photo story tells its story in the captions.
    if (captions && page.excluded[k] != 2 && (h.tag == GUMBO_TAG_FIGURE || h.tag == GUMBO_TAG_FIGCAPTION)) return false;
    if (page.excluded[k]) return true;
    // A figure is a picture and its caption, not text of the article.
    if (h.tag == GUMBO_TAG_FIGURE) return true;
    // A list or box that is mostly links: related news, tags, "read more";
    // unless it still holds a sentence's worth of plain text (a paragraph
    // with a long link or a name card inside).
    if ((h.tag == GUMBO_TAG_UL || h.tag == GUMBO_TAG_OL || h.tag == GUMBO_TAG_DIV || h.tag == GUMBO_TAG_TABLE ||
         h.tag == GUMBO_TAG_SECTION || h.tag == GUMBO_TAG_P || h.tag == GUMBO_TAG_LI) &&
        page.text_bytes[k] > 0 && page.link_density(k) > max_body_link_density &&
        page.text_bytes[k] - page.link_bytes[k] < min_plain_sentence_bytes)
        return true;
    return false;
}

// Writes the text of [root, end) into sink, leaving boilerplate out (and
// captions, unless `captions`: a photo story).
void emit(const PageModel& page, int root, ParagraphSink& sink, bool captions = false) {
    const HtmlDocument& doc = page.doc;
    struct Open {
        int end;
        bool right;
        GumboTag tag;
    };
    std::vector<Open> blocks;
    std::vector<int> block_nodes{root};
    std::vector<int> bold_ends;
    int data_table_end = -1;  // inside a data table until here
    int label_end = -1;       // a label element that opened the paragraph ends here
    const int end = doc[root].end;
    for (int k = root; k < end;) {
        while (!blocks.empty() && k >= blocks.back().end) {
            sink.paragraph_break(blocks.back().right);
            blocks.pop_back();
            block_nodes.pop_back();
        }
        while (!bold_ends.empty() && k >= bold_ends.back()) bold_ends.pop_back();
        const HtmlNode& h = doc[k];
        if (h.is_text) {
            if (label_end >= 0 && k >= label_end) {
                sink.separate_label(doc.text(k));
                label_end = -1;
            }
            sink.text(doc.text(k), block_nodes.back(), !bold_ends.empty());
            ++k;
            continue;
        }
        if (is_label_tag(h.tag) && sink.at_paragraph_start() && page.text_bytes[k] >= min_label_bytes &&
            page.text_bytes[k] <= max_label_bytes)
            label_end = h.end;
        else if (is_block_tag(h.tag))
            label_end = -1;
        if (k != root && skip_inside_body(page, k, captions)) {
            k = h.end;
            continue;
        }
        if (k < data_table_end && (h.tag == GUMBO_TAG_TR || h.tag == GUMBO_TAG_TD || h.tag == GUMBO_TAG_TH ||
                                   is_row_group(h.tag))) {
            // One row a line, cells joined by " | ", the table one paragraph.
            if (h.tag == GUMBO_TAG_TR) sink.row();
            else if (h.tag != GUMBO_TAG_TBODY && h.tag != GUMBO_TAG_THEAD && h.tag != GUMBO_TAG_TFOOT) sink.cell();
        } else if (h.tag == GUMBO_TAG_TABLE && is_data_table(page, k)) {
            sink.paragraph_break();
            blocks.push_back({h.end, false, h.tag});
            block_nodes.push_back(k);
            data_table_end = h.end;
        } else if (h.tag == GUMBO_TAG_BR) {
            sink.line_break();
        } else if (h.tag == GUMBO_TAG_TD || h.tag == GUMBO_TAG_TH) {
            sink.space();
        } else if (is_bold_tag(h.tag)) {
            bold_ends.push_back(h.end);
        } else if (is_block_tag(h.tag) && h.tag != GUMBO_TAG_TD && h.tag != GUMBO_TAG_TH) {
            sink.paragraph_break();
            blocks.push_back({h.end, right_aligned(doc, k), h.tag});
            block_nodes.push_back(k);
        }
        ++k;
    }
    while (!blocks.empty()) {
        sink.paragraph_break(blocks.back().right);
        blocks.pop_back();
    }
    sink.paragraph_break();
}

// A block of the article's running text: paragraphs of a sentence or more
// with few links, not a teaser list (whose items are a link and a line).
constexpr int min_running_paragraph_bytes = 80;
constexpr double max_running_link_density = 0.15;
bool holds_running_text(const PageModel& page, int c) {
    const HtmlDocument& doc = page.doc;
    if (page.hint[c] < 0 || page.link_density(c) > max_running_link_density) return false;
    for (int k = c + 1; k < doc[c].end; ++k) {
        const HtmlNode& h = doc[k];
        if (h.is_text) continue;
        if (page.excluded[k]) {
            k = h.end - 1;
            continue;
        }
        if (h.tag == GUMBO_TAG_P && page.text_bytes[k] >= min_running_paragraph_bytes &&
            page.link_density(k) <= max_running_link_density)
            return true;
    }
    return false;
}

// Captions that carry a story: several, each a sentence or more.
constexpr int min_story_caption_bytes = 80;
constexpr int min_story_captions = 3;
// How far up from a caption its story container is looked for.
constexpr int max_caption_levels = 4;

// A photo story: the element whose captions hold the most text, when that
// is more than the text of the chosen container (the article is told in
// the captions, and plain caption-blind scoring finds only the lead or a
// box). body_text: visible bytes of the body found without captions. -1
// when the page is no photo story.
int photo_story(const PageModel& page, int body_text) {
    const HtmlDocument& doc = page.doc;
    std::unordered_map<int, std::pair<int, int>> sums;  // element -> (caption bytes, captions)
    for (int i = 0; i < doc.size(); ++i) {
        const HtmlNode& h = doc[i];
        if (h.is_text) continue;
        if (page.excluded[i] == 2) {
            i = h.end - 1;
            continue;
        }
        if (h.tag != GUMBO_TAG_FIGCAPTION) continue;
        int bytes = 0;
        for (int k = i + 1; k < h.end; ++k)
            if (doc[k].is_text)
                for (char c : doc.text(k)) bytes += c != ' ' && c != '\n' && c != '\t' && c != '\r';
        if (bytes < min_story_caption_bytes) continue;
        int anc = h.parent;
        for (int level = 0; level < max_caption_levels && anc >= 0; ++level, anc = doc[anc].parent) {
            if (doc[anc].tag == GUMBO_TAG_BODY || doc[anc].tag == GUMBO_TAG_HTML) break;
            auto& s = sums[anc];
            s.first += bytes;
            s.second += 1;
        }
    }
    int story = -1, story_bytes = 0;
    for (auto& [e, s] : sums) {
        if (s.second < min_story_captions || page.exclusion_above(e)) continue;
        // The tightest element holding them all: a parent with the same sum loses.
        if (s.first > story_bytes || (s.first == story_bytes && e > story)) {
            story = e;
            story_bytes = s.first;
        }
    }
    return story >= 0 && story_bytes > body_text ? story : -1;
}

// Blocks after the body read for a byline: the writer's name set in its
// own bold or right-aligned paragraph just after the article's container.
constexpr int max_blocks_after_body = 2;
constexpr int max_line_after_body_bytes = 160;

}  // namespace

Body lines_after_body(const PageModel& page, const Body& body) {
    Body out;
    if (body.roots.empty()) return out;
    const HtmlDocument& doc = page.doc;
    const int last = body.roots.back();
    const int parent = doc[last].parent;
    if (parent < 0) return out;
    ParagraphSink sink(out);
    int blocks = 0;
    for (int c = doc[last].end; c < doc[parent].end && blocks < max_blocks_after_body; c = doc[c].end) {
        const HtmlNode& h = doc[c];
        if (h.is_text || page.excluded[c] == 2 || page.text_bytes[c] == 0) continue;
        if (page.text_bytes[c] > max_line_after_body_bytes || page.link_density(c) > max_body_link_density) break;
        ++blocks;
        sink.paragraph_break();
        emit(page, c, sink);
    }
    sink.paragraph_break();
    return out;
}

std::string element_text(const PageModel& page, int element) {
    Body b;
    ParagraphSink sink(b);
    emit(page, element, sink);
    std::string out;
    for (const auto& p : b.paragraphs) {
        if (!out.empty()) out += "\n\n";
        out += p;
    }
    return out;
}

namespace {

Body scored_body(const PageModel& page, int marked) {
    const HtmlDocument& doc = page.doc;
    const int n = doc.size();
    std::unordered_map<int, double> score;
    auto touch = [&](int c) -> double& {
        auto it = score.find(c);
        if (it == score.end())
            it = score.emplace(c, tag_base_score(doc[c].tag) + hint_weight(page, c)).first;
        return it->second;
    };
    for (int i = 0; i < n; ++i) {
        const HtmlNode& h = doc[i];
        if (h.is_text) continue;
        if (page.excluded[i]) {
            i = h.end - 1;
            continue;
        }
        // Own text: what is not inside a block child (inline text of a div).
        int own = page.text_bytes[i];
        if (h.tag != GUMBO_TAG_P && h.tag != GUMBO_TAG_PRE) {
            for (int child = i + 1; child < h.end; child = doc[child].end) {
                const HtmlNode& ch = doc[child];
                if (!ch.is_text && !page.excluded[child] && is_block_tag(ch.tag)) own -= page.text_bytes[child];
            }
        }
        bool unit = own >= min_paragraph_bytes &&
                    (h.tag == GUMBO_TAG_P || h.tag == GUMBO_TAG_PRE || h.tag == GUMBO_TAG_TD ||
                     h.tag == GUMBO_TAG_BLOCKQUOTE || h.tag == GUMBO_TAG_DIV || h.tag == GUMBO_TAG_SECTION ||
                     h.tag == GUMBO_TAG_ARTICLE || h.tag == GUMBO_TAG_LI || h.tag == GUMBO_TAG_SPAN ||
                     h.tag == GUMBO_TAG_FONT || h.tag == GUMBO_TAG_CENTER);
        if (!unit) continue;
        if (page.link_density(i) > 0.5) continue;
        double s = 1.0 + page.commas[i] + std::min(own / 100.0, 3.0);
        // Text written straight into a div makes the div itself a container.
        bool container = h.tag != GUMBO_TAG_P && h.tag != GUMBO_TAG_PRE && h.tag != GUMBO_TAG_LI &&
                         h.tag != GUMBO_TAG_SPAN && h.tag != GUMBO_TAG_FONT;
        int anc = container ? i : h.parent;
        for (int level = 0; level < 3 && anc >= 0; ++level, anc = doc[anc].parent) {
            if (doc[anc].tag == GUMBO_TAG_HTML) break;
            touch(anc) += s / (level == 0 ? 1.0 : level == 1 ? 2.0 : 3.0 * level);
        }
    }
    Body body;
    int best = -1;
    double best_score = 0;
    for (auto& [c, s] : score) {
        double final_score = s * (1.0 - page.link_density(c));
        s = final_score;
        // After the headline is where articles are; a tie goes to the later.
        if (final_score > best_score || (final_score == best_score && c > best)) {
            best = c;
            best_score = final_score;
        }
    }
    // The page's own articleBody mark. Taken when the scored container is
    // inside it and misses a good part of its text (a body split in pieces
    // the scorer did not join); when the two hold about the same text the
    // tighter scored container stays (the mark may also wrap a standfirst).
    // Taken too when the scored container holds it and little else: the
    // rest is the headline, the date line, the byline.
    auto inside = [&](int a, int b) { return a >= b && a < doc[b].end; };
    if (marked >= 0 && !page.exclusion_above(marked) && page.link_density(marked) < max_body_link_density &&
        (best < 0 ||
         (inside(best, marked) && page.text_bytes[marked] > marked_body_text_share * page.text_bytes[best]) ||
         (inside(marked, best) && page.text_bytes[best] < marked_body_text_share * page.text_bytes[marked]))) {
        body.root = marked;
        body.roots.push_back(marked);
        ParagraphSink sink(body);
        emit(page, marked, sink);
        return body;
    }
    if (best < 0) {
        int b = doc.find_tag(GUMBO_TAG_BODY);
        if (b < 0) return body;
        best = b;
    }
    body.root = best;
    ParagraphSink sink(body);
    const int parent = doc[best].parent;
    if (parent < 0 || doc[best].tag == GUMBO_TAG_BODY) {
        body.roots.push_back(best);
        emit(page, best, sink);
        return body;
    }
    const std::string best_class(doc.attr(best, "class"));
    // A body split into chunks (around figures and ads) repeats the
    // container's class: take every element of that class under the
    // grandparent, in reading order.
    if (!best_class.empty()) {
        int top = parent;
        for (int up = 0; up < max_chunk_levels - 1; ++up) {
            int next = doc[top].parent;
            if (next < 0 || doc[next].tag == GUMBO_TAG_BODY || doc[next].tag == GUMBO_TAG_HTML) break;
            top = next;
        }
        std::vector<int> chunks;
        for (int c = top + 1; c < doc[top].end;) {
            const HtmlNode& h = doc[c];
            if (h.is_text || page.excluded[c]) {
                c = h.is_text ? c + 1 : h.end;
                continue;
            }
            if (doc.attr(c, "class") == best_class && page.text_bytes[c] >= min_paragraph_bytes &&
                page.link_density(c) < 0.5) {
                chunks.push_back(c);
                c = h.end;
                continue;
            }
            ++c;
        }
        if (chunks.size() > 1) {
            for (int c : chunks) {
                body.roots.push_back(c);
                emit(page, c, sink);
            }
            return body;
        }
    }
    const double threshold = std::max(10.0, best_score * sibling_score_share);
    std::vector<int> siblings;
    std::vector<char> joined;
    // After the best container, a box set inside the article (a quote or
    // fact box, a related story, an embedded card, excluded or not) does
    // not end it: running text after such a box is the same article.
    bool after_best = false, box_before = false;
    for (int c = parent + 1; c < doc[parent].end; c = doc[c].end) {
        const HtmlNode& h = doc[c];
        if (h.is_text) continue;
        if (page.excluded[c]) {
            if (page.excluded[c] == 1) box_before = after_best;
            continue;
        }
        bool join = c == best;
        if (!join) {
            auto it = score.find(c);
            double s = it == score.end() ? 0 : it->second;
            double bonus = (!best_class.empty() && doc.attr(c, "class") == best_class) ? best_score * 0.2 : 0;
            if (s + bonus >= threshold) join = true;
            else if (h.tag == GUMBO_TAG_P) {
                int len = page.text_bytes[c];
                double ld = page.link_density(c);
                if (len > 80 && ld < 0.25) join = true;
            } else if (box_before && holds_running_text(page, c)) {
                join = true;
            }
        }
        if (c == best) after_best = true;
        box_before = after_best && !join &&
                     (page.text_bytes[c] > 0 || h.tag == GUMBO_TAG_FIGURE || h.tag == GUMBO_TAG_TABLE);
        siblings.push_back(c);
        joined.push_back(join);
    }
    // A data table's short cells never score; it belongs to the article
    // when it stands next to a part of it and is not a box of links.
    for (std::size_t j = 0; j < siblings.size(); ++j) {
        int c = siblings[j];
        if (joined[j] || doc[c].tag != GUMBO_TAG_TABLE || page.text_bytes[c] < min_paragraph_bytes ||
            page.link_density(c) > max_body_link_density || !is_data_table(page, c))
            continue;
        bool next_to_body = (j > 0 && joined[j - 1] == 1) || (j + 1 < siblings.size() && joined[j + 1] == 1);
        if (next_to_body) joined[j] = 2;
    }
    for (std::size_t j = 0; j < siblings.size(); ++j) {
        if (!joined[j]) continue;
        body.roots.push_back(siblings[j]);
        emit(page, siblings[j], sink);
    }
    return body;
}

}  // namespace

Body find_body(const PageModel& page, int marked) {
    Body body = scored_body(page, marked);
    int text = 0;
    for (const auto& p : body.paragraphs)
        for (char c : p) text += c != ' ' && c != '\n';
    if (int story = photo_story(page, text); story >= 0) {
        Body photos;
        photos.root = story;
        photos.roots.push_back(story);
        ParagraphSink sink(photos);
        emit(page, story, sink, true);
        return photos;
    }
    return body;
}

}  // namespace presswatch::extract
