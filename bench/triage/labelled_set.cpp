#include "bench/triage/labelled_set.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "text/dates.h"

namespace presswatch::bench {

static void read_file(const std::filesystem::path& p, std::vector<LabelledItem>& out) {
    std::ifstream in(p);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object() || !j.contains("expect"))
            throw std::runtime_error(p.string() + ":" + std::to_string(n) + ": not a labelled article");
        LabelledItem it;
        it.file = p.filename().string();
        it.id = j.value("id", p.filename().string() + ":" + std::to_string(n));
        it.article.url = j.value("url", "");
        it.article.headline = j.value("headline", "");
        it.article.description = j.value("description", "");
        it.article.body = j.value("articleBody", "");
        it.article.published = text::parse_iso8601(j.value("datePublished", ""));
        const auto& e = j["expect"];
        it.expect.clipping = e.value("clipping", false);
        it.expect.topics = e.value("topics", std::vector<std::string>{});
        it.expect.flag = e.value("flag", false);
        it.expect.severity = e.value("severity", 0);
        it.expect.agencies = e.value("agencies", std::vector<std::string>{});
        it.expect.tone = e.value("tone", "");
        it.note = j.value("case", "");
        out.push_back(std::move(it));
    }
}

std::vector<LabelledItem> read_labelled(const std::vector<std::filesystem::path>& paths) {
    std::vector<LabelledItem> out;
    for (const auto& p : paths) {
        if (std::filesystem::is_directory(p)) {
            std::vector<std::filesystem::path> files;
            for (const auto& e : std::filesystem::directory_iterator(p))
                if (e.path().extension() == ".jsonl") files.push_back(e.path());
            std::sort(files.begin(), files.end());
            for (const auto& f : files) read_file(f, out);
        } else if (std::filesystem::exists(p)) {
            read_file(p, out);
        }
    }
    return out;
}

}  // namespace presswatch::bench
