// bench_mentions [--verbose] [--development-only] [DATA_DIR]
//
// How well triage grades the province's mentions (subject / passing / not)
// on real text: ../shared/data/triage-dev (or DATA_DIR), never copied into
// the project.
//   mentions.jsonl: real headlines and descriptions naming Thanh Hóa,
//     labelled main / partial (counted as subject) or incidental (passing).
//     Prints subject recall and precision, passing recall (counted as at
//     least passing), on the development part and on the part kept aside
//     (lines i % 5 == 0, 0-based), each against its target.
//   flags.jsonl: real articles about other provinces, as published (not
//     renamed): none may become a subject (a clipping); prints how many did,
//     and how many are passing.
// --development-only prints no figure that involves the part kept aside,
// and each fold of the development part (lines i % 5 == 1, 2, 3, 4) on its
// own: rules are written from the errors of some folds and checked on the
// others (docs/triage.md, "Cross-validation").
// Articles are built as score_triage.py builds them (the lead also opens
// the body), so the two agree. Skips with a message when the data is absent.
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "config/config.h"
#include "triage/decision_json.h"
#include "triage/triage.h"

using namespace presswatch;
using triage::MentionLevel;

namespace {

constexpr int aside_every = 5;
constexpr double subject_recall_target = 0.98, subject_precision_target = 0.98, passing_recall_target = 0.90;

Article article(const nlohmann::json& r, const char* lead_key) {
    Article a;
    a.url = r.value("url", "");
    a.headline = r.value("title", "");
    std::string lead = r.contains(lead_key) && r[lead_key].is_string() ? r[lead_key].get<std::string>() : "";
    std::string body = r.contains("body") && r["body"].is_string() ? r["body"].get<std::string>() : "";
    a.description = lead;
    std::string paragraphs;
    for (char c : body) paragraphs += c == '\n' ? std::string("\n\n") : std::string(1, c);
    a.body = lead.empty() ? paragraphs : lead + "\n\n" + paragraphs;
    return a;
}

struct Grades {
    int subject_labelled = 0, subject_found = 0;  // main/partial: found as subject
    int subject_predicted = 0;                    // every item graded subject
    int passing_labelled = 0, passing_kept = 0;   // incidental: at least passing
    int subject_kept = 0;                         // main/partial: at least passing
    void add(const std::string& label, MentionLevel got) {
        bool subject = label == "main" || label == "partial";
        if (got == MentionLevel::subject) ++subject_predicted;
        if (subject) {
            ++subject_labelled;
            subject_found += got == MentionLevel::subject;
            subject_kept += got != MentionLevel::none;
        } else {
            ++passing_labelled;
            passing_kept += got != MentionLevel::none;
        }
    }
    void print(const std::string& part) const {
        double sr = subject_labelled ? double(subject_found) / subject_labelled : 1;
        double sp = subject_predicted ? double(subject_found) / subject_predicted : 1;
        double pr = passing_labelled ? double(passing_kept) / passing_labelled : 1;
        auto mark = [](double v, double t) { return v >= t ? "met" : "NOT met"; };
        std::cout << fmt::format("{}: subject recall {:.3f} ({}/{}, target {} {}), subject precision {:.3f} ({}/{}, "
                                 "target {} {}), passing recall {:.3f} ({}/{}, target {} {}); subject labels kept "
                                 "at least passing {}/{}\n",
                                 part, sr, subject_found, subject_labelled, subject_recall_target,
                                 mark(sr, subject_recall_target), sp, subject_found, subject_predicted,
                                 subject_precision_target, mark(sp, subject_precision_target), pr, passing_kept,
                                 passing_labelled, passing_recall_target, mark(pr, passing_recall_target),
                                 subject_kept, subject_labelled);
    }
};

}  // namespace

int main(int argc, char** argv) {
    bool verbose = false, development_only = false;
    std::string dir = std::string(PRESSWATCH_SOURCE_DIR) + "/../shared/data/triage-dev";
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--verbose")) verbose = true;
        else if (!std::strcmp(argv[i], "--development-only")) development_only = true;
        else dir = argv[i];
    }
    std::ifstream mentions(dir + "/mentions.jsonl");
    if (!mentions) {
        std::cout << fmt::format("SKIPPED: no {}/mentions.jsonl (the shared data folder is absent)\n", dir);
        return 0;
    }
    auto cfg = config::load_config();
    triage::Triager t(cfg);
    Grades dev, aside, folds[aside_every];
    std::string line;
    for (int i = 0; std::getline(mentions, line); ++i) {
        auto r = nlohmann::json::parse(line);
        auto d = t.decide(article(r, "description"), 0);
        std::string label = r.value("about_province", "");
        (i % aside_every == 0 ? aside : dev).add(label, d.mention_level);
        folds[i % aside_every].add(label, d.mention_level);
        bool subject = label == "main" || label == "partial";
        bool wrong = subject != (d.mention_level == MentionLevel::subject) ||
                     (!subject && d.mention_level == MentionLevel::none);
        if (verbose && wrong && i % aside_every != 0)
            std::cout << fmt::format("  line {} labelled {}, graded {}: {}\n", i, label,
                                     triage::level_name(d.mention_level), r.value("title", ""));
    }
    std::cout << "mentions.jsonl (real headlines + descriptions naming Thanh Hóa)\n";
    dev.print(fmt::format("  development part (lines i % {} != 0)", aside_every));
    for (int k = 1; k < aside_every; ++k) folds[k].print(fmt::format("  development fold {}", k));
    if (development_only) return 0;
    aside.print(fmt::format("  kept aside (lines i % {} == 0)", aside_every));

    std::ifstream flags(dir + "/flags.jsonl");
    if (!flags) return 0;
    int n = 0, subject = 0, passing = 0, subject_aside = 0, n_aside = 0;
    for (int i = 0; std::getline(flags, line); ++i) {
        auto r = nlohmann::json::parse(line);
        auto d = t.decide(article(r, "lead"), 0);
        ++n;
        subject += d.mention_level == MentionLevel::subject;
        passing += d.mention_level == MentionLevel::passing;
        if (i % aside_every == 0) {
            ++n_aside;
            subject_aside += d.mention_level == MentionLevel::subject;
        }
        if (verbose && d.mention_level != MentionLevel::none)
            std::cout << fmt::format("  flags line {} graded {}: {}\n", i, triage::level_name(d.mention_level),
                                     r.value("title", ""));
    }
    std::cout << fmt::format("flags.jsonl as published (other provinces, not renamed): {} of {} graded subject "
                             "(target 0), {} passing; kept aside: {} of {} subject\n",
                             subject, n, passing, subject_aside, n_aside);
    return 0;
}
