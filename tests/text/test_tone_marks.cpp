#include <catch2/catch.hpp>

#include "text/normalize.h"
#include "text/tone_marks.h"

using namespace presswatch::text;

TEST_CASE("canonical_tones puts the tone on the new-style vowel", "[text][tone]") {
    struct Row {
        const char* input;
        const char* canonical;
    };
    const Row rows[] = {
        {"Hóa", "Hoá"},     {"Hoá", "Hoá"},     {"hòa", "hoà"},   {"hoà", "hoà"},   {"Thủy", "Thuỷ"},
        {"Thuỷ", "Thuỷ"},   {"Qúy", "Quý"},     {"Quý", "Quý"},   {"khỏe", "khoẻ"}, {"khoẻ", "khoẻ"},
        {"Ủy", "Uỷ"},       {"Uỷ", "Uỷ"},       {"họa", "hoạ"},   {"hoạ", "hoạ"},   {"HÓA", "HOÁ"},
        {"Thanh Hóa và Thanh Hoá", "Thanh Hoá và Thanh Hoá"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.input);
        CHECK(canonical_tones(r.input) == r.canonical);
    }
}

TEST_CASE("canonical_tones leaves syllables already canonical or unambiguous unchanged", "[text][tone]") {
    const char* unchanged[] = {"người", "giữa", "quốc", "quyền", "khuỷu", "gìn", "nghiêng", "hoàng",
                               "toán",  "mía",  "múa",  "của",   "Nẵng",  "Đường", "thanh", "2026",
                               "TP.HCM", "e-mail", "ÔNG"};
    for (const char* w : unchanged) {
        CAPTURE(w);
        CHECK(canonical_tones(w) == w);
    }
}

TEST_CASE("canonical_tones accepts decomposed (NFD) input", "[text][tone]") {
    // "Hóa" written as o + combining acute; "Thủy" as u + combining hook.
    CHECK(canonical_tones("Ho\xcc\x81" "a") == "Hoá");
    CHECK(canonical_tones("Thu\xcc\x89y") == "Thuỷ");
}

TEST_CASE("exact_key ignores case and tone placement but keeps the tones", "[text][tone]") {
    CHECK(exact_key("Thanh Hóa") == exact_key("THANH HOÁ"));
    CHECK(exact_key("Ủy ban") == exact_key("Uỷ ban"));
    CHECK(exact_key("hoà") != exact_key("hoa"));
    CHECK(exact_key("cháy") != exact_key("chạy"));
}

TEST_CASE("fold lowercases and removes every diacritic, đ to d", "[text][fold]") {
    struct Row {
        const char* input;
        const char* folded;
    };
    const Row rows[] = {{"Thanh Hóa", "thanh hoa"}, {"THANH HOÁ", "thanh hoa"}, {"Đường", "duong"},
                        {"Người", "nguoi"},         {"Nẵng", "nang"},            {"Ho\xcc\x81" "a", "hoa"},
                        {"x\xef\xbb\xbfin", "xin"}};
    for (const auto& r : rows) {
        CAPTURE(r.input);
        CHECK(fold(r.input) == r.folded);
    }
    CHECK(ascii_slug("Hoằng Hóa") == "hoang-hoa");
    CHECK(ascii_slug("  Sầm Sơn! ") == "sam-son");
}
