#include "index/common_grams.h"

#include <sstream>

#include "index/schema.h"

namespace presswatch::index {
namespace {

// About 120 of the most frequent syllables of Vietnamese news text,
// folded (several spellings share one fold: co = có, cơ, cô). Written by
// hand for this project from general knowledge of the language: function
// words, the administrative and economic vocabulary every article uses.
constexpr std::string_view builtin_syllables =
    "cua va cac co la duoc trong cho khong nguoi nhung voi da mot nay nam den khi tu thi ve ra de cung tai "
    "theo se nhu nhieu dang vao lam sau tren nha nuoc lai hien phai dong cong viec tinh xa huyen thanh pho "
    "ha noi ngay thang so cao quan chinh phat trien dan tu dau kinh te san xuat hoi bo ban chuc hoat thuc "
    "hop nhan don vi moi truong hoc giao thong tien hanh quyet dinh ke hoach doanh nghiep dia phuong tich "
    "gia tri dung dat the tre em an toan xay dung du an lanh dao cap uy bien phap kiem tra ho tro trung "
    "tam bao biet them dien ket qua muc tieu";

// The next ~240 most frequent syllables, folded, about most frequent
// first: a new index numbers them first, and so gives each a value slot
// of its own (word_positions.h). Written by hand as the list above; a
// word missing here costs speed only: its phrases walk a shared slot.
constexpr std::string_view builtin_next_syllables =
    "anh chi ong ba con cha me minh chung toi ta ai gi nao sao nhat hai bon bay chin muoi tram nghin "
    "trieu ty phan gio luc buoi sang chieu dem tuan len xuong ngoai giua truoc ben canh rat hon chua "
    "roi vua van neu nen ma hay hoac tuy lon nho cu tot xau dep rung song nui ruong vuon lua gao mua "
    "nang lu lut han duong cau xe tau may benh vien y si suc khoe sinh sat toa vu dieu bat giu xu ly "
    "pham luat nghi von thu thue tang giam hang hoa nong ngu khu lao luong quy rac thai sach le lich "
    "bong quoc thon lang mien bac tay nganh chu doc phong tuong hiep kien loi tin trach nhiem cuoc "
    "doi chong hinh chuong trinh nhien khac giai doan thoi gian vuc ca tap to luan chuan dich ky "
    "thuat khoa nghe mang thoai thiet bi tham ung gop thien cuu lo toc su truyen soat dai mat bang "
    "boi thuong cang nhiet loc duc tao son bim ngoc lac tiep tuc khai vuot ngan no ninh trat nan "
    "vong yeu hoan danh binh huong tran gan nhanh cham ro kip nhom lien he do tong phep giay buon lau "
    "kho quyen nghia sai sot phi tiet sung sua ngung chuyen mo rong nguon kha truc tuyen chat trang "
    "hau nguyen xac nua rang met tan";

std::vector<std::string> split(std::string_view words) {
    std::vector<std::string> out;
    std::istringstream in{std::string(words)};
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

}  // namespace

CommonGrams::CommonGrams(std::vector<std::string> folded_syllables, std::vector<std::string> next_most_frequent)
    : set_(folded_syllables.begin(), folded_syllables.end()) {
    std::set<std::string, std::less<>> seen;
    for (auto& w : next_most_frequent)
        if (!common(w) && seen.insert(w).second) numbered_first_.push_back(std::move(w));
}

CommonGrams CommonGrams::builtin() { return CommonGrams(split(builtin_syllables), split(builtin_next_syllables)); }

CommonGrams CommonGrams::of(const Xapian::Database& db) {
    return CommonGrams(split(db.get_metadata(std::string(schema::common_grams_key))));
}

void CommonGrams::record(Xapian::WritableDatabase& db) const {
    std::string joined;
    for (const auto& w : set_) {
        if (!joined.empty()) joined += ' ';
        joined += w;
    }
    db.set_metadata(std::string(schema::common_grams_key), joined);
}

std::string CommonGrams::pair_of_common(std::string_view a, std::string_view b) {
    std::string t(schema::common_gram);
    t.append(a).append("_").append(b);
    return t;
}

std::string CommonGrams::pair_term(std::string_view a, std::string_view b) const {
    if (!common(a) || !common(b)) return {};
    return pair_of_common(a, b);
}

}  // namespace presswatch::index
