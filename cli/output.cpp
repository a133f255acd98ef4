#include "cli/output.h"

#include <algorithm>
#include <ostream>
#include <unistd.h>

namespace presswatch::cli {
namespace {

std::string cell_text(const nlohmann::json& v) {
    if (v.is_null()) return "";
    if (v.is_string()) return v.get<std::string>();
    if (v.is_array()) {
        std::string out;
        for (const auto& e : v) out += (out.empty() ? "" : ", ") + cell_text(e);
        return out;
    }
    if (v.is_number_float()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", v.get<double>());
        return buf;
    }
    return v.dump();
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// U+0300..U+036F, encoded as CC 80..CD AF: zero width.
bool is_combining(const std::string& s, std::size_t i) {
    unsigned char a = static_cast<unsigned char>(s[i]);
    if (i + 1 >= s.size()) return false;
    unsigned char b = static_cast<unsigned char>(s[i + 1]);
    return (a == 0xCC && b >= 0x80) || (a == 0xCD && b <= 0xAF);
}

}  // namespace

std::size_t display_width(const std::string& s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!is_continuation(static_cast<unsigned char>(s[i])) && !is_combining(s, i)) ++w;
    return w;
}

std::string fit(const std::string& s, std::size_t width) {
    if (width == 0 || display_width(s) <= width) return s;
    std::size_t w = 0, i = 0;
    for (; i < s.size(); ++i) {
        if (!is_continuation(static_cast<unsigned char>(s[i])) && !is_combining(s, i)) {
            if (w + 1 >= width) break;
            ++w;
        }
    }
    return s.substr(0, i) + "…";
}

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) == 1; }

void Records::print(std::ostream& out, Format f) const {
    if (f == Format::json) {
        for (const auto& r : rows_) out << r.dump() << "\n";
        return;
    }
    if (f == Format::csv) {
        for (std::size_t c = 0; c < columns_.size(); ++c) out << (c ? "," : "") << csv_escape(columns_[c].key);
        out << "\n";
        for (const auto& r : rows_) {
            for (std::size_t c = 0; c < columns_.size(); ++c)
                out << (c ? "," : "") << csv_escape(cell_text(r.value(columns_[c].key, nlohmann::json())));
            out << "\n";
        }
        return;
    }
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> width(columns_.size());
    for (std::size_t c = 0; c < columns_.size(); ++c) width[c] = display_width(columns_[c].title);
    for (const auto& r : rows_) {
        std::vector<std::string> line;
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            std::string t = cell_text(r.value(columns_[c].key, nlohmann::json()));
            std::replace(t.begin(), t.end(), '\n', ' ');
            t = fit(t, columns_[c].max_width);
            width[c] = std::max(width[c], display_width(t));
            line.push_back(std::move(t));
        }
        cells.push_back(std::move(line));
    }
    auto emit = [&](const std::vector<std::string>& line) {
        std::string row;
        for (std::size_t c = 0; c < line.size(); ++c) {
            row += line[c];
            if (c + 1 < line.size()) row += std::string(width[c] - display_width(line[c]) + 2, ' ');
        }
        out << row << "\n";
    };
    std::vector<std::string> head;
    for (const auto& c : columns_) head.push_back(c.title);
    emit(head);
    for (const auto& line : cells) emit(line);
}

}  // namespace presswatch::cli
