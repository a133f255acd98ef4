#include "bench/search/query_mix.h"

#include <algorithm>
#include <cmath>
#include <random>

#include <fmt/format.h>

#include "bench/search/fts5_baseline.h"
#include "text/dates.h"
#include "text/normalize.h"

namespace presswatch::bench {
namespace {

std::string day_string(std::int64_t t) {
    std::string iso = text::iso_date(t);
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

}  // namespace

std::vector<Query> query_mix(const Generator& gen, std::int64_t articles) {
    std::mt19937_64 rng(7);
    // The words typed together draw from their own generator, so that the
    // other classes' queries stay those of earlier runs.
    std::mt19937_64 words_rng(11);
    std::vector<Query> out;
    auto word = [&] { return gen.syllable(30 + rng() % 2000); };
    auto id = [&] { return static_cast<std::int64_t>(1 + rng() % static_cast<std::uint64_t>(articles)); };
    for (std::size_t i = 0; i < queries_per_class; ++i) {
        std::string w = word();
        out.push_back({"one word", w, {}, [w](auto& f) { return f.words(w); }});

        std::string p = gen.phrase_from(id(), 2 + static_cast<int>(rng() % 2), rng);
        std::string quoted = "\"" + p + "\"";
        out.push_back({"phrase", quoted, {}, [quoted](auto& f) { return f.words(quoted); }});
        std::string folded = "\"" + text::fold(p) + "\"";
        out.push_back({"phrase, no diacritics", folded, {}, [folded](auto& f) { return f.words(folded); }});

        std::string common = "\"" + gen.syllable(rng() % 6) + " " + gen.syllable(rng() % 6) + "\"";
        out.push_back({"phrase, most common syllables", common, {}, [common](auto& f) { return f.words(common); }});

        std::string o = gen.outlets()[rng() % gen.outlets().size()], t = gen.topics()[rng() % gen.topics().size()];
        std::string fw = word();
        out.push_back({"words + 2 filters", fmt::format("{} outlet:{} topic:{}", fw, o, t), {},
                       [fw, o, t](auto& f) { return f.filtered(fw, o, t); }});

        std::int64_t from = gen.first_day() + static_cast<std::int64_t>(rng() % (Generator::days - 90)) * 86400;
        std::string a = day_string(from), b = day_string(from + 89 * 86400);
        std::string dw = word();
        index::SearchOptions facets;
        facets.facets = true;
        std::string range = fmt::format("{} date:{}-{}-{}..{}-{}-{}", dw, a.substr(0, 4), a.substr(4, 2), a.substr(6),
                                        b.substr(0, 4), b.substr(4, 2), b.substr(6));
        out.push_back({"date range + facets", range, facets, [dw, a, b](auto& f) { return f.date_facets(dw, a, b); }});

        // Two or three syllables that stand together in some article,
        // typed without quotes or diacritics, as people type Vietnamese
        // words: the articles holding them together rank first
        // (index/query.cpp). The same queries ranked one syllable at a time,
        // as before, are this run's baseline for them.
        std::string together = text::fold(gen.phrase_from(
            static_cast<std::int64_t>(1 + words_rng() % static_cast<std::uint64_t>(articles)),
            2 + static_cast<int>(words_rng() % 2), words_rng));
        out.push_back({"words typed together", together, {}, [together](auto& f) { return f.words(together); }});
        index::SearchOptions one_by_one;
        one_by_one.rank_adjacent = false;
        out.push_back({"same, one syllable at a time", together, one_by_one,
                       [together](auto& f) { return f.words(together); }});

        std::string cw = word();
        index::SearchOptions by_date;
        by_date.sort = index::SortOrder::date;
        by_date.collapse = true;
        out.push_back({"date order + collapse", cw, by_date, [cw](auto& f) { return f.date_collapsed(cw); }});
    }
    return out;
}

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    std::size_t i = static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size()))) - 1;
    return v[std::min(i, v.size() - 1)];
}

}  // namespace presswatch::bench
