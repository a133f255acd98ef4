#pragma once
// briefing.toml: who sends the letters and the daily digest, how the
// digest is mailed, and which clippings the reports count. Read by
// config/briefing_config.cpp through load_other_file(). Plain values.
#include <map>
#include <string>
#include <vector>

#include "config/toml_reader.h"

namespace presswatch::config {

// The issuing body as it appears in the heading and signature of a letter
// (Decree 30/2020/NĐ-CP layout).
struct Sender {
    std::string parent_body = "UBND TỈNH THANH HÓA";          // cơ quan chủ quản
    std::string body = "SỞ KHOA HỌC VÀ CÔNG NGHỆ";            // cơ quan ban hành
    std::string body_in_text = "Sở Khoa học và Công nghệ";   // the same inside sentences
    std::string body_short = "SKHCN";                        // in the letter number
    std::string unit_short = "TTBC";                         // drafting unit, in the number
    std::string place = "Thanh Hóa";                         // "Thanh Hóa, ngày ..."
    std::string signer_title = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC";
    std::string signer_name;
    std::string contact;                                     // e.g. phone of the desk
    std::vector<std::string> copies = {"UBND tỉnh (để b/c)", "Lưu: VT, TTBC"};
};

// The answer period a letter gives when neither a person nor triage set a
// deadline: answer_days units of answer_clock from the letter's date.
// Vietnamese administrative deadlines count working days (weekends and the
// holidays of response.toml skipped); calendar days stay possible.
struct Letters {
    int answer_days = 10;
    std::string answer_clock = "working-days";  // working-days | calendar-days
};

struct Digest {
    std::string smtp_url;            // smtp://host:port or smtps://host:port; empty: no mail
    bool starttls = false;           // require STARTTLS on smtp://
    std::string username;            // password from $PRESSWATCH_SMTP_PASSWORD
    std::string from;                // e-mail address
    std::string from_name = "Phòng Thông tin - Báo chí";
    std::vector<std::string> to;
    std::string subject = "Điểm tin báo chí về Thanh Hóa ngày {date}";
};

struct ReportRules {
    // relevant: only clippings a person marked relevant; relevant+unreviewed:
    // also clippings not yet reviewed whose score reaches unreviewed_min_score.
    std::string counting = "relevant+unreviewed";
    double unreviewed_min_score = 1.0;
    int main_stories = 10;           // how many main stories the briefing lists
    int story_window_hours = 72;     // republications of a story fall within this
};

struct BriefingConfig {
    Sender sender;
    Letters letters;
    Digest digest;
    ReportRules report;
};

void load_briefing(TableReader r, BriefingConfig& b);

}  // namespace presswatch::config
