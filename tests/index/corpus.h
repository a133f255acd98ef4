#pragma once
// A small corpus of original Vietnamese news snippets (written for these
// tests) and a helper that indexes it into a temporary folder.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "index/index.h"
#include "text/dates.h"
#include "support.h"

namespace presswatch::testing {

// Unix seconds of y-m-d hour:00 in Vietnam (UTC+7).
inline std::int64_t vn_time(int y, unsigned m, unsigned d, int hour = 8) {
    return text::days_from_civil(y, m, d) * 86400 + (hour - 7) * 3600;
}

inline index::Document doc(std::int64_t id, std::string outlet, std::string headline, std::string body,
                           std::int64_t published) {
    index::Document d;
    d.id = id;
    d.url = "https://" + outlet + ".example/" + std::to_string(id);
    d.outlet = std::move(outlet);
    d.headline = std::move(headline);
    d.body = std::move(body);
    d.published = published;
    d.fetched = published;
    d.clipping = true;
    d.review = "new";
    d.tone = "neutral";
    return d;
}

// The corpus used by most search tests. Ids are chosen so that a failing
// check names the article at once.
inline std::vector<index::Document> news_corpus() {
    std::vector<index::Document> v;
    auto add = [&](index::Document d) { v.push_back(std::move(d)); };
    {
        auto d = doc(1, "vnexpress", "Thanh Hóa khởi công cầu vượt sông Mã",
                     "Sáng nay tỉnh Thanh Hóa khởi công cây cầu thứ ba bắc qua sông Mã, dài gần một cây số.",
                     vn_time(2026, 11, 3));
        d.topics = {"giao-thong"};
        d.places = {"Thanh Hóa"};
        d.author = "Lê Hoàng";
        add(d);
    }
    {
        auto d = doc(2, "dantri", "Người dân Thanh Hoá phản ánh ô nhiễm ở khu công nghiệp",
                     "Nhiều hộ dân gần khu công nghiệp ở Thanh Hoá cho biết nước thải chảy ra kênh tưới.",
                     vn_time(2026, 11, 10));
        d.topics = {"moi-truong", "doanh-nghiep"};
        d.flagged = true;
        d.agencies = {"so-nnmt"};
        d.places = {"Thanh Hóa"};
        add(d);
    }
    {
        auto d = doc(3, "tuoitre", "THANH HÓA: MỞ RỘNG CẢNG NGHI SƠN",
                     "Cảng biển Nghi Sơn sẽ có thêm hai bến container trong năm tới, theo kế hoạch của tỉnh.",
                     vn_time(2026, 10, 20));
        d.topics = {"kinh-te"};
        d.places = {"Thanh Hóa", "Nghi Sơn"};
        d.tags = {"Nghi Sơn", "cảng biển"};
        add(d);
    }
    {
        auto d = doc(4, "baomoi", "Giá lúa ở thanh hoa tăng nhẹ",
                     "Thuong lai thu mua lua o thanh hoa voi gia cao hon vu truoc.", vn_time(2026, 9, 15));
        d.topics = {"nong-nghiep"};
        add(d);
    }
    {
        auto d = doc(5, "vietnamnet", "Hà Nội mở thêm tuyến xe buýt điện",
                     "Thành phố Hà Nội đưa vào khai thác tuyến xe buýt điện nối trung tâm với sân bay.",
                     vn_time(2026, 11, 12));
        d.topics = {"giao-thong"};
        d.clipping = false;
        add(d);
    }
    {
        auto d = doc(6, "thanhnien", "Lễ hội xuân ở phường Thanh Hòa, Đà Nẵng",
                     "Phường Thanh Hòa tổ chức lễ hội xuân với hàng nghìn chậu cây cảnh.", vn_time(2026, 2, 1));
        d.topics = {"van-hoa"};
        d.clipping = false;
        add(d);
    }
    {
        auto d = doc(7, "vnexpress", "Nhà máy lọc dầu Nghi Sơn bảo dưỡng tổng thể",
                     "Nhà máy lọc dầu Nghi Sơn tạm dừng để bảo dưỡng trong 50 ngày, nguồn cung xăng dầu vẫn ổn định.",
                     vn_time(2026, 11, 20));
        d.topics = {"kinh-te", "doanh-nghiep"};
        d.places = {"Nghi Sơn"};
        d.story = 7;
        d.review = "relevant";
        add(d);
    }
    {
        auto d = doc(8, "dantri", "Lọc dầu Nghi Sơn dừng máy bảo dưỡng 50 ngày",
                     "Nhà máy lọc dầu Nghi Sơn tạm dừng để bảo dưỡng trong 50 ngày; nguồn cung xăng dầu được bảo đảm.",
                     vn_time(2026, 11, 21));
        d.topics = {"kinh-te"};
        d.places = {"Nghi Sơn"};
        d.story = 7;
        add(d);
    }
    return v;
}

// The snippet of article id among result's hits; nullopt when it is not
// among them.
inline std::optional<std::string> snippet_of(const index::SearchResult& result, std::int64_t id) {
    for (const auto& h : result.hits)
        if (h.id == id) return h.snippet;
    return std::nullopt;
}

// Indexes docs into a fresh folder that lives as long as the object.
class TestIndex {
public:
    explicit TestIndex(const std::vector<index::Document>& docs = news_corpus()) {
        index::Writer w(dir_.path());
        for (const auto& d : docs) {
            w.put(d);
            texts_[d.id] = d.lead + "\n\n" + d.body;
        }
        w.commit();
    }
    const std::filesystem::path& path() const { return dir_.path(); }
    std::string text(std::int64_t id) const { return texts_.at(id); }

    std::vector<std::int64_t> ids(const std::string& query, index::SearchOptions o = {}) {
        index::Searcher s(path());
        if (o.limit == 20) o.limit = 100;
        std::vector<std::int64_t> out;
        for (const auto& h : s.search(query, o).hits) out.push_back(h.id);
        return out;
    }
    std::set<std::int64_t> id_set(const std::string& query, index::SearchOptions o = {}) {
        auto v = ids(query, o);
        return {v.begin(), v.end()};
    }

private:
    TempDir dir_;
    std::map<std::int64_t, std::string> texts_;
};

}  // namespace presswatch::testing
