// Who wrote the article: byline elements, and the Vietnamese habit of the
// writer's name alone on the last line of the body.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "extract/extract_steps.h"
#include "text/normalize.h"

namespace presswatch::extract {
namespace {

constexpr std::size_t max_byline_bytes = 160;
// A person's name is a few words; a writer list a handful of names.
constexpr int max_name_words = 6;
constexpr std::size_t max_name_line_bytes = 80;
constexpr int max_nodes_after_headline = 800;

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

// Trims separators a byline leaves at its ends ("Hà Thu -", "| By").
std::string_view trim_separators(std::string_view s) {
    auto sep = [](char c) { return c == ' ' || c == '-' || c == '|' || c == ',' || c == ':' || c == '\n' || c == '/'; };
    while (!s.empty() && sep(s.front())) s.remove_prefix(1);
    while (!s.empty() && sep(s.back())) s.remove_suffix(1);
    // U+2013/U+2014 dashes
    while (s.size() >= 3 && (s.ends_with("\xE2\x80\x93") || s.ends_with("\xE2\x80\x94"))) s = trim(s.substr(0, s.size() - 3));
    return s;
}

// Words that stand between a byline's names and the date that ends it:
// "Reuters November 19", "IGN Staff Updated: Nov 22", "Nguyên Minh - Thứ
// bảy, 07/03/2026". Compared without case (ASCII) and trailing punctuation.
constexpr std::string_view date_words[] = {
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "updated", "published", "posted", "modified", "last", "on", "at",
    "ngày", "lúc", "cập nhật", "đăng", "đăng lúc", "đăng ngày", "thứ hai", "thứ ba", "thứ tư", "thứ năm",
    "thứ sáu", "thứ bảy", "chủ nhật"};

// Lower case for ASCII and for Đ, the one non-ASCII capital a date word starts with.
std::string lower_date_word(std::string_view w) {
    std::string out;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (w.substr(i).starts_with("\xC4\x90")) {  // Đ
            out += "\xC4\x91";
            ++i;
        } else {
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(w[i]))));
        }
    }
    return out;
}

// Drops date words from the end of a byline cut before its date's digits.
std::string_view trim_date_words(std::string_view s) {
    for (bool again = true; again;) {
        again = false;
        std::string_view t = s;
        while (!t.empty() && (t.back() == ' ' || t.back() == '.' || t.back() == ',' || t.back() == ':' ||
                              t.back() == '-' || t.back() == '|' || t.back() == '/'))
            t.remove_suffix(1);
        for (std::string_view w : date_words) {
            // Two-word phrases ("thứ bảy") are matched as one.
            if (t.size() < w.size()) continue;
            std::string_view tail = t.substr(t.size() - w.size());
            bool boundary = t.size() == w.size() || t[t.size() - w.size() - 1] == ' ';
            if (boundary && lower_date_word(tail) == w) {
                s = t.substr(0, t.size() - w.size());
                again = true;
                break;
            }
        }
    }
    return s;
}

bool starts_with_word(std::string_view s, std::string_view w) {
    if (s.size() < w.size()) return false;
    for (std::size_t i = 0; i < w.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(w[i])))
            return false;
    return s.size() == w.size() || s[w.size()] == ' ' || s[w.size()] == ':';
}

// Every word starts with an upper-case letter (or is a joiner like "và",
// an initial, "-"); there is no digit and no sentence punctuation.
bool name_words(std::string_view s) {
    int words = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        if (i >= s.size()) break;
        std::size_t start = i;
        while (i < s.size() && s[i] != ' ') ++i;
        std::string_view w = s.substr(start, i - start);
        if (w == "-" || w == "và" || w == "and" || w == "&" || w == "," || w == "de" || w == "van" || w == "von")
            continue;
        int32_t k = 0;
        UChar32 c;
        U8_NEXT(w.data(), k, static_cast<int32_t>(w.size()), c);
        if (c < 0 || !u_isupper(c)) return false;
        ++words;
    }
    if (words == 0 || words > max_name_words * 3) return false;
    for (char c : s)
        if ((c >= '0' && c <= '9') || c == '?' || c == '!' || c == ';' || c == '"' || c == ':') return false;
    return true;
}

std::vector<std::string> split_names(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&]() {
        std::string_view t = trim_separators(cur);
        if (!t.empty()) out.emplace_back(t);
        cur.clear();
    };
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == ',' || s[i] == ';') {
            flush();
            ++i;
        } else {
            std::size_t joiner = 0;
            for (std::string_view w : {std::string_view(" và "), std::string_view(" and "), std::string_view(" & ")})
                if (s.substr(i, w.size()) == w) joiner = w.size();
            if (joiner) {
                flush();
                i += joiner;
            } else {
                cur.push_back(s[i++]);
            }
        }
    }
    flush();
    return out;
}

// Role words before a byline's names ("Tin, ảnh: X", "Nhóm PV: X"): the
// longer forms first, so "Tin, ảnh" is not read as "Tin" and a name.
constexpr std::string_view role_prefixes[] = {
    "Bài và ảnh", "Bài, ảnh", "Bài - ảnh", "Bài/ảnh", "Tin và ảnh", "Tin, ảnh", "Tin - ảnh", "Tin/ảnh",
    "Nhóm phóng viên", "Nhóm PV", "Nhóm tác giả", "Phóng viên", "Ghi chép", "Thực hiện", "Bài", "Tin",
    "PV", "Tác giả", "Người viết", "By", "Written by", "Posted by", "Text", "Words"};

// Credits after the writer's name that name someone else's work:
// "X - Ảnh: Y", "X; Video: Y".
constexpr std::string_view other_credits[] = {"Ảnh:", "ảnh:", "Ảnh :", "Video:", "Clip:", "Đồ họa:", "Đồ hoạ:",
                                              "Photo:", "Photos:"};

// Outlets cited after "Theo": words that name an organisation, and the
// common Vietnamese and foreign outlets whose names look like a person's
// (two capitalised syllables). Folded (no marks, lower case).
constexpr std::string_view outlet_words[] = {
    "bao", "tap chi", "dai", "kenh", "cong", "trang", "thong tan", "hang", "to", "bo", "so", "ubnd", "ban", "cuc",
    "vien", "trung tam", "hoi", "tong cuc", "cong ty", "tap doan", "times", "post", "news", "journal", "daily",
    "herald", "tribune", "guardian", "telegraph", "press", "agency", "magazine", "online", "tv", "radio", "media"};
constexpr std::string_view outlet_names[] = {
    "tuoi tre", "thanh nien", "dan tri", "lao dong", "tien phong", "nhan dan", "nguoi lao dong", "phap luat",
    "cong an nhan dan", "quan doi nhan dan", "sai gon giai phong", "ha noi moi", "dan viet", "dan sinh",
    "dai bieu nhan dan", "dau tu", "giao duc thoi dai", "tin tuc", "the thao van hoa", "nong nghiep viet nam",
    "kinh te do thi", "an ninh thu do", "viet nam", "chinh phu", "xay dung", "cong thuong", "vietnamnet",
    "vnexpress", "vietnamplus", "zing", "znews", "kenh14", "soha", "cafef", "cafebiz", "genk", "vtc news",
    "thanh hoa", "reuters", "bloomberg", "xinhua", "yonhap", "kyodo", "al jazeera", "sputnik", "nikkei"};

// After "Theo": a person (a republished article's writer) or an outlet (the
// source)? A person's name is two to five capitalised words, with no
// organisation word and not a known outlet; an acronym ("VTV", "TTXVN") or
// a lower-case word ("Đời sống Pháp luật") makes an outlet.
bool looks_like_person(std::string_view name) {
    if (!name_words(name)) return false;
    const std::string f = text::fold(name);
    for (std::string_view o : outlet_names)
        if (f == o) return false;
    int words = 0;
    bool all_caps = true;
    std::size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && name[i] == ' ') ++i;
        if (i >= name.size()) break;
        std::size_t start = i;
        while (i < name.size() && name[i] != ' ') ++i;
        std::string_view w = name.substr(start, i - start);
        ++words;
        for (std::size_t k = 0; k < w.size();) {
            int32_t pos = static_cast<int32_t>(k);
            UChar32 c;
            U8_NEXT(w.data(), pos, static_cast<int32_t>(w.size()), c);
            k = static_cast<std::size_t>(pos);
            if (c > 0 && u_islower(c)) all_caps = false;
            if (c > 0 && !u_isalpha(c) && c != '.' && c != '-' && c != '\'') return false;
        }
    }
    if (words < 2 || words > 5) return false;
    if (all_caps && words < 2) return false;
    for (std::string_view o : outlet_words) {
        // As a whole word of the folded name.
        for (std::size_t p = f.find(o); p != std::string::npos; p = f.find(o, p + 1)) {
            bool left = p == 0 || f[p - 1] == ' ';
            bool right = p + o.size() == f.size() || f[p + o.size()] == ' ';
            if (left && right) return false;
        }
    }
    return true;
}

}  // namespace

std::optional<Byline> parse_byline(std::string_view text) {
    std::string_view s = trim(text);
    if (s.empty() || s.size() > max_byline_bytes) return std::nullopt;
    Byline b;
    b.raw = std::string(s);
    // A date written in the byline line ends the names ("Nguyên Minh - 07/03/2026").
    if (auto d = std::find_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); d != s.end())
        s = trim_date_words(s.substr(0, static_cast<std::size_t>(d - s.begin())));
    std::string cleaned;
    // Parentheses hold roles or sources: "(tổng hợp)", "(Theo Reuters)".
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '(') {
            std::size_t close = s.find(')', i);
            std::string_view inner = s.substr(i + 1, close == std::string_view::npos ? std::string_view::npos : close - i - 1);
            inner = trim(inner);
            if (starts_with_word(inner, "Theo") || starts_with_word(inner, "Nguồn"))
                b.source = std::string(trim(inner.substr(inner.find(' ') == std::string_view::npos ? inner.size() : inner.find(' '))));
            if (close == std::string_view::npos) break;
            i = close;
            continue;
        }
        cleaned.push_back(s[i]);
    }
    std::string_view c = trim_separators(cleaned);
    for (std::string_view prefix : role_prefixes) {
        if (starts_with_word(c, prefix)) {
            c = trim_separators(c.substr(prefix.size()));
            break;
        }
    }
    // "Tường Minh - Ảnh: Đỗ Hiền": the photographer is not a writer.
    for (std::string_view credit : other_credits)
        if (auto p = c.find(credit); p != std::string_view::npos && p > 0) c = trim_separators(c.substr(0, p));
    if (starts_with_word(c, "Theo") || starts_with_word(c, "Nguồn") || starts_with_word(c, "Source")) {
        // "Theo" alone (its name cut off with a date) names no source.
        std::size_t sp = c.find_first_of(" :");
        if (sp == std::string_view::npos) return std::nullopt;
        std::string name(trim_separators(c.substr(sp)));
        if (name.empty()) return std::nullopt;
        // "Theo Hồ Hương": a person is the writer; "Theo VTV" names the source.
        if (starts_with_word(c, "Theo") && looks_like_person(name)) b.authors = {name};
        else b.source = std::move(name);
        return b;
    }
    if (starts_with_word(c, "Ảnh") || starts_with_word(c, "Photo") || starts_with_word(c, "Video")) return std::nullopt;
    // "X và 1 tác giả khác" was cut at the digit: the others are listed
    // elsewhere (metadata). Drop the dangling joiner.
    for (std::string_view j : {std::string_view(" và"), std::string_view(" and"), std::string_view(" &")})
        if (c.ends_with(j)) c = trim_separators(c.substr(0, c.size() - j.size()));
    if (c.empty() || c.size() > max_name_line_bytes || !name_words(c)) return std::nullopt;
    b.authors = split_names(c);
    if (b.authors.empty()) return std::nullopt;
    return b;
}

bool looks_like_name_line(std::string_view text) {
    std::string_view s = trim(text);
    if (s.empty() || s.size() > max_name_line_bytes || s.find('\n') != std::string_view::npos) return false;
    if (s.back() == '.' && !(s.size() >= 2 && s[s.size() - 2] >= 'A' && s[s.size() - 2] <= 'Z')) return false;
    auto b = parse_byline(s);
    return b.has_value();
}

std::optional<Byline> find_byline(const PageModel& page, int headline, const Body& body) {
    const HtmlDocument& doc = page.doc;
    int from = headline >= 0 ? headline : (body.root >= 0 ? std::max(0, body.root - 200) : 0);
    int to = std::min(doc.size(), (headline >= 0 ? doc[headline].end : from) + max_nodes_after_headline);
    if (body.root >= 0) to = std::max(to, std::min(doc.size(), doc[body.root].end + 200));
    std::optional<Byline> found;
    page.find_visible(from, to, [&](int i) {
        std::string c = doc.class_and_id(i);
        std::string_view rel = doc.attr(i, "rel");
        std::string_view prop = doc.attr(i, "itemprop");
        bool hinted = rel == "author" || prop == "author" || c.find("author") != std::string::npos ||
                      c.find("byline") != std::string::npos || c.find("writer") != std::string::npos ||
                      c.find("tacgia") != std::string::npos || c.find("tac-gia") != std::string::npos ||
                      c.find("reporter") != std::string::npos;
        if (!hinted || page.text_bytes[i] == 0 || page.text_bytes[i] > static_cast<int>(max_byline_bytes))
            return false;
        found = parse_byline(doc.subtree_text(i, max_byline_bytes * 2));
        if (found && found->authors.empty()) found.reset();
        return found.has_value();
    });
    return found;
}

}  // namespace presswatch::extract
