// Mention levels end to end: articles imported as JSON lines through the
// built binary are graded, stored and indexed; review lists the subject
// items first and the passing ones apart; show and explain print the
// level; search filters on it; a dateline glued to the lead is found.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "support.h"

using namespace presswatch;

namespace {

nlohmann::json line(const std::string& url, const std::string& headline, const std::string& lead,
                    const std::string& body) {
    return {{"url", url},
            {"headline", headline},
            {"description", lead},
            {"articleBody", body},
            {"datePublished", "2026-11-20T08:00:00+07:00"}};
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

}  // namespace

TEST_CASE("imported articles are graded, and review, show, explain and search use the level", "[cli][levels]") {
    testing::TempDir data;
    auto file = data.path() / "bai.jsonl";
    {
        std::ofstream out(file);
        out << line("https://vnexpress.net/thanh-hoa-mo-duong-4900001.html",
                    "Thanh Hóa mở rộng quốc lộ qua ba xã miền núi",
                    "Dự án dài 20 km, vốn hơn 900 tỷ đồng.", "Công trình dự kiến xong trong hai năm.")
                   .dump()
            << "\n";
        out << line("https://vnexpress.net/giai-thuong-lua-4900002.html",
                    "Giống lúa chịu mặn đoạt giải thưởng khoa học", "Công trình của các nhà khoa học trẻ.",
                    "Nhóm nghiên cứu mất năm năm để hoàn thiện giống lúa.\n\nGiống lúa cho năng suất cao hơn.\n\n"
                    "Các thí nghiệm làm trên cánh đồng ven biển.\n\nHội đồng đánh giá cao công trình.\n\n"
                    "Một thành viên của nhóm, quê Thanh Hóa, theo dự án từ đầu.\n\nLễ trao giải diễn ra ở Hà Nội.")
                   .dump()
            << "\n";
        out << line("https://vnexpress.net/giao-vien-vung-cao-4900003.html", "Giáo viên vùng cao vượt đèo đến lớp",
                    "Thanh HóaNhiều giáo viên phải đi hơn hai mươi cây số mỗi ngày để đến trường.",
                    "Con đường qua đèo thường sạt lở vào mùa mưa.")
                   .dump()
            << "\n";
    }
    std::string base = "--data " + quote(data.path().string());
    auto imported = testing::run_presswatch(base + " import " + quote(file.string()));
    INFO(imported.out);
    REQUIRE(imported.code == 0);

    auto review = testing::run_presswatch(base + " review");
    INFO(review.out);
    REQUIRE(review.code == 0);
    auto subject_section = review.out.find("=== Tin về tỉnh");
    auto passing_section = review.out.find("=== Nhắc qua đến tỉnh");
    REQUIRE(subject_section != std::string::npos);
    REQUIRE(passing_section != std::string::npos);
    CHECK(subject_section < passing_section);
    CHECK(review.out.find("Thanh Hóa mở rộng quốc lộ") < passing_section);
    CHECK(review.out.find("Giáo viên vùng cao") < passing_section);
    CHECK(review.out.find("Giống lúa chịu mặn") > passing_section);

    auto passing = testing::run_presswatch(base + " search --json 'mention:passing'");
    INFO(passing.out);
    REQUIRE(passing.code == 0);
    auto j = nlohmann::json::parse(passing.out);
    REQUIRE(j["hits"].size() == 1);
    CHECK(j["hits"][0]["headline"] == "Giống lúa chịu mặn đoạt giải thưởng khoa học");
    std::string id = std::to_string(j["hits"][0]["id"].get<std::int64_t>());

    auto shown = testing::run_presswatch(base + " show " + id);
    CHECK_THAT(shown.out, Catch::Contains("Mức nhắc đến tỉnh: nhắc qua đến tỉnh"));
    CHECK_THAT(shown.out, Catch::Contains("(nhắc qua)"));
    auto explained = testing::run_presswatch(base + " explain " + id);
    CHECK_THAT(explained.out, Catch::Contains("Mức nhắc đến tỉnh: nhắc qua đến tỉnh (passing)"));

    // The dateline glued to the lead: triage kept it, search finds it.
    auto glued = testing::run_presswatch(base + " search --json 'thanh hoa giáo viên'");
    INFO(glued.out);
    auto g = nlohmann::json::parse(glued.out);
    REQUIRE(g["hits"].size() == 1);
    CHECK(g["hits"][0]["headline"] == "Giáo viên vùng cao vượt đèo đến lớp");
}
