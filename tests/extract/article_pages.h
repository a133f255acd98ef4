#pragma once
// Pieces of article pages written for the extraction tests (never copied
// from real pages).
#include <string>

namespace presswatch::test_pages {

// Paragraphs long enough to be read as an article body.
inline const std::string body_paragraphs =
    "<p>Sáng 6/3, người dân xã ven biển phản ánh tình trạng nước thải từ khu chăn nuôi chảy thẳng ra kênh, "
    "gây mùi hôi kéo dài suốt nhiều tuần qua.</p>"
    "<p>Theo lời kể của một hộ dân, nước thải có màu đen, bốc mùi nồng nặc, nhất là vào buổi chiều khi "
    "trời nắng nóng, khiến cả xóm phải đóng cửa.</p>"
    "<p>Chính quyền xã cho biết đã lập đoàn kiểm tra, yêu cầu cơ sở dừng xả thải và báo cáo huyện, tỉnh "
    "trong tuần tới để có biện pháp xử lý dứt điểm.</p>";

// A Vietnamese page: head and body as given.
inline std::string page(const std::string& head, const std::string& body) {
    return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">" + head + "</head><body>" + body +
           "</body></html>";
}

}  // namespace presswatch::test_pages
