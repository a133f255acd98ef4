// Reads briefing.toml (config/briefing_config.h).
#include "config/briefing_config.h"

#include <fmt/format.h>

namespace presswatch::config {
namespace {

void load_sender(TableReader& t, Sender& s) {
    s.parent_body = t.str_or("parent_body", s.parent_body);
    s.body = t.str_or("body", s.body);
    s.body_in_text = t.str_or("body_in_text", s.body_in_text);
    s.body_short = t.str_or("body_short", s.body_short);
    s.unit_short = t.str_or("unit_short", s.unit_short);
    s.place = t.str_or("place", s.place);
    s.signer_title = t.str_or("signer_title", s.signer_title);
    s.signer_name = t.str_or("signer_name", s.signer_name);
    s.contact = t.str_or("contact", s.contact);
    if (auto c = t.strings("copies"); !c.empty()) s.copies = c;
    if (s.body.empty()) t.fail("body", "must name the issuing body, like \"SỞ KHOA HỌC VÀ CÔNG NGHỆ\"");
    t.finish();
}

void load_letters(TableReader& t, Letters& l) {
    if (auto v = t.integer("answer_days")) {
        if (*v < 1 || *v > 365) t.fail("answer_days", "must be between 1 and 365 days");
        l.answer_days = static_cast<int>(*v);
    }
    l.answer_clock = t.str_or("answer_clock", l.answer_clock);
    if (l.answer_clock != "working-days" && l.answer_clock != "calendar-days")
        t.fail("answer_clock", fmt::format("\"{}\" is not a clock; write \"working-days\" or \"calendar-days\"",
                                           l.answer_clock));
    t.finish();
}

void load_digest(TableReader& t, Digest& d) {
    d.smtp_url = t.str_or("smtp_url", d.smtp_url);
    if (!d.smtp_url.empty() && d.smtp_url.rfind("smtp://", 0) != 0 && d.smtp_url.rfind("smtps://", 0) != 0)
        t.fail("smtp_url", fmt::format("\"{}\" is not an SMTP address; write smtp://host:port or smtps://host:port",
                                       d.smtp_url));
    d.starttls = t.boolean("starttls").value_or(d.starttls);
    d.username = t.str_or("username", d.username);
    d.from = t.str_or("from", d.from);
    d.from_name = t.str_or("from_name", d.from_name);
    d.to = t.strings("to");
    d.subject = t.str_or("subject", d.subject);
    auto is_address = [](const std::string& a) {
        auto at = a.find('@');
        return at != std::string::npos && at > 0 && at + 1 < a.size() && a.find_first_of(" <>,") == std::string::npos;
    };
    if (!d.from.empty() && !is_address(d.from)) t.fail("from", "\"" + d.from + "\" is not an e-mail address");
    for (const auto& a : d.to)
        if (!is_address(a)) t.fail("to", "\"" + a + "\" is not an e-mail address; write one address a string");
    t.finish();
}

void load_report(TableReader& t, ReportRules& r) {
    r.counting = t.str_or("counting", r.counting);
    if (r.counting != "relevant" && r.counting != "relevant+unreviewed")
        t.fail("counting", "must be \"relevant\" or \"relevant+unreviewed\"");
    if (auto v = t.number("unreviewed_min_score")) r.unreviewed_min_score = *v;
    if (auto v = t.integer("main_stories")) {
        if (*v < 0 || *v > 100) t.fail("main_stories", "must be between 0 and 100");
        r.main_stories = static_cast<int>(*v);
    }
    if (auto v = t.integer("story_window_hours")) {
        if (*v < 1 || *v > 24 * 31) t.fail("story_window_hours", "must be between 1 and 744 hours");
        r.story_window_hours = static_cast<int>(*v);
    }
    t.finish();
}

}  // namespace

void load_briefing(TableReader r, BriefingConfig& b) {
    if (auto t = r.table("sender")) load_sender(*t, b.sender);
    if (auto t = r.table("letters")) load_letters(*t, b.letters);
    if (auto t = r.table("digest")) load_digest(*t, b.digest);
    if (auto t = r.table("report")) load_report(*t, b.report);
    r.finish();
}

}  // namespace presswatch::config
