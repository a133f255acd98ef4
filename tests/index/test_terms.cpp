#include <catch2/catch.hpp>

#include "index/terms.h"
#include "index/fold_stemmer.h"
#include "text/normalize.h"

using presswatch::index::word_forms;

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
    auto words = [](std::string_view text) {
        presswatch::index::WordScanner scan(text);
        V out;
        std::string_view w;
        while (scan.next(w)) out.emplace_back(w);
        return out;
    };
    CHECK(words("“Hóa”, (hòa)!") == V{"Hóa", "hòa"});
    CHECK(words("Nghi Sơn 2026") == V{"Nghi", "Sơn", "2026"});
    CHECK(words("covid-19, 1.000 tỷ") == V{"covid", "19", "1", "000", "tỷ"});
    CHECK(words("ho\xCC\x81" "a") == V{"ho\xCC\x81" "a"});  // NFD: the mark stays in the word
    CHECK(words("a\xFF" "b") == V{"a", "b"});                  // invalid UTF-8 separates
    CHECK(words(std::string(65, 'x') + " ok") == V{"ok"});      // over max_word_bytes: skipped
    CHECK(words("  ").empty());
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
