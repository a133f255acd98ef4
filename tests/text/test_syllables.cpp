#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/syllables.h"

using namespace presswatch::text;

TEST_CASE("syllables carry folded forms and byte offsets into the original text", "[text][syllables]") {
    std::string t = "Tỉnh Thanh Hoá, TP.HCM";
    auto s = syllables(t);
    REQUIRE(s.size() == 5);
    const char* folded[] = {"tinh", "thanh", "hoa", "tp", "hcm"};
    for (std::size_t i = 0; i < s.size(); ++i) CHECK(s[i].folded == folded[i]);
    CHECK(t.substr(s[2].offset, s[2].length) == "Hoá");
    CHECK(t.substr(s[0].offset, s[0].length) == "Tỉnh");
    CHECK_FALSE(s[0].ascii);
    CHECK(s[1].ascii);
}

TEST_CASE("syllables of NFD text fold like NFC and span the combining marks", "[text][syllables]") {
    std::string t = "Ho\xcc\x81" "a ch\xe1\xba\xa5t";  // Hóa (NFD), chất
    auto s = syllables(t);
    REQUIRE(s.size() == 2);
    CHECK(s[0].folded == "hoa");
    CHECK(s[0].length == 5);
    CHECK(s[1].folded == "chat");
}

TEST_CASE("syllables split on hyphens and punctuation and ignore zero-width characters", "[text][syllables]") {
    auto s = syllables("Thanh-Hóa; x\xe2\x80\x8bin (2026)");
    REQUIRE(s.size() == 4);
    CHECK(s[0].folded == "thanh");
    CHECK(s[1].folded == "hoa");
    CHECK(s[2].folded == "xin");
    CHECK(s[3].folded == "2026");
}

TEST_CASE("sentences split at sentence ends and line breaks, not abbreviations or numbers", "[text][sentences]") {
    struct Row {
        std::string text;
        std::vector<std::string> expected;
    };
    const Row rows[] = {
        {"Mưa lớn. Nước dâng cao! Người dân lo lắng?", {"Mưa lớn.", "Nước dâng cao!", "Người dân lo lắng?"}},
        {"TP. Thanh Hóa có 1.000 hộ. Đó là số liệu mới.", {"TP. Thanh Hóa có 1.000 hộ.", "Đó là số liệu mới."}},
        {"Ông Nguyễn V. A cho biết. Xong", {"Ông Nguyễn V. A cho biết.", "Xong"}},
        {"Dòng một\n\nDòng hai", {"Dòng một", "Dòng hai"}},
        {"Anh nói: \"Xong rồi.\" Sau đó về.", {"Anh nói: \"Xong rồi.\"", "Sau đó về."}},
        {"số 3.5 triệu. ấy là", {"số 3.5 triệu. ấy là"}},
        {"Trận đấu kết thúc… Đội nhà thắng.", {"Trận đấu kết thúc…", "Đội nhà thắng."}},
    };
    for (const auto& r : rows) {
        CAPTURE(r.text);
        std::vector<std::string> got;
        for (auto sp : sentences(r.text)) got.push_back(r.text.substr(sp.offset, sp.length));
        CHECK(got == r.expected);
    }
}

// A place glued to the next sentence's first word, as naive extraction
// joins a dateline element to the lead; real mixed-case words stay whole.
struct GluedRow {
    const char* text;
    std::vector<std::string> folded;
};

const GluedRow glued_rows[] = {
    {"Thanh HóaNhiều giáo viên", {"thanh", "hoa", "nhieu", "giao", "vien"}},
    {"Hà NộiSáng nay", {"ha", "noi", "sang", "nay"}},
    {"Nghệ AnSáng nay", {"nghe", "an", "sang", "nay"}},
    {"Ho\xcc\x81" "aNhi\xe1\xbb\x81u", {"hoa", "nhieu"}},  // NFD
    {"HóaNhiềuGiáo", {"hoa", "nhieu", "giao"}},
    {"McDonald iPhone YouTube VnExpress", {"mcdonald", "iphone", "youtube", "vnexpress"}},
    {"TP.HCM ThS PGS.TS", {"tp", "hcm", "ths", "pgs", "ts"}},
    {"HĐND UBND", {"hdnd", "ubnd"}},
    {"nhiềuNgười", {"nhieunguoi"}},   // the part before must start with a capital
    {"HóaN", {"hoan"}},               // the part after must have two letters
    {"ĐắkLắk", {"dak", "lak"}},
};

TEST_CASE("glued words are cut at a change of case, real mixed-case words stay whole", "[text][syllables][glued]") {
    for (const auto& r : glued_rows) {
        CAPTURE(r.text);
        std::vector<std::string> got;
        for (const auto& s : syllables(r.text)) got.push_back(s.folded);
        CHECK(got == r.folded);
    }
    // Offsets point at each piece in the original text.
    std::string t = "Thanh HóaNhiều";
    auto s = syllables(t);
    REQUIRE(s.size() == 3);
    CHECK(t.substr(s[1].offset, s[1].length) == "Hóa");
    CHECK(t.substr(s[2].offset, s[2].length) == "Nhiều");
    CHECK_FALSE(s[1].ascii);
    CHECK_FALSE(s[2].ascii);
}

TEST_CASE("glued_word_break gives the byte offset of the first cut", "[text][syllables][glued]") {
    CHECK(glued_word_break("HóaNhiều") == std::string("Hóa").size());
    CHECK(glued_word_break("McDonald") == 0);
    CHECK(glued_word_break("iPhone") == 0);
    CHECK(glued_word_break("Hóa") == 0);
    CHECK(glued_word_break("") == 0);
}
