#pragma once
// The labelled triage set (tests/data/triage/*.jsonl, format in the
// project's conventions): one article per line with what triage should say.
#include <filesystem>
#include <string>
#include <vector>

#include "core/article.h"

namespace presswatch::bench {

struct Expected {
    bool clipping = false;
    std::vector<std::string> topics;
    bool flag = false;
    int severity = 0;
    std::vector<std::string> agencies;
    std::string tone;
};

struct LabelledItem {
    std::string id;
    std::string file;
    Article article;
    Expected expect;
    std::string note;  // the "case" line
};

// Reads every *.jsonl of each path (a file or a folder). Throws
// std::runtime_error naming file and line for a malformed line.
std::vector<LabelledItem> read_labelled(const std::vector<std::filesystem::path>& paths);

}  // namespace presswatch::bench
