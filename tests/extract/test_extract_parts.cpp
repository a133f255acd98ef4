// The extractor's parts on their own: entity decoding, bylines, outlet tags.
#include <catch2/catch.hpp>

#include "extract/extract_steps.h"
#include "extract/html_entities.h"

using namespace presswatch::extract;

TEST_CASE("metadata entities are decoded once, twice only when double-escaped", "[extract][entities]") {
    const std::pair<const char*, const char*> rows[] = {
        {"Ch&#237;nh s&#225;ch m&#7899;i", "Chính sách mới"},
        {"Chi&amp;#7871;n s&amp;#7921;", "Chiến sự"},
        {"NH&#7852;T XU&Acirc;N", "NHẬT XUÂN"},
        {"AT&amp;T v&agrave; Apple", "AT&T và Apple"},
        {"x &lt; y &#x1EA1;", "x < y ạ"},
        {"giữ nguyên &unknown; và & lẻ", "giữ nguyên &unknown; và & lẻ"},
        {"&#0; &#xD800; &#99999999;", "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD"},
        {"không có thực thể", "không có thực thể"},
    };
    for (auto& [in, want] : rows) {
        INFO(in);
        CHECK(decode_metadata_entities(in) == want);
    }
}

TEST_CASE("bylines split into people and a 'Theo X' source", "[extract][byline]") {
    struct Row {
        const char* text;
        std::vector<std::string> authors;
        const char* source;
    };
    const Row rows[] = {
        {"Hà Thu (tổng hợp)", {"Hà Thu"}, ""},
        {"Nguyên Minh - 07/03/2026 08:47", {"Nguyên Minh"}, ""},
        {"NHẬT XUÂN và 1 tác giả khác", {"NHẬT XUÂN"}, ""},
        {"Quang Phong - Tùng Nguyên", {"Quang Phong - Tùng Nguyên"}, ""},
        {"Minh An, Thu Hà", {"Minh An", "Thu Hà"}, ""},
        {"Bài và ảnh: Lê Hoài", {"Lê Hoài"}, ""},
        {"By Jane Doe and John Roe", {"Jane Doe", "John Roe"}, ""},
        {"Theo VTV", {}, "VTV"},
        {"Lan Anh (Theo Reuters)", {"Lan Anh"}, "Reuters"},
        // The words of the date that ends a byline go with it.
        {"Jane Doe November 19, 2019 10:00 AM", {"Jane Doe"}, ""},
        {"Eric Song, IGN Staff Updated: Nov 22, 2019", {"Eric Song", "IGN Staff"}, ""},
        {"Nguyên Minh - Thứ bảy, 07/03/2026 08:47", {"Nguyên Minh"}, ""},
        {"Thu Hà Đăng lúc 08:47 ngày 7/3", {"Thu Hà"}, ""},
        {"Hoàng Nam - 07/03/2026", {"Hoàng Nam"}, ""},
        {"Posted by Mai Lan on 7/3/2026", {"Mai Lan"}, ""},
    };
    for (const Row& r : rows) {
        INFO(r.text);
        auto b = parse_byline(r.text);
        REQUIRE(b.has_value());
        CHECK(b->authors == r.authors);
        CHECK(b->source == r.source);
    }
    for (const char* not_names : {"Ảnh: Ngọc Lan", "giá vàng tăng mạnh trong phiên sáng nay.", "Monday November 18, 2019",
                                  "Thứ bảy, 07/03/2026", "Theo 07/03/2026" /* a source with no name: found by fuzz_extract */,
                                  "Đọc thêm bài viết này ở đâu?", ""}) {
        INFO(not_names);
        CHECK_FALSE(parse_byline(not_names).has_value());
    }
}

TEST_CASE("a lead opening with the outlet's tag is recognised", "[extract][lead]") {
    for (const char* yes : {"(Dân trí) - Giá vàng", "TT - Trao đổi với", "(PLO)- VKSND", "(Chinhphu.vn) - Tháng 3"})
        CHECK(opens_with_outlet_tag(yes));
    for (const char* no : {"Giá vàng hôm nay - tăng", "(Ảnh minh họa) Người dân", "HÀ NỘI là thủ đô"})
        CHECK_FALSE(opens_with_outlet_tag(no));
}
