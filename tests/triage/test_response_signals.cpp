#include <catch2/catch.hpp>

#include <algorithm>

#include "builtin_config.h"
#include "config/config.h"
#include "text/dates.h"
#include "triage/triage.h"

using namespace presswatch;
using namespace presswatch::triage;

namespace {

Article clipping_with(const std::string& sentence) {
    Article a;
    a.url = "https://example.vn/tin-tuc/bai-viet.html";
    a.headline = "Chuyện ở phường Sầm Sơn";
    a.description = "Phóng viên ghi lại câu chuyện ở phường Sầm Sơn, tỉnh Thanh Hóa.";
    a.body = "Buổi sáng ở khu phố mới diễn ra như mọi ngày. " + sentence + " Câu chuyện còn tiếp tục.";
    a.published = text::parse_iso8601("2026-10-05T09:00:00+07:00");
    return a;
}

// The same, the sentence standing in the lead: for signals that count only
// where an article says what it is about.
Article clipping_with_lead(const std::string& sentence) {
    Article a = clipping_with("");
    a.description = "Phóng viên ghi lại câu chuyện ở phường Sầm Sơn, tỉnh Thanh Hóa. " + sentence;
    return a;
}

bool fired(const Decision& d, const std::string& signal_name) {
    return std::any_of(d.flag.reasons.begin(), d.flag.reasons.end(),
                       [&](const std::string& r) { return r.rfind(signal_name + " (", 0) == 0; });
}

}  // namespace

TEST_CASE("every response signal fires on its first phrase and not after a negation", "[triage][signals]") {
    const auto& cfg = testing::builtin_config();
    Triager t(cfg);
    const std::string negation = cfg.triage.response.negations.front();
    for (const auto& s : cfg.triage.response.signals) {
        if (s.phrases.empty()) continue;
        const std::string& phrase = s.phrases.front();
        // A signal with a context needs one of its context words in the sentence.
        const std::string context = s.context.empty() ? std::string() : " ở " + s.context.front();
        CAPTURE(s.name, phrase, context);
        const bool in_body = s.fields.empty() || std::count(s.fields.begin(), s.fields.end(), "opening") ||
                             std::count(s.fields.begin(), s.fields.end(), "body");
        auto with = [&](const std::string& sentence) {
            return in_body ? clipping_with(sentence) : clipping_with_lead(sentence);
        };
        auto plain = t.decide(with("Ở đây có chuyện " + phrase + context + " được nhắc tới."), 0);
        REQUIRE(plain.clipping);
        CHECK(fired(plain, s.name));
        auto negated = t.decide(with("Ở đây " + negation + " " + phrase + context + " nào cả."), 0);
        CHECK_FALSE(fired(negated, s.name));
        if (!s.context.empty()) {
            auto alone = t.decide(with("Ở đây có chuyện " + phrase + " được nhắc tới."), 0);
            CHECK_FALSE(fired(alone, s.name));
        }
    }
}

TEST_CASE("a reader column is recognised from the URL", "[triage][signals]") {
    Triager t(testing::builtin_config());
    auto a = clipping_with("Đường làng xuống cấp, người dân gửi đơn nhiều lần.");
    a.url = "https://example.vn/ban-doc/duong-lang-xuong-cap.html";
    auto d = t.decide(a, 0);
    CHECK(fired(d, "chuyên mục bạn đọc, đường dây nóng"));
    CHECK(d.flag.needed);
}

TEST_CASE("flags: complaints are flagged, handled problems and court verdicts are not", "[triage][flag]") {
    Triager t(testing::builtin_config());
    struct Row {
        const char* body;
        bool flag;
    };
    const Row rows[] = {
        {"Người dân phản ánh bãi rác bốc mùi hôi thối, đề nghị cơ quan chức năng kiểm tra, xử lý.", true},
        {"Sau phản ánh của báo, bãi rác đã được dọn sạch, điểm tập kết đã được khắc phục.", false},
        {"Tòa án tuyên phạt bị cáo 5 năm tù về tội lừa đảo, vụ án khép lại sau hai năm.", false},
        {"Ngư dân gặp nạn đã được cứu sống kịp thời, lực lượng biên phòng được biểu dương.", false},
        {"Khu công nghiệp có hệ thống xử lý nước thải hiện đại, vận hành từ năm ngoái.", false},
        {"Phụ huynh bức xúc vì nhà trường lạm thu nhiều khoản, đề nghị Sở kiểm tra.", true},
    };
    for (const auto& r : rows) {
        CAPTURE(r.body);
        auto d = t.decide(clipping_with(r.body), 0);
        REQUIRE(d.clipping);
        CHECK(d.flag.needed == r.flag);
    }
}

TEST_CASE("agencies: by topic, an institution's own board, and the qualified commune or ward", "[triage][routing]") {
    Triager t(testing::builtin_config());
    struct Row {
        const char* headline;
        const char* body;
        std::vector<std::string> expected;
    };
    const std::vector<Row> rows = {
        {"Người dân xã Hoằng Tiến bức xúc vì ô nhiễm",
         "Người dân xã Hoằng Tiến phản ánh trại lợn xả thải gây ô nhiễm môi trường, mùi hôi thối, đề nghị cơ quan chức năng kiểm tra.",
         {"so-nnmt", "ubnd-xa-hoang-tien"}},
        {"Công nhân KCN Lễ Môn bị nợ lương",
         "Hàng trăm công nhân ở KCN Lễ Môn, tỉnh Thanh Hóa phản ánh công ty nợ lương, nợ bảo hiểm xã hội nhiều tháng; người lao động đề nghị cơ quan chức năng kiểm tra.",
         {"so-nv", "bql-kkt"}},
        {"Trường học ở phường Hạc Thành lạm thu",
         "Phụ huynh học sinh một trường tiểu học ở phường Hạc Thành bức xúc vì lạm thu, đề nghị Sở Giáo dục kiểm tra.",
         {"so-gddt", "ubnd-phuong-hac-thanh"}},
    };
    for (const auto& r : rows) {
        CAPTURE(r.headline);
        Article a = clipping_with(r.body);
        a.headline = r.headline;
        a.description.clear();
        a.body = r.body;
        auto d = t.decide(a, 0);
        REQUIRE(d.flag.needed);
        auto got = d.flag.agencies;
        auto want = r.expected;
        std::sort(got.begin(), got.end());
        std::sort(want.begin(), want.end());
        CHECK(got == want);
        CHECK(d.flag.deadline.has_value());
    }
}

TEST_CASE("scoring: headline and lead weigh more, a late aside or a hometown less", "[triage][score]") {
    Triager t(testing::builtin_config());
    std::string filler(1200, ' ');
    for (std::size_t i = 0; i + 10 < filler.size(); i += 10) filler.replace(i, 9, "Nội dung ");
    auto score = [&](const std::string& headline, const std::string& lead, const std::string& body) {
        Article a;
        a.headline = headline;
        a.description = lead;
        a.body = body;
        return t.decide(a, 0);
    };
    auto in_headline = score("Thanh Hóa khởi công cầu mới", "", filler);
    auto in_lead = score("Khởi công cầu mới", "Tỉnh Thanh Hóa khởi công cầu mới.", filler);
    auto early_body = score("Khởi công cầu mới", "", "Tỉnh Thanh Hóa khởi công cầu. " + filler);
    auto late_body = score("Khởi công cầu mới", "", filler + " Ông A ở Thanh Hóa cũng đến dự.");
    auto hometown = score("Khởi công cầu mới", "", "Anh B, quê Thanh Hóa, kể lại. " + filler);
    CHECK(in_headline.score > in_lead.score);
    CHECK(in_lead.score > early_body.score);
    CHECK(early_body.score > late_body.score);
    CHECK(late_body.score > hometown.score);
    CHECK(in_headline.clipping);
    CHECK(early_body.clipping);
    CHECK_FALSE(late_body.clipping);
    CHECK_FALSE(hometown.clipping);
}

TEST_CASE("a name written in lower case or without its capital is not a place", "[triage][mentions]") {
    Triager t(testing::builtin_config());
    Article a;
    a.headline = "Cong an bat mot nhom lua dao";
    a.body = "Cong an da bat mot nhom doi tuong lua dao qua mang.";
    auto d = t.decide(a, 0);
    CHECK(d.mentions.empty());
    CHECK_FALSE(d.clipping);
}
