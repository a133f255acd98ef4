#include "briefing/respond_step.h"

#include <fmt/format.h>

#include "briefing/letters.h"
#include "config/agency_check.h"
#include "core/error.h"
#include "text/dates.h"

namespace presswatch::briefing {
namespace {

std::int64_t parse_day(const char* option, const std::string& value) {
    if (auto t = text::parse_iso8601(value)) return *t;
    throw InputError(fmt::format("{} \"{}\" is not a date: write YYYY-MM-DD, like 2026-11-26", option, value));
}

const std::string& need(const std::string& v, const char* option, const std::string& action) {
    if (v.empty()) throw InputError(fmt::format("--{} needs {}", action, option));
    return v;
}

}  // namespace

void apply_respond_step(store::Workflow& wf, store::Store& store, const config::Config& cfg, std::int64_t id,
                        const RespondStep& s) {
    auto a = store.article(id);
    if (!a) throw InputError(fmt::format("no article with id {}", id));
    if (s.action == "sent" || s.action == "reassign") {
        store::SentLetter l;
        l.letter_number = need(s.letter, "--letter NUMBER", s.action);
        l.date = parse_day("--date", need(s.date, "--date D (the letter's date)", s.action));
        if (!s.deadline.empty()) l.deadline = parse_day("--deadline", s.deadline);
        l.agency = !s.agency.empty() ? s.agency : a->agencies.size() == 1 ? a->agencies[0] : "";
        if (l.agency.empty())
            throw InputError(fmt::format("--{} needs --agency SLUG: triage named {} agencies for this item", s.action,
                                         a->agencies.size()));
        if (!s.agency.empty()) config::check_agencies(cfg, {s.agency});
        // No deadline from the user nor from triage: the configured default.
        if (!l.deadline && (s.action == "reassign" || !a->deadline)) l.deadline = default_answer_deadline(cfg, l.date);
        if (s.action == "sent") wf.sent(id, l);
        else wf.reassign(id, l);
    } else if (s.action == "answered") {
        wf.answered(id, {parse_day("--date", need(s.date, "--date D (the answer's date)", s.action)), s.reply,
                         s.summary});
    } else if (s.action == "published") {
        wf.published(id, need(s.url, "the link of the published reply", s.action));
    } else if (s.action == "close") {
        wf.close(id, s.reason);
    } else if (s.action == "reopen") {
        wf.reopen(id, s.reason);
    } else {
        throw InputError(fmt::format("\"{}\" is not a response step: use sent, answered, published, close, reopen or "
                                     "reassign",
                                     s.action));
    }
}

}  // namespace presswatch::briefing
