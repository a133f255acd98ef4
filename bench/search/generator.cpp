#include "bench/search/generator.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/dates.h"
#include "text/normalize.h"
#include "text/tone_marks.h"

namespace presswatch::bench {
namespace {

// Vocabulary size and Zipf exponent: news text uses a few thousand
// syllables, the most common ("của", "và", "các", "được") each around 2-4%
// of running text, which s = 1.0 over 6,000 ranks reproduces.
constexpr std::size_t vocabulary_size = 6000;
constexpr double zipf_exponent = 1.0;
// Share of articles that republish an earlier one (a story), and how far
// back the original may be.
constexpr double republish_share = 0.15;
constexpr std::int64_t republish_window = 60;

const char* const onsets[] = {"",  "b",  "c",  "ch", "d",  "đ",  "g",  "gi", "h",  "k",  "kh", "l",  "m",
                              "n", "ng", "nh", "ph", "qu", "r",  "s",  "t",  "th", "tr", "v",  "x"};
const char* const nuclei[] = {"a",  "ă",  "â",  "e",  "ê",  "i",  "o",   "ô",   "ơ",   "u",  "ư",  "y",  "oa", "oe",
                              "uy", "uô", "ươ", "iê", "ia", "ua", "ưa",  "ai",  "ao",  "au", "ay", "âu", "ây", "oi",
                              "ôi", "ơi", "ui", "ưi", "eo", "êu", "iu",  "ưu",  "oai", "uôi", "ươi", "iêu"};
const char* const codas[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};
// Level tone (none), then huyền, sắc, hỏi, ngã, nặng as combining marks.
const char* const tones[] = {"", "\xCC\x80", "\xCC\x81", "\xCC\x89", "\xCC\x83", "\xCC\xA3"};

bool ends_in_glide(std::string_view n) {
    return n.size() > 1 && (n.back() == 'i' || n.back() == 'o' || n.back() == 'u' || n.back() == 'y');
}

std::string capitalise(const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    if (u.isEmpty()) return s;
    UChar32 c = u.char32At(0);
    u.replace(0, U16_LENGTH(c), u_toupper(c));
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::vector<std::string> make_syllables(std::mt19937_64& rng) {
    std::vector<std::string> all;
    for (const char* o : onsets)
        for (const char* n : nuclei)
            for (const char* c : codas) {
                std::string_view nv(n), cv(c);
                if (ends_in_glide(nv) && !cv.empty()) continue;
                if ((nv == "ă" || nv == "â") && cv.empty()) continue;
                bool stop = cv == "c" || cv == "ch" || cv == "p" || cv == "t";
                for (int t = 0; t < 6; ++t) {
                    if (stop && t != 2 && t != 5) continue;
                    // Mark after the nucleus' first letter; NFC composes it,
                    // canonical_tones moves it where Vietnamese puts it.
                    std::string first(nv.substr(0, nv[0] & 0x80 ? 2 : 1));
                    std::string s = std::string(o) + first + tones[t] + std::string(nv.substr(first.size())) + c;
                    all.push_back(text::canonical_tones(s));
                }
            }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    std::shuffle(all.begin(), all.end(), rng);
    all.resize(std::min(all.size(), vocabulary_size));
    return all;
}

}  // namespace

Generator::Generator(std::uint64_t seed) : seed_(seed) {
    std::mt19937_64 rng(seed);
    syllables_ = make_syllables(rng);
    double sum = 0;
    for (std::size_t r = 0; r < syllables_.size(); ++r) {
        sum += 1.0 / std::pow(static_cast<double>(r + 1), zipf_exponent);
        cumulative_.push_back(sum);
    }
    for (auto& c : cumulative_) c /= sum;
    for (int i = 1; i <= 30; ++i) outlets_.push_back(fmt_outlet(i));
    topics_ = {"chinh-tri", "kinh-te",  "dat-dai",  "moi-truong", "nong-nghiep", "giao-thong",
               "y-te",      "giao-duc", "van-hoa",  "du-lich",    "the-thao",    "lao-dong",
               "an-ninh",   "tai-nan",  "bao-chi",  "khoa-hoc",   "doanh-nghiep"};
    places_ = {"Thanh Hóa", "Thanh Hoá", "THANH HÓA", "Nghi Sơn", "Sầm Sơn", "Hà Nội", "Đà Nẵng", "Nghệ An"};
    first_day_ = text::days_from_civil(2024, 1, 1) * 86400 - text::vietnam_offset_seconds;
}

std::string Generator::fmt_outlet(int i) { return (i < 10 ? "bao0" : "bao") + std::to_string(i); }

std::vector<std::string> Generator::most_frequent_folded(std::size_t n) const {
    std::map<std::string, double> share;
    for (std::size_t r = 0; r < syllables_.size(); ++r)
        share[text::fold(syllables_[r])] += cumulative_[r] - (r ? cumulative_[r - 1] : 0.0);
    std::vector<std::pair<double, std::string>> by_share;
    for (const auto& [folded, p] : share) by_share.emplace_back(-p, folded);
    std::sort(by_share.begin(), by_share.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < std::min(n, by_share.size()); ++i) out.push_back(by_share[i].second);
    return out;
}

std::size_t Generator::zipf(std::mt19937_64& rng) const {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    auto it = std::lower_bound(cumulative_.begin(), cumulative_.end(), u);
    return std::min<std::size_t>(static_cast<std::size_t>(it - cumulative_.begin()), syllables_.size() - 1);
}

std::string Generator::words(std::mt19937_64& rng, int n, bool capitalise_first) const {
    std::string out;
    for (int i = 0; i < n; ++i) {
        if (i) out += ' ';
        const std::string& s = syllables_[zipf(rng)];
        out += i == 0 && capitalise_first ? capitalise(s) : s;
    }
    return out;
}

index::Document Generator::article(std::int64_t id) const {
    std::mt19937_64 rng(seed_ ^ (static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ull));
    std::uniform_real_distribution<double> unit(0, 1);
    index::Document d;
    d.id = id;
    d.outlet = outlets_[rng() % outlets_.size()];
    d.url = "https://" + d.outlet + ".example/" + std::to_string(id) + ".html";
    d.fetched = first_day_ + static_cast<std::int64_t>(rng() % days) * 86400 + static_cast<std::int64_t>(rng() % 86400);
    d.published = d.fetched - 600;
    d.clipping = unit(rng) < 0.6;
    d.flagged = d.clipping && unit(rng) < 0.12;
    d.review = unit(rng) < 0.3 ? "new" : "relevant";
    d.tone = unit(rng) < 0.2 ? "negative" : "neutral";
    int ntopics = 1 + static_cast<int>(rng() % 3);
    for (int i = 0; i < ntopics; ++i) {
        const std::string& t = topics_[rng() % topics_.size()];
        if (std::find(d.topics.begin(), d.topics.end(), t) == d.topics.end()) d.topics.push_back(t);
    }
    d.story = id;

    if (id > republish_window && unit(rng) < republish_share) {
        // The same story republished elsewhere: the original's text with a
        // few syllables changed and another outlet's sign-off.
        index::Document base = article(id - 1 - static_cast<std::int64_t>(rng() % republish_window));
        d.headline = base.headline;
        d.lead = base.lead;
        d.body = base.body;
        d.story = base.story;
        d.topics = base.topics;
        d.places = base.places;
        if (base.published) d.published = *base.published + static_cast<std::int64_t>(rng() % (2 * 86400));
        d.fetched = *d.published + 600;
        for (int edits = 0; edits < 8; ++edits) {
            std::size_t at = rng() % (d.body.size() + 1);
            std::size_t space = d.body.find(' ', at);
            if (space == std::string::npos) break;
            d.body.insert(space, " " + syllables_[zipf(rng)]);
        }
        d.body += "\n\nTheo " + d.outlet;
        return d;
    }

    bool place = unit(rng) < 0.3;
    std::string where = places_[rng() % places_.size()];
    if (place) d.places = {where};
    d.headline = words(rng, 8 + static_cast<int>(rng() % 9), true);
    if (place) d.headline += " " + where;
    d.lead = words(rng, 20 + static_cast<int>(rng() % 21), true) + ".";
    int body_syllables = 250 + static_cast<int>(rng() % 650);
    int written = 0, in_paragraph = 0;
    while (written < body_syllables) {
        int n = 10 + static_cast<int>(rng() % 16);
        if (!d.body.empty()) d.body += in_paragraph == 0 ? "\n\n" : " ";
        d.body += words(rng, n, true);
        if (place && unit(rng) < 0.15) d.body += " ở " + where;
        d.body += unit(rng) < 0.1 ? ", " + words(rng, 4, false) + "." : ".";
        written += n;
        in_paragraph = (in_paragraph + 1) % (3 + static_cast<int>(rng() % 4));
    }
    d.author = capitalise(syllables_[rng() % 300]) + " " + capitalise(syllables_[rng() % 300]);
    return d;
}

std::string Generator::phrase_from(std::int64_t id, int n, std::mt19937_64& rng) const {
    index::Document d = article(id);
    std::vector<std::string> words;
    std::string w;
    for (char c : d.body + " ") {
        bool sep = c == ' ' || c == '\n' || c == '.' || c == ',';
        if (!sep) w += c;
        else if (!w.empty()) {
            words.push_back(w);
            w.clear();
        }
    }
    if (static_cast<int>(words.size()) < n) return words.empty() ? "" : words.front();
    std::size_t at = rng() % (words.size() - static_cast<std::size_t>(n) + 1);
    std::string out;
    for (int i = 0; i < n; ++i) out += (i ? " " : "") + words[at + static_cast<std::size_t>(i)];
    return out;  // as written, with its diacritics
}

}  // namespace presswatch::bench
