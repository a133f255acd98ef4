// extract_article(): metadata first, cross-checked against what the page
// shows; then body, lead, byline and dates from the visible page.
#include "extract/extract.h"

#include <algorithm>
#include <ctime>

#include "extract/extract_steps.h"
#include "core/error.h"
#include "extract/html_entities.h"
#include "extract/html_selector.h"
#include "extract/microdata.h"
#include "text/normalize.h"

namespace presswatch::extract {
namespace {


std::string folded(std::string_view s) { return text::fold(s); }

// Whole-hour disagreements up to this many hours between a machine date and
// the visible one are a zone mislabel (UTC offsets span -12..+14).
constexpr std::int64_t max_zone_error_hours = 14;

// The first machine date that parses, with its raw string.
std::optional<std::pair<PageDate, std::string>> first_date(const std::vector<std::string>& raws,
                                                           std::int64_t fetch_time) {
    for (const auto& r : raws)
        if (auto d = parse_machine_date(r, fetch_time)) return std::make_pair(*d, r);
    return std::nullopt;
}

// Machine date against visible date: which one the article gets.
std::pair<PageDate, std::string> choose_date(const std::optional<std::pair<PageDate, std::string>>& machine,
                                             const std::optional<VisibleDate>& visible) {
    if (!visible) return *machine;
    if (!machine) return {visible->date, visible->raw};
    const PageDate& m = machine->first;
    const PageDate& v = visible->date;
    if (v.relative || !v.has_time) {
        // A bare visible date only corrects a machine value of another day.
        if (!m.has_time || std::llabs(m.time - v.time) < 86400 + 7 * 3600) return *machine;
        return {v, visible->raw};
    }
    const std::int64_t diff = m.time - v.time;
    if (!m.has_time) return {v, visible->raw};
    if (std::llabs(diff) < 60) return *machine;  // same minute; the machine value has seconds
    // Off by whole hours: local time labelled Z (or another zone error);
    // the page shows the truth. Any other disagreement: the visible line may
    // be an update time, and the metadata names the publication.
    const std::int64_t off = std::llabs(diff);
    const bool zone_error = off % 3600 < 60 && off <= max_zone_error_hours * 3600;
    return zone_error ? std::pair<PageDate, std::string>{v, visible->raw} : *machine;
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (const auto& s : v) {
        if (s.empty()) continue;
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

std::string resolve_url(const std::string& href, const std::string& base) {
    if (href.empty() || href.find("://") != std::string::npos) return href;
    auto scheme_end = base.find("://");
    if (scheme_end == std::string::npos) return href;
    if (href.starts_with("//")) return base.substr(0, scheme_end + 1) + href;
    auto host_end = base.find('/', scheme_end + 3);
    std::string origin = host_end == std::string::npos ? base : base.substr(0, host_end);
    if (href.starts_with("/")) return origin + href;
    return href;
}

// Metadata people are kept only when the page shows their names somewhere:
// CMS vendors and publisher names in author fields are not shown as bylines.
std::vector<std::string> visible_people(const std::vector<std::string>& people, const std::string& page_text) {
    std::vector<std::string> out;
    for (const auto& p : people) {
        std::string f = folded(p);
        if (f.size() < 2) continue;
        if (page_text.find(f) != std::string::npos) out.push_back(p);
    }
    return out;
}

// "Theo X" (via X) in a metadata author names a source, not a writer; a
// byline's words ("By X and Y", "Bài: X") leave the names, each name once.
void split_sources(std::vector<std::string>& people, std::string& source) {
    std::vector<std::string> keep;
    auto add = [&](const std::string& name) {
        for (const auto& k : keep)
            if (folded(k) == folded(name)) return;
        keep.push_back(name);
    };
    for (auto& p : people) {
        auto b = parse_byline(p);
        if (b && b->authors.empty() && !b->source.empty()) {
            if (source.empty()) source = b->source;
            continue;
        }
        if (b && !b->authors.empty()) {
            for (const auto& a : b->authors) add(a);
        } else {
            add(p);
        }
    }
    people = std::move(keep);
}

// A publisher's name given as an author ("Báo X", the site name, the domain).
bool is_publisher_name(const std::string& name, const HtmlMetadata& meta, const SchemaArticle& ld,
                       const std::string& url) {
    std::string f = folded(name);
    if (f.empty() || f.find("://") != std::string::npos || f.starts_with("http")) return true;
    for (const std::string* org : {&meta.site_name, &ld.publisher})
        if (!org->empty() && (folded(*org) == f || folded(*org).find(f) != std::string::npos)) return true;
    std::string squeezed;
    for (char c : f)
        if (c != ' ' && c != '.' && c != '-') squeezed.push_back(c);
    std::string host = folded(url);
    if (auto p = host.find("://"); p != std::string::npos) host = host.substr(p + 3);
    host = host.substr(0, host.find('/'));
    if (squeezed.size() >= 4 && host.find(squeezed) != std::string::npos) return true;
    // The <title> ends with the site's name: "Headline | Site".
    std::string title = folded(meta.title);
    for (std::string_view sep : {" | ", " - ", " – "}) {
        auto p = title.rfind(sep);
        if (p != std::string::npos && title.substr(p + sep.size()).find(f) != std::string::npos) return true;
    }
    return false;
}

// The lead without the "read also" links some pages end it with.
std::string lead_text(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        std::string_view line = std::string_view(text).substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        std::string_view t = line;
        while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
        bool related = t.starts_with(">") || t.starts_with("\xC2\xBB") /* » */;
        if (!related && !t.empty()) {
            if (!out.empty()) out += '\n';
            out += line;
        }
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

// A lead is prose: several words, not a label ("Video: ...", "World").
bool looks_like_lead(const std::string& t) {
    constexpr std::size_t min_lead_words = 8;
    std::size_t words = 1;
    for (char c : t) words += c == ' ';
    return t.size() >= 40 && words >= min_lead_words;
}

// Vietnamese text: letters of the Latin Extended Additional block (ạ, ế, ủ,
// ...; U+1EA0-U+1EF9, UTF-8 E1 BA A0 .. E1 BB B9) or đ, ư, ơ are frequent.
bool looks_vietnamese(const std::string& t) {
    std::size_t marks = 0, letters = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(t[i]);
        if ((c & 0xC0) == 0x80) continue;
        ++letters;
        if (c == 0xE1 && i + 1 < t.size() &&
            (static_cast<unsigned char>(t[i + 1]) == 0xBA || static_cast<unsigned char>(t[i + 1]) == 0xBB))
            ++marks;
        else if (c == 0xC4 && i + 1 < t.size() && (static_cast<unsigned char>(t[i + 1]) & 0xFE) == 0x90)
            ++marks;  // Đ đ (C4 90, C4 91)
        else if (c == 0xC6 && i + 1 < t.size() &&
                 (static_cast<unsigned char>(t[i + 1]) == 0xA0 || static_cast<unsigned char>(t[i + 1]) == 0xA1 ||
                  static_cast<unsigned char>(t[i + 1]) == 0xAF || static_cast<unsigned char>(t[i + 1]) == 0xB0))
            ++marks;  // Ơ ơ Ư ư
    }
    return letters > 0 && marks * 25 >= letters;
}

// Same words, case and marks aside.
bool same_text(const std::string& a, const std::string& b) { return folded(a) == folded(b); }

bool starts_with_text(const std::string& paragraph, const std::string& prefix) {
    std::string p = folded(paragraph), q = folded(prefix);
    return !q.empty() && p.starts_with(q);
}

// Reader-interface text that ends an article's page: a comment form and its
// notices, rating, sharing and newsletter prompts (folded: no marks, lower
// case). Pages without class names for these boxes print them as plain
// paragraphs after the last line of the article.
constexpr std::string_view reader_ui_openings[] = {
    "y kien cua ban doc", "y kien ban doc", "gui y kien", "gui binh luan", "viet binh luan", "binh luan cua ban",
    "go tieng viet", "vui long go tieng viet", "ban doc gui y kien", "ho va ten", "email cua ban",
    "dang ky nhan ban tin", "dang ky nhan tin", "nhan ban tin", "danh gia bai viet", "chia se bai viet",
    "leave a comment", "post a comment", "add a comment", "sign up for our newsletter", "subscribe to our newsletter",
    "share this article", "rate this article"};
// Such a notice is a line, not a paragraph of the article.
constexpr std::size_t max_reader_ui_bytes = 300;

// Where the reader interface starts in the body (paragraphs.size() when it
// does not): the first short paragraph, not the first, opening with one of
// its phrases. Everything from there on is the page's, not the article's.
std::size_t reader_ui_start(const std::vector<std::string>& paragraphs) {
    for (std::size_t i = 1; i < paragraphs.size(); ++i) {
        if (paragraphs[i].size() > max_reader_ui_bytes) continue;
        const std::string f = folded(paragraphs[i]);
        for (std::string_view w : reader_ui_openings)
            if (f.starts_with(w)) return i;
    }
    return paragraphs.size();
}

// A body shorter than this is no article: the generic result failed and an
// outlet's own selectors, when it has them, get their turn.
constexpr std::size_t min_sane_body_bytes = 300;

// The element an outlet's selector names, or -1 (also for a selector
// outside the supported subset: a configuration slip must not stop a crawl).
int select(const PageModel& page, const config::Outlet& outlet, const char* key) {
    auto it = outlet.selectors.find(key);
    if (it == outlet.selectors.end()) return -1;
    try {
        return HtmlSelector(it->second).first_match(page.doc);
    } catch (const InputError&) {
        return -1;
    }
}

// sources.toml's optional per-outlet selectors, used only where the generic
// result fails its sanity check.
void apply_outlet_selectors(const PageModel& page, const config::Outlet& outlet, std::int64_t fetch_time,
                            Article& a) {
    if (outlet.selectors.empty()) return;
    const HtmlDocument& doc = page.doc;
    if (a.headline.empty())
        if (int e = select(page, outlet, "headline"); e >= 0) a.headline = doc.subtree_text(e, 4096);
    if (a.body.size() < min_sane_body_bytes)
        if (int e = select(page, outlet, "body"); e >= 0) {
            std::string text = element_text(page, e);
            if (text.size() > a.body.size()) a.body = std::move(text);
        }
    if (!a.published)
        if (int e = select(page, outlet, "date"); e >= 0) {
            std::string raw(doc.attr(e, "datetime"));
            std::optional<PageDate> d = raw.empty() ? std::nullopt : parse_machine_date(raw, fetch_time);
            if (!d) {
                raw = doc.subtree_text(e, 512);
                d = parse_visible_date(raw, fetch_time);
            }
            if (d) {
                a.published = d->time;
                a.published_raw = raw;
            }
        }
    if (a.author.empty())
        if (int e = select(page, outlet, "author"); e >= 0)
            if (auto b = parse_byline(doc.subtree_text(e, 512)); b && !b->authors.empty()) a.author = join(b->authors, ", ");
}

}  // namespace

Article extract_article(std::string_view html, const ExtractOptions& options) {
    return extract_page(html, options).article;
}

ExtractedPage extract_page(std::string_view html, const ExtractOptions& options) {
    const std::int64_t fetch_time =
        options.fetch_time > 0 ? options.fetch_time : static_cast<std::int64_t>(std::time(nullptr));
    PageModel page(html);
    const HtmlDocument& doc = page.doc;
    HtmlMetadata meta = read_html_metadata(doc);
    // JSON-LD first; microdata fills what it lacks.
    SchemaArticle ld = read_jsonld(doc);
    fill_missing(ld, read_microdata(doc));
    ExtractedPage out;
    Article& a = out.article;

    // Headline: the visible one, matched against what the metadata says.
    meta.og_title = decode_metadata_entities(meta.og_title);
    meta.title = decode_metadata_entities(meta.title);
    const int headline = find_headline(page, {ld.headline, meta.og_title, meta.title});
    if (headline >= 0) a.headline = doc.subtree_text(headline, 4096);
    if (a.headline.empty()) a.headline = !ld.headline.empty() ? ld.headline : !meta.og_title.empty() ? meta.og_title : meta.title;

    // Body, then the lead and the byline around it.
    Body body = find_body(page, ld.body_element);
    const bool described_as_article = has_article_metadata(meta, ld, fetch_time);
    const ListingSigns listing = described_as_article ? ListingSigns{} : listing_signs(page, body);
    std::vector<std::string> paragraphs;
    std::vector<char> emphasis;
    for (std::size_t i = 0; i < body.paragraphs.size(); ++i) {
        // NFC per paragraph: a paragraph of only U+FEFF or zero-width spaces goes.
        std::string p = text::nfc(body.paragraphs[i]);
        if (p.find_first_not_of(" \n") == std::string::npos) continue;
        paragraphs.push_back(std::move(p));
        emphasis.push_back(body.paragraph_emphasis[i]);
    }
    auto erase_paragraph = [&](std::size_t i) {
        paragraphs.erase(paragraphs.begin() + static_cast<std::ptrdiff_t>(i));
        emphasis.erase(emphasis.begin() + static_cast<std::ptrdiff_t>(i));
    };
    if (!paragraphs.empty() && same_text(paragraphs.front(), a.headline)) erase_paragraph(0);

    const std::string language = !ld.language.empty() ? ld.language : meta.language;
    const bool vietnamese = folded(language).starts_with("vi") ||
                            looks_vietnamese(a.headline + " " + (paragraphs.empty() ? "" : paragraphs.front()));
    const int lead_node = find_lead(page, headline, body.root);
    std::string lead;
    if (lead_node >= 0) {
        bool inside_body = false;
        for (int r : body.roots)
            if (lead_node >= r && lead_node < doc[r].end) inside_body = true;
        lead = lead_text(element_text(page, lead_node));
        if (!looks_like_lead(lead)) lead.clear();
        // Vietnamese outlets print the sapo as the article's opening
        // paragraph; elsewhere a standfirst under the headline is display
        // copy, not body text (the extraction benchmark's references agree).
        if (!lead.empty() && !inside_body && vietnamese &&
            !(paragraphs.size() && starts_with_text(paragraphs.front(), lead))) {
            paragraphs.insert(paragraphs.begin(), lead);
            emphasis.insert(emphasis.begin(), 0);
        }
    } else if (!paragraphs.empty()) {
        // No lead element: the metadata description, when the body opens with it.
        std::string d = !meta.description.empty() ? meta.description : ld.description;
        d = decode_metadata_entities(d);
        if (!d.empty() && starts_with_text(paragraphs.front(), d) && paragraphs.front().size() <= d.size() + 8)
            lead = paragraphs.front();
    }

    // The comment form and its notices leave the body, with all after them.
    for (std::size_t cut = reader_ui_start(paragraphs); paragraphs.size() > cut;) erase_paragraph(paragraphs.size() - 1);

    // A name set apart just after the article's container, bold or
    // right-aligned ("Theo X" plain), is read as if it ended the body.
    {
        Body after = lines_after_body(page, body);
        for (std::size_t i = 0; i < after.paragraphs.size(); ++i) {
            std::string line = text::nfc(after.paragraphs[i]);
            auto b = looks_like_name_line(line) ? parse_byline(line) : std::nullopt;
            if (!b || (!b->authors.empty() && !after.paragraph_emphasis[i])) break;
            paragraphs.push_back(std::move(line));
            emphasis.push_back(after.paragraph_emphasis[i]);
        }
    }

    // Author: a name alone on the last line leaves the body; "Theo X" too.
    std::vector<std::string> authors;
    std::string source;
    for (int round = 0; round < 2 && paragraphs.size() > 1; ++round) {
        const std::string& last = paragraphs.back();
        if (!looks_like_name_line(last)) break;
        auto b = parse_byline(last);
        if (!b) break;
        bool is_source = b->authors.empty();
        if (!is_source && !(emphasis.back() || vietnamese)) break;
        if (is_source) {
            if (source.empty()) source = b->source;
        } else if (authors.empty()) {
            authors = b->authors;
            if (source.empty()) source = b->source;
        } else {
            break;
        }
        erase_paragraph(paragraphs.size() - 1);
    }
    if (authors.empty()) {
        if (auto b = find_byline(page, headline, body)) {
            authors = b->authors;
            if (source.empty()) source = b->source;
        }
    }
    {
        std::vector<std::string> people = ld.authors;
        for (const auto& m : meta.authors)
            if (std::find(people.begin(), people.end(), m) == people.end()) people.push_back(decode_metadata_entities(m));
        split_sources(people, source);
        std::erase_if(people, [&](const std::string& p) { return is_publisher_name(p, meta, ld, meta.canonical.empty() ? options.url : meta.canonical); });
        if (!people.empty()) {
            std::string page_text = folded(doc.subtree_text(0, 1 << 22));
            people = visible_people(people, page_text);
        }
        // Metadata lists every writer where the visible byline shows one and
        // "1 more": take the longer list when it includes the visible names.
        bool covers = !people.empty() && people.size() > authors.size();
        for (const auto& v : authors) {
            bool found = false;
            for (const auto& p : people) found = found || same_text(p, v);
            covers = covers && found;
        }
        if (authors.empty() || covers) authors = people;
    }
    a.author = join(authors, ", ");
    a.source_organization = source;

    // Dates.
    std::vector<std::string> published = meta.published;
    if (!ld.published.empty()) published.insert(published.begin(), ld.published);
    auto machine = first_date(published, fetch_time);
    auto visible = find_visible_date(page, headline, body.root, fetch_time);
    if (machine || visible) {
        auto [d, raw] = choose_date(machine, visible);
        a.published = d.time;
        a.published_raw = raw;
    }
    std::vector<std::string> modified = meta.modified;
    if (!ld.modified.empty()) modified.insert(modified.begin(), ld.modified);
    if (auto m = first_date(modified, fetch_time); m && (!a.published || m->first.time >= *a.published))
        a.modified = m->first.time;

    a.description = lead;
    a.body = join(paragraphs, "\n\n");
    std::string url = !meta.canonical.empty() ? meta.canonical : !meta.og_url.empty() ? meta.og_url : ld.url;
    a.url = url.empty() ? options.url : resolve_url(url, options.url);
    a.section = !meta.section.empty() ? meta.section : ld.section;
    a.language = language;
    a.keywords = !ld.keywords.empty() ? ld.keywords : meta.keywords;

    if (options.outlet) apply_outlet_selectors(page, *options.outlet, fetch_time, a);
    if (!described_as_article && looks_like_listing(listing, a.published.has_value())) out.kind = PageKind::listing;

    // Text out: NFC, zero-width characters and stray U+FEFF removed.
    for (std::string* s : {&a.headline, &a.description, &a.body, &a.author, &a.source_organization, &a.section,
                           &a.published_raw})
        *s = text::nfc(*s);
    for (auto& k : a.keywords) k = text::nfc(k);
    return out;
}

}  // namespace presswatch::extract
