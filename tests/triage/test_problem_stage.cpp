// The problem stage (Triager::problem): does the text report a problem an
// agency must answer, whatever its place; severity and agency kind. Every
// sentence here is written for the test (none is taken from real articles).
#include <catch2/catch.hpp>

#include "builtin_config.h"
#include "config/config.h"
#include "triage/triage.h"

using namespace presswatch;
using namespace presswatch::triage;

namespace {

Article text_of(const std::string& headline, const std::string& body) {
    Article a;
    a.url = "https://example.vn/thoi-su/bai-viet.html";
    a.headline = headline;
    a.body = body;
    return a;
}

}  // namespace

TEST_CASE("problem stage: negations and problems already handled are not reported", "[triage][problem]") {
    Triager t(testing::builtin_config());
    struct Row {
        const char* headline;
        const char* body;
        bool reported;
    };
    const Row rows[] = {
        // the same facts, reported open, denied, or settled
        {"Bãi đất ven sông bị lấn chiếm",
         "Nhiều hộ dân lấn chiếm bãi đất ven sông để dựng lán trại, xây tường rào kiên cố.", true},
        {"Đoàn kiểm tra làm việc ở bãi đất ven sông",
         "Qua kiểm tra, đoàn không phát hiện lấn chiếm hay xây tường rào nào trên bãi đất ven sông.", false},
        {"Trạm bơm tiêu úng bỏ hoang",
         "Trạm bơm xây hơn chục tỷ đồng bỏ hoang ba năm, máy móc hoen gỉ giữa cánh đồng.", true},
        {"Trạm bơm tiêu úng hoạt động trở lại",
         "Trạm bơm từng bỏ hoang nay đã được sửa chữa; sau phản ánh của báo, huyện đã khắc phục xong và đưa vào vận "
         "hành.", false},
    };
    for (const auto& r : rows) {
        CAPTURE(r.headline);
        auto p = t.problem(text_of(r.headline, r.body));
        CHECK(p.reported == r.reported);
    }
}

TEST_CASE("problem stage: a national directive or statistic is not a local problem", "[triage][problem]") {
    Triager t(testing::builtin_config());
    auto local = t.problem(text_of("Trường tiểu học lạm thu đầu năm",
                                   "Phụ huynh một trường tiểu học bức xúc vì phải đóng nhiều khoản lạm thu đầu năm."));
    CHECK(local.reported);
    auto national = t.problem(text_of(
        "Bộ yêu cầu rà soát các khoản thu đầu năm",
        "Bộ Giáo dục yêu cầu các địa phương trên cả nước rà soát, không để xảy ra lạm thu trong năm học mới; "
        "dự thảo thông tư về các khoản thu sẽ được lấy ý kiến."));
    CHECK_FALSE(national.reported);
}

TEST_CASE("problem stage: a death where a public body may answer is reported, a private accident is not",
          "[triage][problem]") {
    Triager t(testing::builtin_config());
    auto school = t.problem(text_of("Hàng chục trẻ nhập viện sau bữa trưa",
                                    "Ba mươi trẻ của trường mầm non nhập viện sau bữa ăn bán trú, nghi ngộ độc."));
    CHECK(school.reported);
    auto crash = t.problem(text_of("Hai xe máy va nhau trong đêm",
                                   "Hai người đi xe máy va chạm khi vượt nhau trong đêm, một người tử vong tại chỗ."));
    CHECK_FALSE(crash.reported);
}

TEST_CASE("problem stage: officials disciplined or prosecuted are reported, a private trial is not",
          "[triage][problem]") {
    Triager t(testing::builtin_config());
    auto official = t.problem(text_of("Nguyên phó chủ tịch huyện bị bắt",
                                      "Ông Lê Văn Tư, nguyên Phó chủ tịch UBND huyện, bị bắt vì giao đất sai đối tượng "
                                      "cho người thân."));
    CHECK(official.reported);
    CHECK(official.severity == 3);
    auto private_trial = t.problem(text_of("Người đàn ông lĩnh án vì trộm xe",
                                           "Tòa tuyên phạt bị cáo ba năm tù về tội trộm cắp xe máy của hàng xóm."));
    CHECK_FALSE(private_trial.reported);
}

TEST_CASE("problem stage: the agency kind follows the problem and the level of government named",
          "[triage][problem][routing]") {
    Triager t(testing::builtin_config());
    struct Row {
        const char* headline;
        const char* body;
        const char* kind;
    };
    const Row rows[] = {
        {"Nhà xưởng xả thải ra kênh tưới",
         "Một nhà xưởng giặt nhuộm xả nước thải chưa qua xử lý ra kênh tưới, nước đen kịt và bốc mùi.", "department"},
        {"Dân xóm bãi lấn chiếm hành lang đê",
         "Người dân thôn Bến lấn chiếm hành lang đê dựng quán; UBND xã biết nhưng chưa xử lý.", "commune"},
        {"Khu liên hợp thể thao trăm tỷ bỏ hoang",
         "Khu liên hợp thể thao vốn ngân sách trăm tỷ đồng bỏ hoang nhiều năm; UBND tỉnh chưa có phương án sử dụng.",
         "province"},
        {"Đường liên thôn hư hỏng nặng",
         "Đường liên thôn hư hỏng, ổ gà chi chít; người dân thôn Đông phản ánh tới UBND xã, Sở Giao thông vận tải chưa "
         "trả lời.",
         "both"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.headline);
        auto p = t.problem(text_of(r.headline, r.body));
        REQUIRE(p.reported);
        CHECK(p.agency_kind == r.kind);
    }
}

TEST_CASE("problem stage runs whatever the place; the flag needs a clipping", "[triage][problem]") {
    Triager t(testing::builtin_config());
    Article elsewhere = text_of("Cầu treo xuống cấp ở một xã vùng cao",
                                "Cầu treo của xã xuống cấp, ván mục, người dân lo lắng mỗi lần qua cầu và đề nghị "
                                "chính quyền sớm sửa chữa.");
    auto p = t.problem(elsewhere);
    CHECK(p.reported);
    auto d = t.decide(elsewhere, 0);
    CHECK_FALSE(d.clipping);
    CHECK(d.flag.problem);
    CHECK_FALSE(d.flag.needed);
}

// Known gaps, written before the rules and not yet met by them (issue 18):
// a death at an unfinished public work told only in the lead, and a
// director of a public centre removed from office. [!shouldfail] keeps them
// visible: the day the rules catch them, this case fails and the rows move
// back to the cases above.
TEST_CASE("problem stage, known gaps: a death at a public work in the lead only; a public centre's director removed",
          "[triage][problem][!shouldfail]") {
    Triager t(testing::builtin_config());
    auto culvert = t.problem(text_of("Bé trai rơi xuống hố ga ven đường",
                                     "Một bé trai bảy tuổi tử vong sau khi rơi xuống hố thu nước của công trình thoát "
                                     "nước đang thi công dở."));
    CHECK(culvert.reported);
    CHECK(culvert.severity == 3);
    auto discipline = t.problem(text_of("Giám đốc trung tâm bị cách chức",
                                        "Giám đốc trung tâm đăng kiểm bị cách chức vì buông lỏng quản lý."));
    CHECK(discipline.reported);
}
