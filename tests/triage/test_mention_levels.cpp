// Every mention of the province, graded: subject, passing, not the
// province. The articles are written for these tests, modelled on what
// real articles do (a hometown deep in a long body, a national round-up,
// a weather region, a club, an outlet's closing line, a person's name).
#include <catch2/catch.hpp>

#include <string>

#include "builtin_config.h"
#include "text/dates.h"
#include "triage/decision_json.h"
#include "triage/triage.h"

using namespace presswatch;
using namespace presswatch::triage;

namespace {

Article article(std::string headline, std::string lead, std::string body) {
    Article a;
    a.url = "https://example.vn/bai-viet.html";
    a.headline = std::move(headline);
    a.description = std::move(lead);
    a.body = std::move(body);
    a.published = text::parse_iso8601("2026-11-20T08:00:00+07:00");
    return a;
}

// A long body about something else: paragraphs of a researcher's work in Hà Nội.
std::string long_body_with(const std::string& paragraph, int at) {
    const char* filler[] = {
        "Nhóm nghiên cứu của Viện Công nghệ sinh học đã mất gần năm năm để hoàn thiện giống lúa chịu mặn mới.",
        "Giống lúa này cho năng suất cao hơn khoảng mười lăm phần trăm so với các giống đang trồng phổ biến.",
        "Các thí nghiệm được thực hiện trên những cánh đồng ven biển, nơi nước mặn xâm nhập mỗi mùa khô.",
        "Theo trưởng nhóm, điều khó nhất là giữ được chất lượng gạo khi cây phải chống chịu độ mặn cao.",
        "Hội đồng khoa học đánh giá công trình có giá trị thực tiễn lớn và có thể nhân rộng trong vài năm tới.",
        "Nhiều doanh nghiệp giống cây trồng đã liên hệ để chuyển giao công nghệ sản xuất hạt giống.",
        "Nhóm dự kiến công bố kết quả trên một tạp chí quốc tế vào đầu năm sau.",
        "Bộ Khoa học và Công nghệ cho biết sẽ tiếp tục hỗ trợ kinh phí cho giai đoạn thử nghiệm mở rộng.",
        "Người nông dân tham gia thử nghiệm cho biết cây lúa cứng cây, ít đổ ngã khi gặp gió lớn.",
        "Các nhà khoa học trẻ trong nhóm phần lớn mới ngoài ba mươi tuổi.",
        "Lễ trao giải diễn ra tại Hà Nội vào tối thứ bảy với sự tham dự của nhiều nhà khoa học đầu ngành.",
    };
    std::string body;
    int n = 0;
    for (const char* p : filler) {
        if (n++ == at) body += paragraph + "\n\n";
        body += std::string(p) + "\n\n";
    }
    return body;
}

struct Row {
    const char* what;
    Article a;
    MentionLevel level;
};

}  // namespace

TEST_CASE("each article gets one of three levels: subject, passing, not the province", "[triage][levels]") {
    Triager t(testing::builtin_config());
    const Row rows[] = {
        {"the province in the headline",
         article("Thanh Hóa khởi công nhà máy nước sạch cho mười hai xã miền núi",
                 "Dự án có tổng vốn hơn 300 tỷ đồng, cấp nước cho khoảng 40.000 người dân.",
                 "Nhà máy được xây trên khu đất rộng năm héc ta, dự kiến hoàn thành sau hai năm."),
         MentionLevel::subject},
        {"a commune with its qualifier, nothing else",
         article("Người dân góp đất làm đường liên thôn", "",
                 "Hơn 200 hộ dân xã Hoằng Tiến đã tự nguyện hiến đất để mở rộng con đường dài ba cây số."),
         MentionLevel::subject},
        {"a hometown in the ninth paragraph of a long article",
         article("Giống lúa chịu mặn đoạt giải thưởng khoa học", "Công trình của các nhà khoa học trẻ được vinh danh.",
                 long_body_with("Trưởng nhóm nghiên cứu sinh ra ở Thanh Hóa, học đại học và làm việc tại Hà Nội.", 8)),
         MentionLevel::passing},
        {"a hometown written with quê, deep in the body",
         article("Giống lúa chịu mặn đoạt giải thưởng khoa học", "",
                 long_body_with("Một thành viên của nhóm, quê Thanh Hóa, đã theo dự án từ những ngày đầu.", 9)),
         MentionLevel::passing},
        {"one line in a national round-up",
         article("Mưa lớn gây ngập úng ở nhiều tỉnh miền Bắc", "",
                 "Hà Nội ngập sâu nhiều tuyến phố sau trận mưa kéo dài. Hải Phòng và Quảng Ninh sơ tán tàu "
                 "thuyền. Nghệ An, Hà Tĩnh báo cáo hàng trăm héc ta lúa bị ngập. Ninh Bình có hai nhà bị tốc "
                 "mái. Thanh Hóa ghi nhận một số điểm sạt lở nhỏ."),
         MentionLevel::passing},
        {"a weather region from the province to another",
         article("Miền Trung bước vào đợt mưa lớn cuối năm",
                 "Từ đêm nay, khu vực từ Thanh Hóa đến Thừa Thiên Huế có mưa vừa, mưa to, có nơi mưa rất to.",
                 "Cơ quan khí tượng khuyến cáo người dân theo dõi các bản tin dự báo tiếp theo."),
         MentionLevel::passing},
        {"the provincial club in a match report",
         article("Hà Nội FC thắng đậm trên sân nhà", "",
                 "Đội chủ nhà ghi ba bàn trong hiệp hai trước Đông Á Thanh Hóa. Huấn luyện viên đội khách thừa "
                 "nhận các học trò đã mất tập trung sau bàn thua đầu tiên."),
         MentionLevel::passing},
        {"an outlet's closing line about itself",
         article("Giá vàng thế giới đảo chiều tăng mạnh",
                 "Giá vàng tăng hơn 30 USD mỗi ounce trong phiên đêm qua. Đài Phát thanh và Truyền hình Thanh Hóa "
                 "là đơn vị trực thuộc UBND tỉnh Thanh Hóa, phụ trách kênh truyền hình và phát thanh của tỉnh.",
                 ""),
         MentionLevel::passing},
        {"one city of a long route map",
         article("Hãng bay mở lại nhiều đường bay nội địa",
                 "Từ tuần sau, hãng khai thác lại các chuyến từ Hà Nội đi Đà Nẵng, Quy Nhơn, Vinh, Thanh Hóa, Chu "
                 "Lai, Huế, Đồng Hới và Phú Quốc.",
                 "Giá vé được giữ như trước khi tạm dừng."),
         MentionLevel::passing},
        {"one of four provinces a plan is for",
         article("Phê duyệt đề án phát triển du lịch biển",
                 "Chính phủ phê duyệt đề án phát triển du lịch biển cho Thanh Hóa, Nghệ An, Hà Tĩnh và Quảng Trị.",
                 "Đề án tập trung vào hạ tầng bến cảng và các tuyến đường ven biển."),
         MentionLevel::subject},
        {"a person's name",
         article("Người bán rau trả lại chiếc ví nhặt được", "",
                 "Chị Thanh Hoa, người bán rau ở chợ Đồng Xuân, Hà Nội, đã tìm người đánh rơi để trả lại."),
         MentionLevel::none},
        {"a street of that name in another city",
         article("Cửa hàng tiện lợi bị trộm đột nhập", "",
                 "Vụ trộm xảy ra tại một cửa hàng trên đường Thanh Hóa, thành phố Đà Nẵng, vào rạng sáng."),
         MentionLevel::none},
        {"no name of the province",
         article("Giá xăng giảm nhẹ từ chiều nay", "", "Giá xăng RON95 giảm 300 đồng mỗi lít."),
         MentionLevel::none},
    };
    for (const auto& r : rows) {
        CAPTURE(r.what);
        auto d = t.decide(r.a, 0);
        CAPTURE(d.reasons);
        CHECK(level_name(d.mention_level) == std::string(level_name(r.level)));
        // A clipping is exactly a subject.
        CHECK(d.clipping == (d.mention_level == MentionLevel::subject));
    }
}

TEST_CASE("the level is in triage's JSON under mention_level and survives a round trip", "[triage][levels]") {
    Triager t(testing::builtin_config());
    auto d = t.decide(article("Giống lúa chịu mặn đoạt giải thưởng khoa học", "",
                              long_body_with("Một thành viên của nhóm, quê Thanh Hóa, đã theo dự án từ đầu.", 9)),
                      0);
    auto j = to_json(d);
    CHECK(j["mention_level"] == "passing");
    REQUIRE_FALSE(j["mentions"].empty());
    CHECK(j["mentions"][0]["passing"] == true);
    auto back = decision_from_json(j);
    CHECK(back.mention_level == MentionLevel::passing);
    CHECK(back.mentions[0].passing);

    // A decision stored before the levels: a clipping reads as subject.
    auto old = nlohmann::json{{"clipping", true}, {"score", 3.0}};
    CHECK(decision_from_json(old).mention_level == MentionLevel::subject);
    CHECK(decision_from_json(nlohmann::json{{"clipping", false}}).mention_level == MentionLevel::none);
}

TEST_CASE("a dateline glued to the lead still names the province", "[triage][levels][glued]") {
    Triager t(testing::builtin_config());
    std::string lead = "Thanh HóaNhiều giáo viên vùng cao phải đi hơn hai mươi cây số mỗi ngày để đến trường.";
    auto d = t.decide(article("Giáo viên vùng cao vượt đèo đến lớp", lead, ""), 0);
    CHECK(d.mention_level == MentionLevel::subject);
    REQUIRE_FALSE(d.mentions.empty());
    CHECK(d.mentions[0].field == Field::lead);
    CHECK(lead.substr(d.mentions[0].offset, d.mentions[0].length) == "Thanh Hóa");
}
