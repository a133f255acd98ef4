// bench_search_words: do words typed without quotes rank the articles where
// they stand together first? Indexes the real articles of
// ../shared/data/triage-dev (flags.jsonl, and the headlines with
// descriptions of mentions.jsonl) with presswatch's writer into a real
// Xapian index, runs common Vietnamese words of two to four syllables typed
// without quotes and without diacritics, and prints for each its precision
// at 10 (the share of the first ten results that hold the syllables
// together, in order, in one field) and whether any article without them
// ranks above one with them, with the ranking off (syllable by syllable, as
// before) and on, in the same run. The judge folds and splits the texts
// itself (text::fold, ASCII words), not through index/. Every third query,
// chosen before the ranking was written, is kept aside and reported apart.
// Skips cleanly where ../shared/data is absent.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "index/index.h"
#include "text/normalize.h"

using namespace presswatch;
namespace fs = std::filesystem;

namespace {

// Chosen before the ranking was written, from words common in news text,
// without looking at results; every third (i % 3 == 2) is kept aside.
const char* const queries[] = {
    "ha noi",    "cong an",     "moi truong",     "dat dai",   "song ma",  "nguoi dan",
    "chinh quyen", "giao thong", "hoc sinh",      "xay dung",  "nha nuoc", "thanh pho",
    "du an",     "chu tich",    "co quan",        "vi pham",   "gia dinh", "dieu tra",
    "bo y te",   "vien kiem sat", "uy ban nhan dan", "thi truong", "hop dong", "da nang",
};
constexpr std::size_t top = 10;
// Queries with fewer articles holding the phrase than this have a lower
// ceiling than 1 for precision at 10; they count in the normalised figure.
constexpr std::size_t enough = top;

// The judge's words of a text: folded, split on anything but a-z and 0-9.
std::vector<std::string> folded_words(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text::fold(text)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            cur += c;
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

// A string field of a JSON line; "" when absent or null.
std::string field(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

struct Article {
    std::vector<std::vector<std::string>> fields;  // headline, lead, body: a phrase never spans two
};

bool holds(const Article& a, const std::vector<std::string>& phrase) {
    for (const auto& f : a.fields)
        if (f.size() >= phrase.size() && std::search(f.begin(), f.end(), phrase.begin(), phrase.end()) != f.end())
            return true;
    return false;
}

struct Figures {
    double p10 = 0;     // precision at 10
    double ceiling = 0; // the best precision at 10 possible
    bool inverted = false;  // an article without the phrase above one with it
};

Figures judge(const std::vector<std::int64_t>& ranking, const std::map<std::int64_t, Article>& corpus,
              const std::vector<std::string>& phrase, std::size_t with_phrase) {
    Figures f;
    std::size_t good = 0;
    for (std::size_t i = 0; i < ranking.size() && i < top; ++i) good += holds(corpus.at(ranking[i]), phrase);
    f.p10 = static_cast<double>(good) / top;
    f.ceiling = static_cast<double>(std::min(with_phrase, top)) / top;
    bool seen_without = false;
    for (auto id : ranking) {
        bool h = holds(corpus.at(id), phrase);
        if (h && seen_without) f.inverted = true;
        seen_without |= !h;
    }
    return f;
}

}  // namespace

int main() {
    fs::path data = fs::path(PRESSWATCH_SOURCE_DIR) / ".." / "shared" / "data" / "triage-dev";
    if (!fs::exists(data / "flags.jsonl")) {
        std::cout << "bench_search_words: skipped (../shared/data/triage-dev absent)\n";
        return 0;
    }
    fs::path dir = fs::temp_directory_path() / "presswatch-bench-search-words";
    fs::remove_all(dir);
    std::map<std::int64_t, Article> corpus;
    {
        index::Writer w(dir);
        std::int64_t id = 0;
        for (const char* file : {"flags.jsonl", "mentions.jsonl"}) {
            std::ifstream in(data / file);
            for (std::string line; std::getline(in, line);) {
                if (line.empty()) continue;
                auto j = nlohmann::json::parse(line);
                index::Document d;
                d.id = ++id;
                d.url = field(j, "url");
                d.outlet = "vnexpress";
                d.headline = field(j, "title");
                d.lead = j.contains("description") ? field(j, "description") : field(j, "lead");
                d.body = field(j, "body");
                d.published = d.fetched = 1'700'000'000 + id * 3600;
                d.clipping = true;
                d.review = "new";
                w.put(d);
                corpus[d.id] = {{folded_words(d.headline), folded_words(d.lead), folded_words(d.body)}};
            }
        }
        w.commit();
    }
    index::Searcher searcher(dir);
    std::cout << fmt::format("bench_search_words: {} real articles (triage-dev), {} queries typed without quotes, "
                             "every third kept aside\n",
                             corpus.size(), std::size(queries));
    std::cout << fmt::format("{:<18}{:>6}{:>9}{:>8} |{:>9}{:>11} |{:>9}{:>11}\n", "query", "set", "phrase", "match",
                             "P@10 off", "inverted", "P@10 on", "inverted");
    struct Sum {
        double p10 = 0, normalised = 0;
        std::size_t n = 0, n_enough = 0, inverted = 0;
    };
    std::map<std::string, Sum> sums;  // "dev off", "held on", ...
    for (std::size_t i = 0; i < std::size(queries); ++i) {
        std::string q = queries[i];
        std::vector<std::string> phrase = folded_words(q);
        std::size_t with_phrase = 0;
        for (const auto& [id, a] : corpus) with_phrase += holds(a, phrase);
        std::string set = i % 3 == 2 ? "held" : "dev";
        std::cout << fmt::format("{:<18}{:>6}{:>9}", q, set, with_phrase);
        for (bool on : {false, true}) {
            index::SearchOptions o;
            o.limit = 1000;
            o.rank_adjacent = on;
            auto r = searcher.search(q, o);
            std::vector<std::int64_t> ranking;
            for (const auto& h : r.hits) ranking.push_back(h.id);
            Figures f = judge(ranking, corpus, phrase, with_phrase);
            if (!on) std::cout << fmt::format("{:>8} |", ranking.size());
            std::cout << fmt::format("{:>9.2f}{:>11} |", f.p10, f.inverted ? "yes" : "no");
            for (const std::string& s : {set, std::string("all")}) {
                Sum& sum = sums[s + (on ? " on" : " off")];
                ++sum.n;
                sum.normalised += f.ceiling > 0 ? f.p10 / f.ceiling : 1.0;
                sum.inverted += f.inverted;
                if (with_phrase >= enough) {
                    ++sum.n_enough;
                    sum.p10 += f.p10;
                }
            }
        }
        std::cout << "\n";
    }
    std::cout << fmt::format("\n{:<10}{:>8}{:>34}{:>30}{:>22}\n", "part", "ranking", "mean P@10 (queries with >= 10)",
                             "mean P@10 / its ceiling (all)", "queries inverted");
    for (const char* part : {"dev", "held", "all"})
        for (const char* mode : {"off", "on"}) {
            const Sum& s = sums[std::string(part) + " " + mode];
            std::cout << fmt::format("{:<10}{:>8}{:>26.3f} ({:>2} q){:>30.3f}{:>17} / {:>2}\n", part, mode,
                                     s.n_enough ? s.p10 / s.n_enough : 0.0, s.n_enough,
                                     s.n ? s.normalised / s.n : 0.0, s.inverted, s.n);
        }
    fs::remove_all(dir);
    return 0;
}
