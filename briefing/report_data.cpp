// The JSON and CSV forms of the monthly briefing, and writing any form.
#include <fstream>
#include <map>

#include <fmt/format.h>

#include "briefing/labels.h"
#include "briefing/render.h"
#include "core/error.h"
#include "text/dates.h"

namespace presswatch::briefing {
namespace {

using nlohmann::json;

json opt_date(const std::optional<std::int64_t>& t) { return t ? json(text::iso8601(*t)) : json(nullptr); }

json counts_json(const std::vector<Count>& rows) {
    json out = json::array();
    for (const auto& c : rows)
        out.push_back({{"key", c.key}, {"label", c.label}, {"count", c.count}, {"previous", c.previous}});
    return out;
}

json issue_json(const Issue& i) {
    const auto& a = i.article;
    json j{{"id", a.id},
           {"url", a.article.url},
           {"outlet", a.outlet},
           {"outlet_name", i.outlet_name},
           {"published", opt_date(a.article.published)},
           {"headline", a.article.headline},
           {"agencies", i.agencies},
           {"status", i.status},
           {"deadline", opt_date(a.deadline)}};
    if (const auto& r = i.response) {
        j["letter_number"] = r->letter_number;
        j["letter_date"] = opt_date(r->letter_date);
        j["answered_date"] = opt_date(r->answered_date);
        j["reply_number"] = r->reply_number;
        j["answer_summary"] = r->answer_summary;
        j["published_url"] = r->published_url;
    }
    return j;
}

}  // namespace

json report_json(const MonthReport& r) {
    json j;
    j["period"] = {{"month", r.period.label}, {"from", text::iso8601(r.period.from)},
                   {"to", text::iso8601(r.period.to)}, {"previous", r.previous.label}};
    j["rule"] = {{"name", r.rule.name}, {"min_score", r.rule.min_score}, {"text", r.rule.describe()}};
    j["as_of"] = text::iso8601(r.as_of);
    j["totals"] = {{"clippings", r.clippings}, {"stories", r.stories},     {"central", r.central},
                   {"local", r.local},         {"previous_clippings", r.previous_clippings},
                   {"previous_stories", r.previous_stories}, {"passing", r.passing},
                   {"previous_passing", r.previous_passing}};
    j["by_outlet"] = counts_json(r.by_outlet);
    j["by_topic"] = counts_json(r.by_topic);
    j["by_tone"] = counts_json(r.by_tone);
    j["per_day"] = json::array();
    for (const auto& c : r.per_day) j["per_day"].push_back({{"date", c.key}, {"count", c.count}});
    j["issues"] = json::array();
    for (const auto& i : r.issues) j["issues"].push_back(issue_json(i));
    j["waiting"] = json::array();
    for (const auto& i : r.waiting) j["waiting"].push_back(issue_json(i));
    j["main_stories"] = json::array();
    for (const auto& s : r.main_stories)
        j["main_stories"].push_back({{"headline", s.headline}, {"first", text::iso8601(s.first)},
                                     {"outlets", s.outlets}, {"articles", s.articles}});
    j["clippings"] = json::array();
    for (const auto& c : r.annex) {
        const auto& a = c.article;
        j["clippings"].push_back({{"id", a.id}, {"published", opt_date(a.article.published)},
                                  {"outlet", a.outlet}, {"outlet_name", c.outlet_name}, {"kind", c.outlet_kind},
                                  {"headline", a.article.headline}, {"url", a.article.url}, {"topics", a.topics},
                                  {"tone", a.tone}, {"review", a.review}, {"flagged", a.flagged},
                                  {"story", c.story}});
    }
    j["searches"] = json::array();
    for (const auto& s : r.searches) j["searches"].push_back({{"figure", s.figure}, {"query", s.query}});
    return j;
}

namespace {

std::string csv_cell(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string csv_row(const std::vector<std::string>& cells) {
    std::string line;
    for (const auto& c : cells) line += (line.empty() ? "" : ",") + csv_cell(c);
    return line + "\n";
}

std::string csv_date(const std::optional<std::int64_t>& t) { return t ? text::iso8601(*t) : ""; }

std::string joined(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}

std::vector<std::string> issue_cells(const char* section, const Issue& i) {
    const auto& a = i.article;
    const auto& r = i.response;
    return {section,
            std::to_string(a.id),
            csv_date(a.article.published),
            a.outlet,
            i.outlet_name,
            a.article.headline,
            a.article.url,
            joined(i.agencies, " "),
            r ? r->letter_number : "",
            r ? csv_date(r->letter_date) : "",
            csv_date(a.deadline),
            i.status,
            status_label(i.status),
            r ? csv_date(r->answered_date) : "",
            r ? r->reply_number : "",
            r ? r->answer_summary : "",
            r ? r->published_url : ""};
}

const std::vector<std::string> issue_header = {
    "section",       "id",          "published", "outlet",       "outlet_name",  "headline",
    "url",           "agencies",    "letter_number", "letter_date", "deadline", "status",
    "status_label",  "answered_date", "reply_number", "answer_summary", "published_url"};

}  // namespace

std::string report_csv(const MonthReport& r) {
    // The figures: one table of section,key,label,value,previous.
    std::string out = csv_row({"section", "key", "label", "value", "previous"});
    auto row = [&](const std::string& section, const std::string& key, const std::string& label,
                   const std::string& value, const std::string& previous) {
        out += csv_row({section, key, label, value, previous});
    };
    row("scope", "month", "Tháng", r.period.label, r.previous.label);
    row("scope", "rule", "Cách tính", r.rule.describe(), "");
    row("total", "clippings", "Số tin", std::to_string(r.clippings), std::to_string(r.previous_clippings));
    row("total", "stories", "Số sự việc", std::to_string(r.stories), std::to_string(r.previous_stories));
    row("total", "passing", "Bài nhắc qua đến tỉnh", std::to_string(r.passing), std::to_string(r.previous_passing));
    row("total", "central", "Báo Trung ương", std::to_string(r.central), "");
    row("total", "local", "Báo địa phương", std::to_string(r.local), "");
    auto counts = [&](const char* section, const std::vector<Count>& rows) {
        for (const auto& c : rows) row(section, c.key, c.label, std::to_string(c.count), std::to_string(c.previous));
    };
    counts("outlet", r.by_outlet);
    counts("topic", r.by_topic);
    counts("tone", r.by_tone);
    for (const auto& c : r.per_day) row("day", c.key, c.label, std::to_string(c.count), "");
    std::map<std::string, std::int64_t> statuses;
    for (const auto& i : r.issues) ++statuses[i.status];
    for (const auto& [s, n] : statuses) row("status", s, status_label(s), std::to_string(n), "");

    // Then the lists, each after an empty line and its own header row
    // (first cell "section"), each row's first cell naming its list.
    auto list = [&](const std::vector<std::string>& header) { out += "\n" + csv_row(header); };
    list(issue_header);
    for (const auto& i : r.issues) out += csv_row(issue_cells("issue", i));
    list(issue_header);
    for (const auto& i : r.waiting) out += csv_row(issue_cells("waiting", i));
    list({"section", "rank", "first", "outlet_count", "outlets", "articles", "headline"});
    for (std::size_t k = 0; k < r.main_stories.size(); ++k) {
        const auto& st = r.main_stories[k];
        std::vector<std::string> ids;
        for (auto id : st.articles) ids.push_back(std::to_string(id));
        out += csv_row({"story", std::to_string(k + 1), text::iso8601(st.first), std::to_string(st.outlets.size()),
                        joined(st.outlets, "; "), joined(ids, " "), st.headline});
    }
    list({"section", "id", "published", "outlet", "outlet_name", "kind", "headline", "url", "topics", "tone",
          "review", "flagged", "story_no"});
    for (const auto& c : r.annex) {
        const auto& a = c.article;
        out += csv_row({"clipping", std::to_string(a.id), csv_date(a.article.published), a.outlet, c.outlet_name,
                        c.outlet_kind, a.article.headline, a.article.url, joined(a.topics, " "), a.tone, a.review,
                        a.flagged ? "1" : "0", std::to_string(c.story + 1)});
    }
    list({"section", "figure", "query"});
    for (const auto& s : r.searches) out += csv_row({"search", s.figure, s.query});
    return out;
}

void write_file(const std::filesystem::path& out, const std::string& bytes) {
    auto tmp = out;
    tmp += ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) throw RuntimeFailure("cannot write " + out.string() + ": check that its folder exists and is writable");
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!f) throw RuntimeFailure("cannot write " + out.string() + ": the disk may be full");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, out, ec);
    if (ec) throw RuntimeFailure("cannot write " + out.string() + ": " + ec.message());
}

void write_report(const MonthReport& r, const config::Config& cfg, const std::string& format,
                  const std::filesystem::path& out) {
    std::string bytes;
    if (format == "json") bytes = report_json(r).dump(2) + "\n";
    else if (format == "csv") bytes = report_csv(r);
    else if (format == "html") bytes = report_html(r, cfg);
    else if (format == "docx") bytes = report_docx(r, cfg);
    else throw InputError("format \"" + format + "\" is unknown: use docx, html, csv or json");
    write_file(out, bytes);
}

}  // namespace presswatch::briefing
