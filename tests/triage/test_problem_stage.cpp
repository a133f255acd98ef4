// The problem stage (Triager::problem): does the text report a problem an
// agency must answer, whatever its place; severity and agency kind. Every
// sentence here is written for the test (none is taken from real articles).
#include <catch2/catch.hpp>

#include <algorithm>

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
    // A drowning at a pond or lake no one fenced or signposted.
    auto pond = t.problem(text_of("Hai anh em đuối nước ở ao làng",
                                  "Hai anh em đuối nước ở ao của thôn, bờ ao sạt, không ai rào lại từ mùa mưa năm ngoái."));
    CHECK(pond.reported);
    auto swim = t.problem(text_of("Nam sinh đuối nước khi tắm sông",
                                  "Một nam sinh đuối nước khi cùng bạn bè tắm sông chiều chủ nhật."));
    CHECK_FALSE(swim.reported);
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

TEST_CASE("problem stage: without a lead, the body's first paragraph weighs as the lead", "[triage][problem]") {
    Triager t(testing::builtin_config());
    const std::string death =
        "Một bé trai bảy tuổi tử vong sau khi rơi xuống hố thu nước của công trình thoát nước đang thi công dở.";
    auto opening = t.problem(text_of("Bé trai rơi xuống hố ga ven đường", death));
    CHECK(opening.reported);
    CHECK(opening.severity == 3);
    // The same sentence deep in the body, after a paragraph about something
    // else, is weak evidence.
    auto deep = t.problem(text_of("Mùa mưa ở khu phố mới",
                                  "Mùa mưa năm nay đến sớm, các tuyến phố mới ngập nhẹ sau mỗi trận mưa chiều.\n" +
                                      death));
    CHECK_FALSE(deep.reported);
    // With a lead, the lead is what counts.
    Article with_lead = text_of("Mùa mưa ở khu phố mới", death);
    with_lead.description = "Mùa mưa năm nay đến sớm, các tuyến phố mới ngập nhẹ sau mỗi trận mưa chiều.";
    CHECK_FALSE(t.problem(with_lead).reported);
}

TEST_CASE("problem stage: discipline only a public body applies needs no office named", "[triage][problem]") {
    Triager t(testing::builtin_config());
    const char* rows[][2] = {
        {"Giám đốc trung tâm bị cách chức", "Giám đốc trung tâm đăng kiểm bị cách chức vì buông lỏng quản lý."},
        {"Hiệu phó bị đình chỉ công tác", "Một hiệu phó bị tạm đình chỉ công tác sau khi đánh học sinh trong giờ ra chơi."},
        {"Hai người bị khai trừ khỏi Đảng", "Hai người bị khai trừ khỏi Đảng vì để thất thoát tiền của hợp tác xã."},
    };
    for (const auto& r : rows) {
        CAPTURE(r[0]);
        auto p = t.problem(text_of(r[0], r[1]));
        CHECK(p.reported);
        CHECK(p.severity == 3);
    }
    // A player fined by his club is no official.
    CHECK_FALSE(t.problem(text_of("Tiền đạo bị câu lạc bộ phạt", "Tiền đạo bị câu lạc bộ phạt tiền vì đi tập muộn."))
                    .reported);
}

TEST_CASE("problem stage: ordinary crime is the police's news, an official's crime is a problem", "[triage][problem]") {
    Triager t(testing::builtin_config());
    auto thieves = t.problem(text_of("Nhóm trộm lắp trạm phát sóng trái phép",
                                     "Ba nghi phạm trộm thiết bị rồi lắp trạm phát sóng trái phép để phát tán tin nhắn "
                                     "quảng cáo."));
    CHECK_FALSE(thieves.reported);
    auto official = t.problem(text_of("Cựu chủ tịch xã bị bắt vì tiếp tay nhóm trộm cát",
                                      "Nguyên chủ tịch xã bị bắt vì nhận tiền để nhóm trộm cát khai thác trái phép trên "
                                      "sông."));
    CHECK(official.reported);
    // Dumping waste by stealth is pollution, not theft.
    auto dumping = t.problem(text_of("Xe tải đổ trộm chất thải xuống ruộng",
                                     "Người dân bức xúc vì xe tải đổ trộm chất thải xuống ruộng lúa trong đêm."));
    CHECK(dumping.reported);
}

TEST_CASE("problem stage: the common words of degraded works, unpaid allowances, land, prices and complaints",
          "[triage][problem]") {
    Triager t(testing::builtin_config());
    struct Row {
        const char* headline;
        const char* body;
        const char* signal;  // the reason that must carry the decision
    };
    const Row rows[] = {
        {"Nhà văn hóa thôn dột nát", "Nhà văn hóa thôn thấm dột, tường bong tróc sau vài năm sử dụng.",
         "dự án chậm, bỏ hoang, lãng phí, xuống cấp"},
        {"Kè sông thi công ì ạch", "Công trình kè sông thi công ì ạch, vốn giải ngân nhỏ giọt.",
         "dự án chậm, bỏ hoang, lãng phí, xuống cấp"},
        {"Giáo viên hợp đồng chưa được trả phụ cấp", "Ba tháng nay giáo viên hợp đồng chưa được trả phụ cấp đứng lớp.",
         "nợ lương, quyền lợi người lao động"},
        {"Mười năm chưa được cấp sổ", "Nhiều hộ ở khu tái định cư mười năm chưa được cấp sổ cho đất ở.",
         "xây dựng trái phép, lấn chiếm, đất đai"},
        {"Thương lái ép giá nông dân", "Vào vụ thu hoạch, thương lái ép giá rồi găm hàng chờ giá lên.",
         "thu sai, lạm thu, giá cả"},
        {"Người dân than phiền vì chợ tạm", "Người dân than phiền vì chợ tạm họp từ nửa đêm, ồn ào cả khu.",
         "phản ánh, kiến nghị của người dân"},
        // a reporter's general words for hazards, graft, waste, wages, land
        // and pollution (2026-12-07, third list)
        {"Bức tường rào trường học tiềm ẩn nguy cơ", "Bức tường nghiêng hẳn về phía lối đi của trẻ mỗi giờ tan học.",
         "mất an toàn do sai sót, thiếu trách nhiệm"},
        {"Đoàn xe quá tải cày nát đường liên xã", "Từng đoàn xe chở đất chạy suốt đêm qua con đường mới làm.",
         "mất an toàn do sai sót, thiếu trách nhiệm"},
        {"Nhà thầu bị nghi rút ruột đường làng", "Lớp bê tông mỏng hơn thiết kế, người dân nghi vật liệu bị ăn bớt.",
         "sai phạm của cán bộ, nhũng nhiễu, tham nhũng"},
        {"Danh sách hỗ trợ bị lập khống", "Cán bộ thôn đưa người thân vào danh sách để trục lợi tiền hỗ trợ.",
         "sai phạm của cán bộ, nhũng nhiễu, tham nhũng"},
        {"Trạm bơm phơi mưa nắng", "Máy bơm han rỉ, nền nhà trạm lún nứt, cửa khóa từ nhiều mùa vụ.",
         "dự án chậm, bỏ hoang, lãng phí, xuống cấp"},
        {"Công nhân vệ sinh bị nợ đọng tiền công", "Hơn trăm công nhân chưa nhận được lương bốn tháng qua.",
         "nợ lương, quyền lợi người lao động"},
        {"Giá đền bù thấp, nhiều hộ chưa giao đất", "Các hộ cho rằng mức giá ấy chỉ bằng nửa giá mua bán thực tế.",
         "xây dựng trái phép, lấn chiếm, đất đai"},
        {"Con kênh đen kịt", "Tôm nuôi trong các ao ven kênh chết hàng loạt từ đầu tháng.",
         "ô nhiễm môi trường"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.headline);
        auto p = t.problem(text_of(r.headline, r.body));
        CHECK(p.reported);
        CHECK(std::any_of(p.reasons.begin(), p.reasons.end(),
                          [&](const std::string& reason) { return reason.rfind(std::string(r.signal) + " (", 0) == 0; }));
    }
}

TEST_CASE("problem stage: national words count in the headline, the lead and the opening, not deep in the body",
          "[triage][problem]") {
    Triager t(testing::builtin_config());
    const std::string lead = "Công trình kè bờ sông của xã bỏ dở đã hai năm, đá hộc nằm giữa bãi cỏ.";
    auto with = [&](const std::string& second, const std::string& third) {
        Article a = text_of("Kè bờ sông bỏ dở giữa chừng", lead + "\n" + second + "\n" + third);
        a.description = lead;  // the body repeats its lead first, as pages do
        return t.problem(a);
    };
    const std::string plain = "Mùa mưa tới, nhiều hộ ven sông phải dọn đồ lên gác mỗi đêm.";
    const std::string national = "Chương trình kè sông này được cả nước cùng triển khai từ nhiều năm trước.";
    // Deep in the body the nation is an aside: the problem stands, and
    // the reasons say why the words did not count.
    auto deep = with(plain, national);
    CHECK(deep.reported);
    CHECK(std::any_of(deep.reasons.begin(), deep.reasons.end(),
                      [](const std::string& r) { return r.rfind("bỏ qua \"cả nước\" (body)", 0) == 0; }));
    // In the opening paragraph it says what the article is about.
    CHECK_FALSE(with(national, plain).reported);
}

TEST_CASE("problem stage: discipline as a rule of spending is no one disciplined", "[triage][problem]") {
    Triager t(testing::builtin_config());
    auto rule = t.problem(text_of("Tỉnh yêu cầu chặt chẽ chi tiêu ngân sách",
                                  "Chủ tịch UBND tỉnh yêu cầu các sở siết kỷ luật chi tiêu, ưu tiên vốn cho công trình "
                                  "chuyển tiếp."));
    CHECK_FALSE(rule.reported);
    auto disciplined = t.problem(text_of("Cán bộ địa chính bị kỷ luật",
                                         "Chủ tịch UBND xã bị kỷ luật vì để người dân lấn chiếm đất công."));
    CHECK(disciplined.reported);
}

TEST_CASE("problem stage: the police deciding there is no crime to prosecute closes the matter", "[triage][problem]") {
    Triager t(testing::builtin_config());
    const std::string body = "Công an huyện kết luận vụ tranh chấp tiền đặt cọc giữa hai công ty là quan hệ dân sự.";
    CHECK(t.problem(text_of("Vụ tranh chấp tiền đặt cọc giữa hai công ty", body)).reported);
    CHECK_FALSE(t.problem(text_of("Không khởi tố vụ tranh chấp tiền đặt cọc", body)).reported);
}

// Known gaps, not yet met by the rules (issue 18): a costly public work
// stopped soon after it was built, told without the words of waste or
// delay; a bridge closed to traffic until a safety check, told without the
// words of danger. [!shouldfail] keeps them visible: the day the rules
// catch them, this case fails and the rows move to the cases above. (The
// earlier rows are met and moved up: a death at a public work told in the
// opening paragraph, a public centre's director removed, a headline
// problem cancelled by national words deep in the body, a drowning at a
// village pond no one fenced.)
TEST_CASE("problem stage, known gap: a costly work stopped soon after it was built", "[triage][problem][!shouldfail]") {
    Triager t(testing::builtin_config());
    auto pump = t.problem(text_of("Trạm bơm trăm tỷ tạm ngưng sau một mùa mưa",
                                  "Trạm bơm chống ngập xây hết trăm tỷ đồng chạy được một mùa mưa thì tạm ngưng."));
    CHECK(pump.reported);
}

TEST_CASE("problem stage: a bridge closed to traffic until a safety check is unsafe infrastructure",
          "[triage][problem]") {
    Triager t(testing::builtin_config());
    auto bridge = t.problem(text_of("Cầu sắt qua sông tiếp tục cấm xe chờ kiểm định",
                                    "Cây cầu sắt duy nhất nối hai xã tiếp tục cấm ô tô, người dân phải đi vòng mười "
                                    "cây số."));
    CHECK(bridge.reported);
    // The foreign contractor named in the running text does not make it news from abroad.
    auto built_abroad = t.problem(text_of("Tiếp tục cấm cầu vượt sông chờ thẩm định",
                                          "Cầu do một nhà thầu Trung Quốc thi công.\nSở Giao thông chưa cho biết "
                                          "khi nào thông xe trở lại."));
    CHECK(built_abroad.reported);
}

TEST_CASE("problem stage: the legislature and the government asking the nation is no local problem",
          "[triage][problem]") {
    Triager t(testing::builtin_config());
    auto local = t.problem(text_of("Tài sản công bỏ phí, lãng phí hàng chục tỷ đồng",
                                   "Dãy nhà làm việc xây xong ba năm vẫn khóa cửa, cỏ mọc kín sân."));
    CHECK(local.reported);
    auto national = t.problem(text_of("Đề nghị xử lý người đứng đầu để xảy ra lãng phí",
                                      "Một ủy ban của Quốc hội đề nghị Chính phủ kiểm điểm người đứng đầu các cơ "
                                      "quan để xảy ra lãng phí tài sản công trong năm qua."));
    std::string why;
    for (const auto& r : national.reasons) why += r + "\n";
    CAPTURE(why);
    CHECK_FALSE(national.reported);
}

TEST_CASE("problem stage: a problem abroad is international news, a local one naming a foreign firm still counts",
          "[triage][problem]") {
    Triager t(testing::builtin_config());
    auto abroad = t.problem(text_of("Nhà máy ở Nhật Bản xả thải ra vịnh", "Cơ quan môi trường nước này đang điều tra."));
    CHECK_FALSE(abroad.reported);
    auto home = t.problem(text_of("Nhà máy ven sông xả thải ra vịnh", "Cơ quan môi trường đang điều tra."));
    CHECK(home.reported);
    auto foreign_firm = t.problem(text_of("Công ty vốn Hàn Quốc xả thải, người dân bức xúc",
                                          "Nước thải đen đặc chảy thẳng ra con kênh cạnh khu dân cư."));
    CHECK(foreign_firm.reported);
}
