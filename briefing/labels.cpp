#include "briefing/labels.h"

#include <map>

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "config/agency_check.h"
#include "text/dates.h"
#include "triage/decision.h"

namespace presswatch::briefing {

std::string topic_label(const config::Config& cfg, const std::string& slug) {
    for (const auto& t : cfg.triage.topics)
        if (t.slug == slug) return t.name;
    return slug;
}

std::string tone_label(const std::string& tone) {
    if (tone == "positive") return "Tích cực";
    if (tone == "negative") return "Tiêu cực";
    if (tone == "neutral") return "Trung tính";
    return tone;
}

std::string mention_level_label(const std::string& level) {
    return triage::level_label(triage::level_from_name(level).value_or(triage::MentionLevel::none));
}

std::string status_label(const std::string& status) {
    static const std::map<std::string, std::string> labels = {
        {"pending", "Chờ gửi công văn"},  {"sent", "Đã gửi, chờ trả lời"},
        {"answered", "Đã trả lời"},       {"published", "Đã đăng phản hồi"},
        {"closed", "Đã kết thúc"},        {"overdue", "Quá hạn"},
        {"", "Không cần trả lời"},
    };
    auto it = labels.find(status);
    return it == labels.end() ? status : it->second;
}

std::string agency_label(const config::Config& cfg, const std::string& slug) {
    if (const auto* a = cfg.triage.agency(slug)) return a->name;
    auto all = config::answering_agencies(cfg);
    if (const auto* a = config::find_agency(all, slug)) return a->name;
    return slug;
}

std::string vietnamese_long_date(std::int64_t t) {
    std::string d = text::iso_date(t);  // YYYY-MM-DD
    int day = std::stoi(d.substr(8, 2)), month = std::stoi(d.substr(5, 2));
    // Decree 30/2020: days below 10 and months 1 and 2 take a leading zero.
    return fmt::format("ngày {:02} tháng {} năm {}", day, month < 3 ? fmt::format("{:02}", month) : std::to_string(month),
                       d.substr(0, 4));
}

std::string upper(const std::string& s) {
    std::string out;
    icu::UnicodeString::fromUTF8(s).toUpper(icu::Locale("vi")).toUTF8String(out);
    return out;
}

std::string vietnamese_date(std::int64_t t) { return text::vietnamese_datetime(t).substr(0, 10); }

}  // namespace presswatch::briefing
