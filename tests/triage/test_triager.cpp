#include <catch2/catch.hpp>

#include <algorithm>

#include "builtin_config.h"
#include "config/config.h"
#include "text/dates.h"
#include "triage/triage.h"

using namespace presswatch;
using namespace presswatch::triage;

namespace {

Article article(std::string headline, std::string lead, std::string body, std::string url = "https://example.vn/a.html") {
    Article a;
    a.url = std::move(url);
    a.headline = std::move(headline);
    a.description = std::move(lead);
    a.body = std::move(body);
    a.published = text::parse_iso8601("2026-10-05T09:00:00+07:00");
    return a;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
bool has_topic(const Decision& d, const std::string& slug) {
    return std::any_of(d.topics.begin(), d.topics.end(), [&](auto& t) { return t.slug == slug; });
}

}  // namespace

TEST_CASE("the province named in any spelling makes a clipping", "[triage][mentions]") {
    Triager t(testing::builtin_config());
    const char* headlines[] = {"Thanh Hóa mở rộng vùng trồng lúa", "Thanh Hoá mở rộng vùng trồng lúa",
                               "THANH HÓA mở rộng vùng trồng lúa", "Thanh Hoa mo rong vung trong lua",
                               "Thanh Ho\xcc\x81" "a thử nghiệm"};
    for (const char* h : headlines) {
        CAPTURE(h);
        auto d = t.decide(article(h, "", "Nội dung bài viết về nông nghiệp."), 0);
        CHECK(d.clipping);
        REQUIRE_FALSE(d.mentions.empty());
        CHECK(d.mentions[0].field == Field::headline);
        CHECK(d.mentions[0].offset == 0);
    }
}

TEST_CASE("an ambiguous name counts only with its qualifier or the province named", "[triage][ambiguity]") {
    Triager t(testing::builtin_config());
    struct Row {
        const char* body;
        bool clipping;
    };
    const Row rows[] = {
        {"Trống đồng Đông Sơn được trưng bày tại bảo tàng ở Hà Nội, thu hút nhiều khách tham quan.", false},
        {"Người dân phường Đông Sơn đã góp tiền làm đường, con đường mới dài hai cây số.", true},
        {"Người dân huyện Đông Sơn cũ đã góp tiền làm đường, con đường mới dài hai cây số.", true},
        {"Ở Đông Sơn, tỉnh Thanh Hóa, người dân góp tiền làm đường.", true},
    };
    for (const auto& r : rows) {
        CAPTURE(r.body);
        auto d = t.decide(article("Chuyện con đường mới", "", r.body), 0);
        CHECK(d.clipping == r.clipping);
    }
}

TEST_CASE("names in menus of related news lines do not count", "[triage][mentions]") {
    Triager t(testing::builtin_config());
    auto d = t.decide(article("Giá vàng hôm nay tăng mạnh", "Giá vàng trong nước tăng 500.000 đồng.",
                              "Giá vàng miếng tăng mạnh trong phiên sáng.\n\nXem thêm: Thanh Hóa khởi công cao tốc mới"),
                      0);
    CHECK_FALSE(d.clipping);
    CHECK(d.mentions.empty());
}

TEST_CASE("a national round-up that gives the province one line scores low", "[triage][score]") {
    Triager t(testing::builtin_config());
    std::string body =
        "Mưa lớn kéo dài tại nhiều địa phương. Hà Nội ngập nhiều tuyến phố. Hải Phòng, Quảng Ninh, Nghệ An "
        "và Hà Tĩnh sơ tán dân. Thanh Hóa có hai nhà bị tốc mái. Ninh Bình, Hưng Yên cũng báo cáo thiệt hại.";
    auto roundup = t.decide(article("Mưa lớn ở miền Bắc", "", body), 0);
    auto focused = t.decide(article("Mưa lớn ở Thanh Hóa", "", body), 0);
    CHECK_FALSE(roundup.clipping);
    CHECK(focused.clipping);
    CHECK(roundup.score < focused.score);
}

TEST_CASE("mentions keep field, offset, length and a snippet", "[triage][mentions]") {
    Triager t(testing::builtin_config());
    std::string body = "Sáng nay, tại xã Hoằng Tiến, người dân phản ánh bãi rác gây ô nhiễm.";
    auto d = t.decide(article("Bãi rác gây ô nhiễm", "", body), 0);
    REQUIRE(d.mentions.size() == 1);
    const auto& m = d.mentions[0];
    CHECK(m.field == Field::body);
    CHECK(body.substr(m.offset, m.length) == "Hoằng Tiến");
    CHECK(m.snippet.find("Hoằng Tiến") != std::string::npos);
}

TEST_CASE("a complaint about pollution is flagged and routed by topic and commune", "[triage][flag]") {
    Triager t(testing::builtin_config());
    auto d = t.decide(article("Thanh Hóa: Người dân bức xúc vì bãi rác gây ô nhiễm",
                              "Nhiều năm nay, người dân xã Hoằng Tiến phản ánh bãi rác tự phát bốc mùi hôi thối.",
                              "Bãi rác nằm sát khu dân cư, nước thải chảy ra ruộng. Người dân đã nhiều lần gửi đơn "
                              "kiến nghị nhưng chưa được giải quyết."),
                      0);
    CHECK(d.clipping);
    CHECK(has_topic(d, "moi-truong"));
    CHECK(d.tone == "negative");
    CHECK(d.flag.needed);
    CHECK(d.flag.severity >= 1);
    CHECK(has(d.flag.agencies, "so-nnmt"));
    CHECK(has(d.flag.agencies, "ubnd-xa-hoang-tien"));
    CHECK(d.flag.deadline.has_value());
}

TEST_CASE("good news that uses the word vi phạm is not flagged", "[triage][flag]") {
    Triager t(testing::builtin_config());
    auto d = t.decide(article("Thanh Hóa: Xã Hoằng Tiến không có vi phạm đất đai, được biểu dương",
                              "Xã Hoằng Tiến được tỉnh Thanh Hóa khen thưởng vì nhiều năm liền không để xảy ra vi phạm.",
                              "Hội nghị tổng kết ghi nhận kết quả tích cực, không phát hiện sai phạm nào."),
                      0);
    CHECK(d.clipping);
    CHECK_FALSE(d.flag.needed);
}

TEST_CASE("bad input never crashes: empty, invalid UTF-8, stray marks, very long words", "[triage][robustness]") {
    Triager t(testing::builtin_config());
    std::string long_word(100000, 'a');
    const std::string inputs[] = {"", "\xff\xfe\xfd Thanh H\xc3", "\xcc\x81\xcc\x81 Thanh Hóa \xef\xbb\xbf", long_word,
                                  std::string(5000, '\n'), "Thanh Hóa " + long_word + " Thanh Hóa"};
    for (const auto& s : inputs) {
        Article a;
        a.headline = s;
        a.description = s;
        a.body = s;
        auto d = t.decide(a, 0);
        for (const auto& m : d.mentions) CHECK(m.offset + m.length <= s.size());
    }
}

TEST_CASE("a person's name is not the province, a city's name is", "[triage][mentions]") {
    Triager t(testing::builtin_config());
    struct Row {
        const char* body;
        bool counted;
    };
    const Row rows[] = {
        {"Chúng tôi gặp chị Thanh Hoa, người bán rau ở chợ.", false},
        {"Người nhặt được ví là bà Nguyễn Thị Thanh Hoa.", false},
        {"Quy hoạch đô thị Thanh Hóa đến năm 2040 được công bố.", true},
        {"Đoàn công tác đến Thanh Hóa khảo sát.", true},
    };
    for (const auto& r : rows) {
        CAPTURE(r.body);
        Article a;
        a.headline = "Tin trong ngày";
        a.body = r.body;
        auto d = t.decide(a, 0);
        CHECK(d.mentions.empty() != r.counted);
    }
}

// Tone: what the headline and lead say, the response signals there, and
// negation.
TEST_CASE("tone: words deep in the body of an explainer do not make it negative", "[triage][tone]") {
    Triager t(testing::builtin_config());
    auto d = t.decide(article("Phân biệt nghĩa của những từ dễ nhầm",
                              "Nhiều người dùng lẫn lộn các từ gần nghĩa khi viết.",
                              "Chẳng hạn, cướp là lấy bằng vũ lực, còn trộm là lấy lén lút khi không ai thấy."),
                      0);
    CHECK(d.tone == "neutral");
}

TEST_CASE("tone: the common words of good news in a headline", "[triage][tone]") {
    Triager t(testing::builtin_config());
    const char* headlines[] = {
        "Vùng lúa ven sông được mùa",
        "Học sinh miền núi giành học bổng du học",
        "Con kênh cũ hồi sinh",
        "Tuyến đường mới thông xe",
        "Làng nghề thoát nghèo nhờ đặc sản",
        // the broader words of good news a reporter uses
        "Làng gốm ven đê khởi sắc",
        "Nông dân vùng bãi vui mừng vì thu nhập cao",
        "Trạm y tế xã đạt chuẩn quốc gia",
        "Cô học trò vùng cao thành thủ khoa",
        "Đêm hội đường phố tưng bừng",
    };
    for (const char* h : headlines) {
        CAPTURE(h);
        auto d = t.decide(article(h, "Phóng viên ghi lại câu chuyện trong tuần.", "Câu chuyện còn tiếp tục."), 0);
        CHECK(d.tone == "positive");
    }
}

TEST_CASE("tone: a success negated is no success", "[triage][tone]") {
    Triager t(testing::builtin_config());
    auto d = t.decide(article("Cuộc thử nghiệm giống lúa không thành công",
                              "Phóng viên ghi lại câu chuyện trong tuần.", "Câu chuyện còn tiếp tục."),
                      0);
    CHECK(d.tone == "neutral");
}

TEST_CASE("tone: signals of the headline and lead colour it without a problem, each by its tone", "[triage][tone]") {
    Triager t(testing::builtin_config());
    // A problem handled after the paper's report: good news, though the
    // signals add up to no problem.
    auto handled = t.decide(article("Đường làng được làm lại sau phản ánh của báo",
                                    "Con đường đất lầy lội nay đã được đổ bê tông phẳng phiu.",
                                    "Câu chuyện còn tiếp tục."),
                            0);
    CHECK_FALSE(handled.flag.problem);
    CHECK(handled.tone == "positive");
    // A national statistic lowers the problem score but is no good news.
    auto national = t.decide(article("Cả nước có thêm 500 trường học", "Số liệu thống kê của năm học này.",
                                     "Câu chuyện còn tiếp tục."),
                             0);
    CHECK(national.tone == "neutral");
    // Deep in the body, a handled problem says nothing of the tone.
    auto deep = t.decide(article("Chuyện ở một con đường làng", "Phóng viên ghi lại câu chuyện trong tuần.",
                                 "Phóng viên ghi lại câu chuyện trong tuần.\nBuổi sáng trời mưa nhẹ.\n"
                                 "Con đường đã được làm lại sau phản ánh của báo."),
                         0);
    CHECK(deep.tone == "neutral");
}

TEST_CASE("tone: a phrase does not span a sentence's end or a bracket", "[triage][tone]") {
    Triager t(testing::builtin_config());
    auto d = t.decide(article("Một ngày của người thợ sửa xe", "Người thợ tên Thành. Công việc bắt đầu từ sáng sớm.",
                              "Anh nhận sửa mọi loại phương tiện giao thông (xe máy, xe đạp)."),
                      0);
    CHECK(d.tone == "neutral");
}
