#include <catch2/catch.hpp>

#include <map>

#include <xapian.h>

#include "corpus.h"
#include "index/index.h"
#include "index/schema.h"
#include "index/terms.h"
#include "index/fold_stemmer.h"
#include "text/normalize.h"

using presswatch::index::word_forms;

namespace {

// The words WordScanner gives for text, in order.
std::vector<std::string> words(std::string_view text) {
    presswatch::index::WordScanner scan(text);
    std::vector<std::string> out;
    std::string_view w;
    while (scan.next(w)) out.emplace_back(w);
    return out;
}

}  // namespace

TEST_CASE("a word's exact form has its tone mark in the canonical place, lowercase", "[index][tone]") {
    struct Row {
        const char* input;
        const char* expected;
    };
    const Row rows[] = {
        {"Hóa", "hoá"},   {"Hoá", "hoá"},     {"hòa", "hoà"},     {"hoà", "hoà"},   {"Qúy", "quý"},
        {"Quý", "quý"},   {"khỏe", "khoẻ"},   {"khoẻ", "khoẻ"},   {"Thủy", "thuỷ"}, {"Thuỷ", "thuỷ"},
        {"Ủy", "uỷ"},     {"Uỷ", "uỷ"},       {"họa", "hoạ"},     {"hoạ", "hoạ"},   {"HÓA", "hoá"},
        // Already canonical, or one vowel, or a quality-marked vowel: unchanged.
        {"người", "người"}, {"giữa", "giữa"}, {"quốc", "quốc"},   {"quyền", "quyền"}, {"khuỷu", "khuỷu"},
        {"gìn", "gìn"},   {"nghiêng", "nghiêng"}, {"hoàng", "hoàng"}, {"toán", "toán"}, {"mía", "mía"},
        {"múa", "múa"},   {"của", "của"},     {"Nẵng", "nẵng"},   {"Đường", "đường"}, {"2026", "2026"},
    };
    for (const auto& r : rows) {
        INFO(r.input);
        CHECK(word_forms(r.input).exact == r.expected);
    }
}

TEST_CASE("words are runs of letters, marks and digits, and anything else separates them", "[index][terms]") {
    using V = std::vector<std::string>;
    CHECK(words("“Hóa”, (hòa)!") == V{"Hóa", "hòa"});
    CHECK(words("Nghi Sơn 2026") == V{"Nghi", "Sơn", "2026"});
    CHECK(words("covid-19, 1.000 tỷ") == V{"covid", "19", "1", "000", "tỷ"});
    CHECK(words("ho\xCC\x81" "a") == V{"ho\xCC\x81" "a"});  // NFD: the mark stays in the word
    CHECK(words("a\xFF" "b") == V{"a", "b"});                  // invalid UTF-8 separates
    CHECK(words(std::string(65, 'x') + " ok") == V{"ok"});      // over max_word_bytes: skipped
    CHECK(words("  ").empty());
}

TEST_CASE("the word scanner cuts glued words as triage does, and keeps real mixed-case words whole",
          "[index][terms][glued]") {
    using V = std::vector<std::string>;
    CHECK(words("Thanh HóaNhiều giáo viên") == V{"Thanh", "Hóa", "Nhiều", "giáo", "viên"});
    CHECK(words("HóaNhiềuGiáo") == V{"Hóa", "Nhiều", "Giáo"});
    CHECK(words("McDonald iPhone YouTube TP.HCM") == V{"McDonald", "iPhone", "YouTube", "TP", "HCM"});
    CHECK(words("nhiềuNgười") == V{"nhiềuNgười"});
}

TEST_CASE("folded and exact terms of text, in order", "[index][terms]") {
    using presswatch::index::TermForm;
    using presswatch::index::text_terms;
    using V = std::vector<std::string>;
    CHECK(text_terms("Thanh-Hóa", "", TermForm::folded) == V{"Zthanh", "Zhoa"});
    CHECK(text_terms("THANH HOÁ", "", TermForm::folded) == V{"Zthanh", "Zhoa"});
    CHECK(text_terms("Đà Nẵng", "", TermForm::folded) == V{"Zda", "Znang"});
    CHECK(text_terms("Thanh Hóa", "", TermForm::exact) == V{"thanh", "hoá"});
    CHECK(text_terms("Thanh Hoá", "", TermForm::exact) == V{"thanh", "hoá"});
    CHECK(text_terms("covid-19", "", TermForm::folded) == V{"Zcovid", "Z19"});
    CHECK(text_terms("Hòa", "S", TermForm::folded) == V{"ZShoa"});
    // NFD input (combining marks) gives the same terms as NFC.
    CHECK(text_terms("Tha\xCC\x81nh", "", TermForm::exact) == V{"thánh"});
    CHECK(text_terms("Ho\xCC\x81" "a", "", TermForm::exact) == V{"hoá"});
}

TEST_CASE("the fast term fold agrees with text::fold", "[index][fold]") {
    for (const char* w : {"hóa", "HOÁ", "đường", "Đà", "nẵng", "quốc", "ưu", "thanh", "covid-19", "ạ",
                          "ho\xCC\x81" "a" /* NFD */, "ελλάδα", "東京", "naïve", "ÿ", ""}) {
        INFO(w);
        CHECK(presswatch::index::fold_term(w) == presswatch::text::fold(w));
    }
}

TEST_CASE("a document's word terms carry each field's occurrences summed, headline words weighted",
          "[index][terms]") {
    // The writer sums a word's occurrences before adding its terms; the
    // within-document frequencies (wdf) must be what one term per
    // occurrence would give. "Hòa" and "hoà" are two spellings of one
    // exact form; "HÒA" a third.
    using presswatch::index::schema::headline_wdf;
    presswatch::testing::TempDir dir;
    auto d = presswatch::testing::doc(1, "vnexpress", "Hòa hoà bình", "hòa HÒA giải hoa", 1'790'000'000);
    d.lead = "bình hòa";
    d.author = "Lê Hòa";
    {
        presswatch::index::Writer w(dir.path());
        w.put(d);
        w.commit();
    }
    Xapian::Database db(dir.path().string());
    std::map<std::string, Xapian::termcount> wdf;
    for (auto t = db.termlist_begin(1); t != db.termlist_end(1); ++t) wdf[*t] = t.get_wdf();
    const std::map<std::string, Xapian::termcount> expected_words = {
        // hoà: twice in the headline, once in the lead, twice in the body;
        // plain terms sum all three, and "hoa" folds alike.
        {"Zhoa", 2 * headline_wdf + 1 + 3},
        {"hoà", 2 * headline_wdf + 1 + 2},
        {"hoa", 1},
        {"ZShoa", 2 * headline_wdf},
        {"Shoà", 2 * headline_wdf},
        {"ZXLhoa", 1},
        {"XLhoà", 1},
        {"Zbinh", headline_wdf + 1},
        {"bình", headline_wdf + 1},
        {"ZSbinh", headline_wdf},
        {"ZXLbinh", 1},
        {"Zgiai", 1},
        {"giải", 1},
        // the author is searched by author: only
        {"ZAhoa", 1},
        {"Ahoà", 1},
        {"ZAle", 1},
        {"Alê", 1},
    };
    for (const auto& [term, n] : expected_words) {
        INFO(term);
        REQUIRE(wdf.count(term) == 1);
        CHECK(wdf[term] == n);
    }
    CHECK(wdf.count("Zle") == 0);
}
