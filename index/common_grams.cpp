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

}  // namespace

CommonGrams::CommonGrams(std::vector<std::string> folded_syllables)
    : set_(folded_syllables.begin(), folded_syllables.end()) {}

CommonGrams CommonGrams::builtin() {
    std::vector<std::string> words;
    std::istringstream in{std::string(builtin_syllables)};
    for (std::string w; in >> w;) words.push_back(w);
    return CommonGrams(std::move(words));
}

CommonGrams CommonGrams::of(const Xapian::Database& db) {
    std::vector<std::string> words;
    std::istringstream in(db.get_metadata(std::string(schema::common_grams_key)));
    for (std::string w; in >> w;) words.push_back(w);
    return CommonGrams(std::move(words));
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
