#pragma once
// Draft official letters (công văn đề nghị kiểm tra, xác minh, trả lời):
// one per agency that has flagged items not yet sent, as a Word file in the
// Vietnamese administrative layout (Decree 30/2020/NĐ-CP).
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "config/config.h"
#include "store/store.h"

namespace presswatch::briefing {

struct LetterDraft {
    std::string agency;                       // slug
    std::vector<store::StoredArticle> items;  // oldest first
    std::int64_t deadline = 0;                // answer due by
    // What people call the items' outlets, by slug (briefing/outlet_names.h);
    // an outlet missing here is named from the configuration.
    std::map<std::string, std::string> outlet_names = {};
};

struct LetterPlan {
    std::vector<LetterDraft> letters;         // by agency slug
    std::vector<std::int64_t> without_agency; // flagged items nobody can be asked about
};

// Flagged clippings published in [from, to) whose letter has not been sent
// (and not marked not relevant), grouped by agency; an item naming two
// agencies goes into both letters, so that each verifies its part. The
// deadline is the earliest of the items' deadlines and default_answer_deadline.
// The letter's date plus the configured answer period ([letters]
// answer_days on answer_clock, working days skipping the holidays of
// response.toml): the deadline when no one set another.
std::int64_t default_answer_deadline(const config::Config& cfg, std::int64_t letter_date);

// only: when given, just these articles (the web's Flagged page drafts
// letters for the items a person selected).
LetterPlan plan_letters(store::Store& store, const config::Config& cfg, std::int64_t from, std::int64_t to,
                        std::int64_t date, const std::set<std::int64_t>* only = nullptr);

// The .docx bytes of one letter dated `date`, the number left blank for
// the office's register.
std::string letter_docx(const LetterDraft& letter, const config::Config& cfg, std::int64_t from, std::int64_t to,
                        std::int64_t date);

}  // namespace presswatch::briefing
