#include <catch2/catch.hpp>

#include "index/terms.h"
#include "index/fold_stemmer.h"
#include "text/normalize.h"

using presswatch::index::exact_form;

TEST_CASE("the exact form moves tone marks to their canonical place, word by word", "[index][tone]") {
    struct Row {
        const char* input;
        const char* expected;
    };
    const Row rows[] = {
        {"Hóa", "Hoá"},       {"Hoá", "Hoá"},       {"hòa", "hoà"},     {"hoà", "hoà"},
        {"Qúy", "Quý"},       {"Quý", "Quý"},       {"khỏe", "khoẻ"},   {"khoẻ", "khoẻ"},
        {"Thủy", "Thuỷ"},     {"Thuỷ", "Thuỷ"},     {"Ủy", "Uỷ"},       {"Uỷ", "Uỷ"},
        {"họa", "hoạ"},       {"hoạ", "hoạ"},       {"THANH HÓA", "THANH HOÁ"},
        // Already canonical, or one vowel, or a quality-marked vowel: unchanged.
        {"người", "người"},   {"giữa", "giữa"},     {"quốc", "quốc"},   {"quyền", "quyền"},
        {"khuỷu", "khuỷu"},   {"gìn", "gìn"},       {"nghiêng", "nghiêng"}, {"hoàng", "hoàng"},
        {"toán", "toán"},     {"mía", "mía"},       {"múa", "múa"},     {"của", "của"},
        {"Nẵng", "Nẵng"},     {"Đường", "Đường"},
        // Punctuation, digits and spacing: copied as is.
        {"“Hóa”, (hòa)!", "“Hoá”, (hoà)!"}, {"Nghi Sơn 2026", "Nghi Sơn 2026"},
        {"", ""},
    };
    for (const auto& r : rows) {
        INFO(r.input);
        CHECK(exact_form(r.input) == r.expected);
    }
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
