#pragma once
// Checks an extracted Article against a vn-dev sidecar (../shared/data/
// vn-dev/html/*.json: what a careful reader reads off the page). Shared by
// bench_extract and the vn-dev test so both judge a page the same way.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/article.h"
#include "text/dates.h"
#include "text/normalize.h"

namespace presswatch::vn_dev {

struct Check {
    std::string page;
    bool headline = false, date = false, author = false, first_sentence = false, last_sentence = false;
    std::string got_headline, got_date, got_author, got_first, got_last;
    std::string want_headline, want_date, want_author, want_first, want_last;
};

// NFC with every run of whitespace made one space, trimmed.
inline std::string squeeze(const std::string& s) {
    std::string n = text::nfc(s), out;
    for (char c : n) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

inline std::vector<std::string> paragraphs_of(const std::string& body) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t end = body.find("\n\n", start);
        std::string p = squeeze(body.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (!p.empty()) out.push_back(p);
        if (end == std::string::npos) break;
        start = end + 2;
    }
    return out;
}

// The body proper: without the lead (the sidecar's) and without the short
// unpunctuated headings that may stand before the first sentence.
inline std::string body_proper(const std::string& body, const std::string& lead, const std::string& first) {
    auto paras = paragraphs_of(body);
    // Compared on letters and digits alone: a dateline set in its own
    // element comes out as "Hà Nội - Bộ..." where a reader's copy of the
    // lead may read "Hà Nội Bộ..." or "Hà NộiBộ...".
    auto letters = [](const std::string& s) {
        std::string out;
        for (unsigned char c : s)
            if (c >= 0x80 || std::isalnum(c)) out.push_back(static_cast<char>(c));
        return out;
    };
    std::string l = letters(squeeze(lead));
    std::size_t i = 0;
    if (i < paras.size() && !l.empty()) {
        std::string p = letters(paras[i]);
        if (p == l || l.starts_with(p) || p.starts_with(l)) ++i;
    }
    const std::string f = squeeze(first).substr(0, 30);
    while (i < paras.size() && paras[i].size() < 200 && !paras[i].starts_with(f)) {
        char last = paras[i].back();
        if (last == '.' || last == '!' || last == '?' || last == ':') break;
        ++i;
    }
    std::string out;
    for (; i < paras.size(); ++i) {
        if (!out.empty()) out += ' ';
        out += paras[i];
    }
    return out;
}

inline std::string text_field(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline Check check(const std::string& page, const Article& a, const nlohmann::json& want) {
    Check c;
    c.page = page;
    c.want_headline = squeeze(text_field(want, "title"));
    c.got_headline = squeeze(a.headline);
    c.headline = c.want_headline == c.got_headline;
    c.want_date = text_field(want, "datePublished").substr(0, 16);
    c.got_date = a.published ? text::iso8601(*a.published).substr(0, 16) : "null";
    c.date = c.want_date == c.got_date;
    c.want_author = squeeze(text_field(want, "author"));
    c.got_author = squeeze(a.author);
    c.author = c.want_author == c.got_author;
    c.want_first = squeeze(text_field(want, "first_sentence"));
    c.want_last = squeeze(text_field(want, "last_sentence"));
    std::string body = body_proper(a.body, text_field(want, "lead"), c.want_first);
    c.got_first = body.substr(0, std::min<std::size_t>(body.size(), c.want_first.size() + 20));
    c.got_last = body.size() > c.want_last.size() + 20 ? body.substr(body.size() - c.want_last.size() - 20) : body;
    c.first_sentence = !c.want_first.empty() && body.starts_with(c.want_first);
    c.last_sentence = !c.want_last.empty() && body.ends_with(c.want_last);
    return c;
}

// The pages of vn-dev with their sidecars: (html path, sidecar JSON), all
// kinds ("article", "home", "section_listing") or only `kind`.
inline std::vector<std::pair<std::filesystem::path, nlohmann::json>> pages_of_kind(const std::filesystem::path& dir,
                                                                                  const std::string& kind) {
    std::vector<std::pair<std::filesystem::path, nlohmann::json>> out;
    if (!std::filesystem::is_directory(dir)) return out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() != ".html") continue;
        auto sidecar = e.path();
        sidecar.replace_extension(".json");
        std::ifstream in(sidecar);
        if (!in) continue;
        nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
        if (j.is_discarded() || (!kind.empty() && text_field(j, "page_type") != kind)) continue;
        out.emplace_back(e.path(), std::move(j));
    }
    std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    return out;
}

inline std::vector<std::pair<std::filesystem::path, nlohmann::json>> article_pages(const std::filesystem::path& dir) {
    return pages_of_kind(dir, "article");
}

// The article pages kept aside from development: every third in sorted file
// order (the i-th of article_pages()), chosen before the rules were written.
// Tests assert on the development part only; bench_extract reports both.
inline bool kept_aside(std::size_t i) { return (i + 1) % 3 == 0; }

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace presswatch::vn_dev
