#include "briefing/digest.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "briefing/html_escape.h"
#include "briefing/labels.h"
#include "briefing/month_report.h"
#include "briefing/outlet_names.h"

namespace presswatch::briefing {
namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
    return s;
}

// The passing mentions' section: apart, after the clippings, not counted.
constexpr const char* passing_title = "Bài chỉ nhắc qua đến tỉnh (không tính vào số tin)";

}  // namespace

Digest build_digest(store::Store& st, const config::Config& cfg, std::int64_t day) {
    Digest d;
    d.day = day;
    auto rule = counting_rule(cfg);
    d.rule = rule.describe();
    const OutletNames outlets(cfg, st);
    auto all = st.clippings(day, day + 86400);
    std::reverse(all.begin(), all.end());  // oldest first within each group
    DigestGroup flagged{"Tin cần trả lời, xử lý", {}};
    std::map<std::string, DigestGroup> topics;
    for (auto& a : all) {
        if (!rule.counts(a)) continue;
        ++d.total;
        DigestItem item{a, outlets.name(a.outlet)};
        if (a.flagged) {
            flagged.items.push_back(std::move(item));
            continue;
        }
        std::string key = a.topics.empty() ? "" : a.topics.front();
        auto& g = topics[key];
        g.title = key.empty() ? "Chưa phân loại" : topic_label(cfg, key);
        g.items.push_back(std::move(item));
    }
    if (!flagged.items.empty()) d.groups.push_back(std::move(flagged));
    std::vector<DigestGroup> rest;
    for (auto& [k, g] : topics) rest.push_back(std::move(g));
    std::stable_sort(rest.begin(), rest.end(),
                     [](const DigestGroup& a, const DigestGroup& b) { return a.items.size() > b.items.size(); });
    for (auto& g : rest) d.groups.push_back(std::move(g));
    auto passing = st.passing_mentions(day, day + 86400);
    std::reverse(passing.begin(), passing.end());
    for (auto& a : passing)
        if (a.review != "not-relevant") d.passing.push_back({a, outlets.name(a.outlet)});
    return d;
}

std::string digest_subject(const Digest& d, const config::Config& cfg) {
    return replace_all(cfg.briefing.digest.subject, "{date}", vietnamese_date(d.day));
}

std::string digest_text(const Digest& d, const config::Config& cfg) {
    std::string out = fmt::format("ĐIỂM TIN BÁO CHÍ VỀ TỈNH {} NGÀY {}\n{} tin, bài. {}\n", upper(cfg.province.name),
                                  vietnamese_date(d.day), d.total, d.rule);
    if (d.groups.empty()) out += "\nKhông có tin, bài về tỉnh trong ngày.\n";
    for (const auto& g : d.groups) {
        out += fmt::format("\n{} ({})\n", g.title, g.items.size());
        for (const auto& i : g.items) {
            const auto& a = i.article.article;
            out += fmt::format("\n- [{}] {}\n", i.outlet_name, a.headline);
            if (!a.description.empty()) out += "  " + a.description + "\n";
            out += "  " + a.url + "\n";
        }
    }
    if (!d.passing.empty()) {
        out += fmt::format("\n{} ({})\n", passing_title, d.passing.size());
        for (const auto& i : d.passing)
            out += fmt::format("\n- [{}] {}\n  {}\n", i.outlet_name, i.article.article.headline, i.article.article.url);
    }
    return out;
}

std::string digest_html(const Digest& d, const config::Config& cfg) {
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{}</title>\n"
        "<style>body{{font-family:Arial,\"Liberation Sans\",sans-serif;max-width:46em;margin:1em auto;padding:0 1em;"
        "color:#111}}h1{{font-size:1.3em}}h2{{font-size:1.1em;border-bottom:1px solid #ccc;margin-top:1.4em}}"
        ".flag h2{{color:#b00}}.item{{margin:.8em 0}}.outlet{{color:#555;font-size:.9em}}.lead{{margin:.2em 0}}"
        "a{{word-break:break-all}}</style></head><body>\n<h1>Điểm tin báo chí về tỉnh {} ngày {}</h1>\n<p>{} tin, bài. {}</p>\n",
        html_escape(digest_subject(d, cfg)), html_escape(cfg.province.name), vietnamese_date(d.day), d.total,
        html_escape(d.rule));
    if (d.groups.empty()) out += "<p>Không có tin, bài về tỉnh trong ngày.</p>\n";
    for (std::size_t gi = 0; gi < d.groups.size(); ++gi) {
        const auto& g = d.groups[gi];
        bool flag = gi == 0 && !g.items.empty() && g.items[0].article.flagged;
        out += fmt::format("<section{}><h2>{} ({})</h2>\n", flag ? " class=\"flag\"" : "", html_escape(g.title),
                           g.items.size());
        for (const auto& i : g.items) {
            const auto& a = i.article.article;
            out += fmt::format(
                "<div class=\"item\"><div class=\"outlet\">{}</div><div><a href=\"{}\"><b>{}</b></a></div>{}</div>\n",
                html_escape(i.outlet_name), html_escape(a.url), html_escape(a.headline),
                a.description.empty() ? "" : "<div class=\"lead\">" + html_escape(a.description) + "</div>");
        }
        out += "</section>\n";
    }
    if (!d.passing.empty()) {
        out += fmt::format("<section class=\"passing\"><h2>{} ({})</h2>\n", passing_title, d.passing.size());
        for (const auto& i : d.passing)
            out += fmt::format("<div class=\"item\"><div class=\"outlet\">{}</div><div><a href=\"{}\">{}</a></div></div>\n",
                               html_escape(i.outlet_name), html_escape(i.article.article.url),
                               html_escape(i.article.article.headline));
        out += "</section>\n";
    }
    return out + "</body></html>\n";
}

}  // namespace presswatch::briefing
