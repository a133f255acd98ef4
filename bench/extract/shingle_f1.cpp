#include "shingle_f1.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <map>

namespace presswatch::bench {
namespace {

bool word_char(UChar32 c) {
    if (c == '_') return true;
    if (u_isalpha(c)) return true;
    int8_t t = u_charType(c);
    return t == U_DECIMAL_DIGIT_NUMBER || t == U_LETTER_NUMBER || t == U_OTHER_NUMBER;
}

using Shingles = std::map<std::string, int>;

Shingles shingles(const std::string& text) {
    auto w = words(text);
    Shingles out;
    if (w.empty()) return out;
    constexpr std::size_t n = 4;
    if (w.size() < n) {
        std::string key;
        for (auto& x : w) key += x + '\x1f';
        ++out[key];
        return out;
    }
    for (std::size_t i = 0; i + n <= w.size(); ++i) {
        std::string key;
        for (std::size_t k = 0; k < n; ++k) key += w[i + k] + '\x1f';
        ++out[key];
    }
    return out;
}

}  // namespace

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    const int32_t len = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < len;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(text.data(), i, len, c);
        if (c >= 0 && word_char(c)) {
            cur.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

double PageScore::precision() const {
    if (fp == 0 && fn == 0) return 1.0;
    return tp + fp > 0 ? tp / (tp + fp) : 0.0;
}
double PageScore::recall() const {
    if (fp == 0 && fn == 0) return 1.0;
    return tp + fn > 0 ? tp / (tp + fn) : 0.0;
}
double PageScore::f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

PageScore score_page(const std::string& truth, const std::string& predicted) {
    Shingles t = shingles(truth), p = shingles(predicted);
    double tp = 0, fp = 0, fn = 0;
    for (auto& [k, n] : t) {
        auto it = p.find(k);
        int m = it == p.end() ? 0 : it->second;
        tp += std::min(n, m);
        fn += n - std::min(n, m);
    }
    for (auto& [k, n] : p) {
        auto it = t.find(k);
        int m = it == t.end() ? 0 : it->second;
        fp += n - std::min(n, m);
    }
    double s = tp + fp + fn;
    if (s == 0) return {};
    return {tp / s, fp / s, fn / s};
}

Totals aggregate(const std::vector<PageScore>& pages) {
    double ps = 0, rs = 0;
    int np = 0, nr = 0;
    for (const auto& x : pages) {
        if (x.tp + x.fp > 0) {
            ps += x.precision();
            ++np;
        }
        if (x.tp + x.fn > 0) {
            rs += x.recall();
            ++nr;
        }
    }
    Totals t;
    t.precision = np ? ps / np : 0;
    t.recall = nr ? rs / nr : 0;
    t.f1 = t.precision + t.recall > 0 ? 2 * t.precision * t.recall / (t.precision + t.recall) : 0;
    return t;
}

}  // namespace presswatch::bench
