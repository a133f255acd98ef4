#include <catch2/catch.hpp>

#include "index/story.h"

using namespace presswatch::index;

namespace {

// An original story (written for this test) of about 120 words.
const std::string headline = "Thanh Hóa: nhà máy lọc dầu Nghi Sơn bảo dưỡng tổng thể trong 50 ngày";
const std::string body =
    "Công ty Lọc hóa dầu Nghi Sơn cho biết nhà máy sẽ dừng hoạt động để bảo dưỡng tổng thể lần thứ hai kể từ khi "
    "vận hành thương mại. Thời gian bảo dưỡng dự kiến kéo dài 50 ngày, bắt đầu từ đầu tháng tới.\n\n"
    "Theo đại diện doanh nghiệp, toàn bộ kế hoạch nhập khẩu bù đắp đã được chuẩn bị để nguồn cung xăng dầu "
    "trong nước không bị gián đoạn. Các thương nhân đầu mối đã ký hợp đồng mua thêm hàng từ các nhà cung cấp "
    "trong khu vực.\n\nỦy ban nhân dân tỉnh Thanh Hóa đề nghị công ty bảo đảm an toàn lao động, phòng chống "
    "cháy nổ và bảo vệ môi trường trong suốt quá trình bảo dưỡng, đồng thời phối hợp với chính quyền xã Hải Yến "
    "thông tin kịp thời cho người dân sống quanh khu vực nhà máy.";

std::string replace(std::string s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("republications of one story are the same story; other articles are not", "[index][story]") {
    StoryHash original = story_hash(headline, "", body);
    REQUIRE(original.usable);
    struct Row {
        const char* what;
        std::string headline, lead, body;
        bool same;
    };
    const Row rows[] = {
        {"identical", headline, "", body, true},
        {"other tone placement and case", "THANH HOÁ: NHÀ MÁY LỌC DẦU NGHI SƠN BẢO DƯỠNG TỔNG THỂ TRONG 50 NGÀY", "",
         replace(body, "Thanh Hóa", "Thanh Hoá"), true},
        {"another headline", "Lọc dầu Nghi Sơn dừng máy 50 ngày để bảo dưỡng", "", body, true},
        {"a lead added and a sign-off", headline, "Nguồn cung xăng dầu được bảo đảm trong thời gian nhà máy dừng.",
         body + "\n\nTheo Báo Điện tử Tiền Phong", true},
        {"small edits", headline, "",
         replace(replace(body, "dự kiến kéo dài", "kéo dài khoảng"), "Các thương nhân đầu mối", "Những đầu mối"), true},
        {"a different story on the same subject", "Nhà máy lọc dầu Nghi Sơn đạt sản lượng kỷ lục", "",
         "Năm nay nhà máy lọc dầu Nghi Sơn ở Thanh Hóa vận hành ổn định ở mức trên công suất thiết kế, cung cấp "
         "khoảng 35% nhu cầu xăng dầu cả nước. Doanh nghiệp đã nộp ngân sách tỉnh Thanh Hóa hàng nghìn tỷ đồng và "
         "tạo việc làm cho hơn một nghìn lao động địa phương, phần lớn là người dân các xã ven biển quanh khu kinh "
         "tế Nghi Sơn. Lãnh đạo công ty cho biết sẽ tiếp tục đầu tư nâng cấp dây chuyền trong những năm tới.",
         false},
    };
    for (const auto& r : rows) {
        INFO(r.what << ": distance " << hamming_distance(original.simhash, story_hash(r.headline, r.lead, r.body).simhash));
        CHECK(same_story(original, story_hash(r.headline, r.lead, r.body)) == r.same);
    }
}

TEST_CASE("texts too short to compare start stories of their own", "[index][story]") {
    StoryHash a = story_hash("Thanh Hóa: mưa lớn", "", "Mưa lớn gây ngập nhiều tuyến phố.");
    CHECK_FALSE(a.usable);
    CHECK_FALSE(same_story(a, a));
}

TEST_CASE("story hashes are the ones earlier versions stored", "[index][story]") {
    // story_member.simhash keeps the hashes of articles indexed before: a
    // new article is compared with them, so the same text must hash to the
    // same bits in every version. Values from the release before the vote
    // count was rewritten (commit 814a372).
    struct Row {
        const char *headline, *lead, *body;
        std::uint64_t simhash;
    };
    const Row rows[] = {
        {"Thanh Hóa: mưa lớn gây ngập nhiều tuyến phố", "Mưa lớn kéo dài từ đêm qua.",
         "Mưa lớn kéo dài từ đêm qua khiến nhiều tuyến phố ở thành phố Thanh Hóa ngập sâu. Lực lượng chức năng đã có mặt "
         "để phân luồng giao thông và hỗ trợ người dân di chuyển. Chính quyền địa phương cho biết sẽ khẩn trương khơi thông "
         "cống rãnh trong những ngày tới.",
         0x3f850436e627d60dull},
        {"Khánh thành cầu mới bắc qua sông Mã", "",
         "Sáng nay, cây cầu mới bắc qua sông Mã đã được khánh thành sau hai năm thi công. Cây cầu dài gần một cây số, "
         "nối liền hai huyện và rút ngắn quãng đường đi lại của người dân. Đây là công trình trọng điểm của tỉnh.",
         0x1d5dc2ba0c48ed9bull},
    };
    for (const auto& r : rows) {
        INFO(r.headline);
        StoryHash h = story_hash(r.headline, r.lead, r.body);
        CHECK(h.usable);
        CHECK(h.simhash == r.simhash);
    }
}
