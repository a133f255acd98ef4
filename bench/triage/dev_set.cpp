#include "bench/triage/dev_set.h"

#include <array>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace presswatch::bench {

namespace {

// score_triage.py's list, in its order (the first of equal counts wins).
const char* const provinces[] = {
    "Hà Nội", "TP HCM", "TP.HCM", "TP Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Thừa Thiên Huế",
    "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
    "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
    "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình",
    "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An",
    "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi",
    "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Tiền Giang",
    "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái"};

// Python's \w on the byte before or after: ASCII letters, digits, "_", and
// (approximately) every non-ASCII byte, Vietnamese letters being non-ASCII.
bool word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '_'; }

// Offsets of `name` standing as a whole word in `s`.
std::vector<std::size_t> whole_words(const std::string& s, const std::string& name) {
    std::vector<std::size_t> out;
    for (std::size_t at = s.find(name); at != std::string::npos; at = s.find(name, at + 1)) {
        bool before = at > 0 && word_byte(static_cast<unsigned char>(s[at - 1]));
        bool after = at + name.size() < s.size() && word_byte(static_cast<unsigned char>(s[at + name.size()]));
        if (!before && !after) out.push_back(at);
    }
    return out;
}

std::string renamed(const std::string& s, const std::string& from, const std::string& to) {
    std::string out;
    std::size_t last = 0;
    for (auto at : whole_words(s, from)) {
        if (at < last) continue;
        out += s.substr(last, at - last) + to;
        last = at + from.size();
    }
    return out + s.substr(last);
}

}  // namespace

std::vector<DevItem> read_dev_set(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot be read");
    std::vector<DevItem> out;
    std::string line;
    for (std::size_t n = 0; std::getline(in, line); ++n) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object() || !j.contains("needs_response"))
            throw std::runtime_error(file.string() + ":" + std::to_string(n + 1) + ": not a labelled article");
        DevItem it;
        it.line = n;
        it.article.url = j.value("url", "");
        it.article.headline = j.value("title", "");
        std::string lead = j.value("lead", ""), body = j.value("body", ""), paragraphs;
        for (char c : body) paragraphs += c == '\n' ? std::string("\n\n") : std::string(1, c);
        it.article.description = lead;
        it.article.body = lead.empty() ? paragraphs : lead + "\n\n" + paragraphs;
        it.needs_response = j.value("needs_response", false);
        it.severity = j.value("severity", 0);
        if (j.contains("agency_kind") && j["agency_kind"].is_string()) it.agency_kind = j["agency_kind"];
        it.tone = j.value("tone", "");
        it.selection = j.value("selection", "");
        out.push_back(std::move(it));
    }
    return out;
}

Article localised(const Article& a) {
    // The body starts with the lead: count it once, as score_triage.py does.
    std::string all = a.headline + "\n" + a.body;
    std::string top;
    std::size_t most = 0;
    for (const char* p : provinces) {
        std::size_t n = whole_words(all, p).size();
        if (n > most) most = n, top = p;
    }
    Article out = a;
    if (most == 0) {
        out.description = "Thanh Hóa - " + a.description;
        out.body = "Thanh Hóa - " + (a.description.empty() ? "\n\n" + a.body : a.body);
        return out;
    }
    out.headline = renamed(a.headline, top, "Thanh Hóa");
    out.description = renamed(a.description, top, "Thanh Hóa");
    out.body = renamed(a.body, top, "Thanh Hóa");
    return out;
}

}  // namespace presswatch::bench
